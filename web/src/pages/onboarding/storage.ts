// Onboarding's answers live in sessionStorage until the program starts, so a reload (or the phone
// locking mid-way) loses nothing, and closing the tab forgets them. What is read back is checked
// field by field: a damaged or older copy starts afresh rather than half-filling the form.
import type { ScoreAnswer, Screen } from '../../api/types';
import type { Answers, FieldValue, FunctionChoice, LegSide } from './answers';

/** A stop page being shown, and the step the person came from (for "I answered wrongly"). */
export interface Stopped {
  screen: Screen;
  from: string;
}

export interface Saved {
  step: string;
  answers: Answers;
  stopped: Stopped | null;
}

export const ONBOARDING_KEY = 'unload.onboarding';
export const RESCREEN_KEY = 'unload.rescreen';
const VERSION = 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function booleans(value: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'boolean') out[key] = entry;
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function fieldValues(value: unknown): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' || typeof entry === 'boolean') out[key] = entry;
    else if (Array.isArray(entry) && entry.every((item) => typeof item === 'string')) out[key] = entry as string[];
  }
  return out;
}

function scoreValues(value: unknown): Record<string, Record<string, ScoreAnswer>> {
  const out: Record<string, Record<string, ScoreAnswer>> = {};
  if (!isRecord(value)) return out;
  for (const [instrument, given] of Object.entries(value)) {
    if (!isRecord(given)) continue;
    const answers: Record<string, ScoreAnswer> = {};
    for (const [index, answer] of Object.entries(given)) {
      if (!/^\d+$/.test(index)) continue;
      if (answer === null || ['number', 'boolean', 'string'].includes(typeof answer)) answers[index] = answer as ScoreAnswer;
    }
    out[instrument] = answers;
  }
  return out;
}

function isScreen(value: unknown): value is Screen {
  return (
    isRecord(value) &&
    typeof value.verdict === 'string' &&
    Array.isArray(value.warnings) &&
    Array.isArray(value.excluded) &&
    Array.isArray(value.modified) &&
    Array.isArray(value.advice)
  );
}

/** Reads a saved copy, or null when there is none or it cannot be trusted. */
export function parseSaved(text: string | null): Saved | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.version !== VERSION || typeof raw.step !== 'string' || !isRecord(raw.answers)) return null;
  const a = raw.answers;
  const legSide: LegSide | null = a.legSide === 'left' || a.legSide === 'right' || a.legSide === 'both' ? a.legSide : null;
  const choice: FunctionChoice | null = a.function === 'odi' || a.function === 'rmdq' || a.function === 'none' ? a.function : null;
  const imperial: Answers['imperial'] = {};
  if (isRecord(a.imperial)) {
    for (const key of ['lb', 'ft', 'in'] as const) {
      const text = a.imperial[key];
      if (typeof text === 'string') imperial[key] = text;
    }
  }
  const answers: Answers = {
    facts: booleans(a.facts),
    fields: fieldValues(a.fields),
    legSide,
    function: choice,
    scores: scoreValues(a.scores),
    unsure: strings(a.unsure),
    skipped: strings(a.skipped),
    units: a.units === 'imperial' ? 'imperial' : 'metric',
    imperial,
  };
  let stopped: Stopped | null = null;
  if (isRecord(raw.stopped) && isScreen(raw.stopped.screen) && typeof raw.stopped.from === 'string') {
    stopped = { screen: raw.stopped.screen, from: raw.stopped.from };
  }
  return { step: raw.step, answers, stopped };
}

export function serializeSaved(saved: Saved): string {
  return JSON.stringify({ version: VERSION, ...saved });
}

/** sessionStorage, or nothing when the browser refuses it (a private window, say). */
function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadSaved(key: string): Saved | null {
  try {
    return parseSaved(store()?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

export function save(key: string, saved: Saved): void {
  try {
    store()?.setItem(key, serializeSaved(saved));
  } catch {
    // Full or refused: the answers still live in the page until it reloads.
  }
}

export function forget(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}

/**
 * Opens a flow again at the step that stopped it, with the answers kept, for a person answering
 * again after being seen (or after an answer was wrong). Without a stopped copy, nothing changes.
 */
export function reopen(key: string): void {
  const saved = loadSaved(key);
  if (saved?.stopped) save(key, { ...saved, step: saved.stopped.from, stopped: null });
}
