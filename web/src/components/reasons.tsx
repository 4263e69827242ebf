// The shared way to show why: `useReasons()` loads GET /api/v1/reasons once per app load and
// `<Because ids={...}/>` lists the plain words of each id (the id itself while loading or when the
// server has no words for it). Every page that shows a `because` list uses this.
import { useEffect, useState } from 'preact/hooks';
import './reasons.css';
import { api } from '../api/client';
import { type ReasonItem, reasonList } from '../api/reasons';
import type { Reasons } from '../api/types';

let cached: Reasons | null = null;
let pending: Promise<Reasons | null> | null = null;
const listeners = new Set<(document: Reasons | null) => void>();

/** Starts loading the glossary once; a failed load is tried again by the next component that asks. */
export function loadReasons(): Promise<Reasons | null> {
  if (cached) return Promise.resolve(cached);
  if (!pending) {
    pending = api.get<Reasons>('/api/v1/reasons').then(
      (document) => {
        cached = document;
        for (const listener of listeners) listener(document);
        return document;
      },
      () => {
        pending = null;
        return null;
      },
    );
  }
  return pending;
}

/** The glossary, or null while it loads (or when it could not be loaded). */
export function useReasons(): Reasons | null {
  const [document, setDocument] = useState<Reasons | null>(cached);
  useEffect(() => {
    if (cached) {
      setDocument(cached);
      return;
    }
    listeners.add(setDocument);
    void loadReasons();
    return () => {
      listeners.delete(setDocument);
    };
  }, []);
  return document;
}

/**
 * The reasons of one decision as a list. `ids` may hold bare ids or `{id, text}` items from a
 * record; `detail` also shows the longer explanation when the glossary has one.
 */
export function Because(props: { ids: readonly ReasonItem[]; detail?: boolean; class?: string; label?: string }) {
  const document = useReasons();
  const words = reasonList(document, props.ids);
  if (words.length === 0) return null;
  return (
    <ul class={props.class ? `because ${props.class}` : 'because'} aria-label={props.label}>
      {words.map((reason) => (
        <li key={`${reason.id}\n${reason.text}`} data-reason={reason.id}>
          {reason.text}
          {props.detail && reason.detail && <span class="because-detail"> {reason.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The words for one id, inline (for a heading or a sentence). */
export function ReasonText(props: { id: ReasonItem }) {
  const document = useReasons();
  return <>{reasonList(document, [props.id])[0]?.text}</>;
}
