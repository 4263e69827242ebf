// Exercise documents and source titles, each fetched once per app load and shared by every card
// that needs them. A failed fetch is forgotten so the next render can try again.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Exercise, Rules, RuleSource } from '../../api/types';

const exercises = new Map<string, Promise<Exercise>>();

export function loadExercise(id: string): Promise<Exercise> {
  let pending = exercises.get(id);
  if (!pending) {
    pending = api.get<Exercise>(`/api/v1/exercises/${encodeURIComponent(id)}`);
    exercises.set(id, pending);
    pending.catch(() => exercises.delete(id));
  }
  return pending;
}

/** The exercise document, or null while it loads or when it could not be loaded. */
export function useExercise(id: string): Exercise | null {
  const [exercise, setExercise] = useState<Exercise | null>(null);
  useEffect(() => {
    let live = true;
    setExercise(null);
    loadExercise(id).then(
      (document) => live && setExercise(document),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  return exercise;
}

let sources: Promise<Map<string, RuleSource>> | null = null;

export function loadSources(): Promise<Map<string, RuleSource>> {
  if (!sources) {
    sources = api.get<Rules>('/api/v1/rules').then((sheet) => new Map(sheet.sources.map((source) => [source.id, source])));
    sources.catch(() => {
      sources = null;
    });
  }
  return sources;
}

/** Source titles by id; null while loading or when they could not be loaded. */
export function useSources(enabled: boolean): Map<string, RuleSource> | null {
  const [map, setMap] = useState<Map<string, RuleSource> | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadSources().then(
      (loaded) => live && setMap(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return map;
}
