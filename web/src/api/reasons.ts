// Plain words for the ids in `because` lists (GET /api/v1/reasons). The server's glossary is the
// only dictionary: this module looks ids up in it and falls back to the id itself, so a reason is
// never hidden just because its words are missing or still loading.
import type { Explanation, Reason, Reasons } from './types';

/**
 * What a `because` list holds: mostly bare ids; some records (program versions, weekly reviews)
 * carry `{id, text}` with the text already filled in for that case, which is then the better words.
 */
export type ReasonItem = string | Reason;

export interface ReasonWords {
  id: string;
  text: string;
  detail?: string;
  kind?: string;
  /** False when no words were found and `text` is the id itself. */
  known: boolean;
}

const PLACEHOLDER = /\{[a-z_]+\}/;

/** Kinds whose words are a fact from the person's answers, written as a phrase ("an ache after sitting"). */
const FACT_KINDS = new Set(['warning_sign', 'condition', 'pattern', 'intake_field', 'derived']);

/** A phrase as a sentence: capital first letter, a full stop at the end. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?:)]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * How an entry reads in a list of reasons. Facts are phrases, so they say where they come from
 * ("From your answers: an ache after sitting."); everything else is made a sentence.
 */
export function reasonSentence(entry: Pick<Explanation, 'kind' | 'text'>): string {
  if (FACT_KINDS.has(entry.kind)) return `From your answers: ${asSentence(entry.text).replace(/^./, (c) => c.toLowerCase())}`;
  return asSentence(entry.text);
}

/** The words for one item: its own text, else the glossary's, else the id. */
export function reasonWords(document: Reasons | null | undefined, item: ReasonItem): ReasonWords {
  const id = typeof item === 'string' ? item : item.id;
  const own = typeof item === 'string' ? undefined : item.text.trim();
  const entry = document?.reasons[id];
  if (own) return { id, text: asSentence(own), detail: entry?.detail, kind: entry?.kind, known: true };
  // A glossary text with `{name}` placeholders (a weekly review's reasons) only makes sense filled
  // in by the record it came from; shown bare it would read as a template, so fall back to the id.
  if (entry && entry.text && !PLACEHOLDER.test(entry.text)) {
    return { id, text: reasonSentence(entry), detail: entry.detail, kind: entry.kind, known: true };
  }
  return { id, text: id, kind: entry?.kind, known: false };
}

/**
 * The words for a list, each reason once, in order. A record can carry one id more than once with
 * its own words each time (a weekly review's `feedback_easier` for two exercises): those all stay.
 */
export function reasonList(document: Reasons | null | undefined, items: readonly ReasonItem[]): ReasonWords[] {
  const seen = new Set<string>();
  const out: ReasonWords[] = [];
  for (const item of items) {
    const words = reasonWords(document, item);
    const key = `${words.id}\n${words.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(words);
  }
  return out;
}
