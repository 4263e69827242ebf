// The outbox of played sessions. A finished session is written here first, then sent; it leaves
// only when the server has stored it. So a session played with no connection (or one whose answer
// was lost on the way back) is never lost, and it is never stored twice:
// - before each send the entry is marked `attempted`; if that send's answer never came, the next
//   try first asks the server whether a session with the same start is already stored;
// - a 4xx answer means the server looked at it and said no: the entry stays, with the server's
//   words, until the person removes it or tries again, instead of silently disappearing;
// - no connection or a 5xx: it stays and is tried again when the connection returns;
// - each entry keeps the Idempotency-Key it was first sent with, so every resend of it carries the
//   same key and the server answers a repeat with its first answer instead of storing it again.
// Storage, sending and the lock are injected, so all of this is tested without a browser.
import { newIdempotencyKey } from '../api/idempotency';
import type { PlayedSession, RecordedSession } from '../api/types';

export interface OutboxEntry {
  /** A local id, so the page can tell its own session from others in the outbox. */
  id: string;
  session: PlayedSession;
  /**
   * The Idempotency-Key every send of this session carries, made once when it is queued (an entry
   * queued by an older version of the app gets one before its next send).
   */
  key?: string;
  /** When it was put here (ISO moment). */
  savedAt: string;
  /** A send began whose answer may not have arrived. */
  attempted: boolean;
  /** The server refused it (4xx): its status and words. Not retried until asked. */
  error?: { status: number; code: string; message: string };
}

/** Where the outbox lives: localStorage in the browser. */
export interface TextStore {
  read(): string | null;
  write(text: string | null): void;
}

/** What went wrong with a send, as far as the outbox needs to know. */
export interface SendFailure {
  /** 0 when the request never reached the server (offline). */
  status: number;
  code: string;
  message: string;
}

export interface Sender {
  /** Sends the session with `key` as its Idempotency-Key. */
  send(session: PlayedSession, key: string): Promise<RecordedSession>;
  /** Whether the server already holds a session with this one's start (after a lost answer). */
  alreadyStored(session: PlayedSession): Promise<boolean>;
}

export interface FlushResult {
  /** Entries the server stored now, with its record (null when it had stored it before). */
  sent: { entry: OutboxEntry; recorded: RecordedSession | null }[];
  /** Entries the server refused now. */
  refused: OutboxEntry[];
  /** The flush stopped because the server could not be reached (or failed, 5xx). */
  unreachable: boolean;
}

export const OUTBOX_KEY = 'unload.outbox';

export function readOutbox(store: TextStore): OutboxEntry[] {
  const text = store.read();
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isEntry);
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<OutboxEntry>;
  return typeof entry.id === 'string' && typeof entry.session === 'object' && entry.session !== null;
}

function writeOutbox(store: TextStore, entries: OutboxEntry[]): void {
  store.write(entries.length === 0 ? null : JSON.stringify(entries));
}

export function newEntryId(random: () => number = Math.random, now: () => number = Date.now): string {
  return `${now().toString(36)}-${Math.floor(random() * 2 ** 40).toString(36)}`;
}

/** Puts a session in the outbox (before any attempt to send it) and returns its entry. */
export function addToOutbox(
  store: TextStore,
  session: PlayedSession,
  id: string,
  savedAt: string,
  key: string = newIdempotencyKey(),
): OutboxEntry {
  const entry: OutboxEntry = { id, session, key, savedAt, attempted: false };
  const entries = readOutbox(store).filter((e) => e.id !== id);
  entries.push(entry);
  writeOutbox(store, entries);
  return entry;
}

export function removeFromOutbox(store: TextStore, id: string): void {
  writeOutbox(
    store,
    readOutbox(store).filter((e) => e.id !== id),
  );
}

/**
 * Clears a refused entry's error so the next flush sends it again. A refused send (4xx) stored
 * nothing, so the new try is a new write with a new key: a server that keeps its answer per key
 * would otherwise answer the old refusal again.
 */
export function retryEntry(store: TextStore, id: string, key: string = newIdempotencyKey()): void {
  writeOutbox(
    store,
    // An entry still `attempted` was refused at the check for an earlier send whose answer was
    // lost: that send may be stored, so it keeps its key.
    readOutbox(store).map((e) => (e.id === id ? { ...e, error: undefined, key: e.error && !e.attempted ? key : e.key } : e)),
  );
}

function update(store: TextStore, id: string, change: (entry: OutboxEntry) => OutboxEntry): void {
  writeOutbox(
    store,
    readOutbox(store).map((e) => (e.id === id ? change(e) : e)),
  );
}

function failureOf(error: unknown): SendFailure {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const e = error as { status: unknown; code?: unknown; message?: unknown };
    return {
      status: typeof e.status === 'number' ? e.status : 0,
      code: typeof e.code === 'string' ? e.code : 'error',
      message: typeof e.message === 'string' ? e.message : String(error),
    };
  }
  return { status: 0, code: 'offline', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Sends every entry not refused before, oldest first, and stops at the first one the server
 * cannot take now. The storage is re-read for each entry, so a session added meanwhile (or sent by
 * another tab) is seen.
 */
export async function flushOutbox(store: TextStore, sender: Sender): Promise<FlushResult> {
  const result: FlushResult = { sent: [], refused: [], unreachable: false };
  const tried = new Set<string>();
  for (;;) {
    const entry = readOutbox(store).find((e) => !e.error && !tried.has(e.id));
    if (!entry) return result;
    tried.add(entry.id);
    let sending = false;
    try {
      if (entry.attempted && (await sender.alreadyStored(entry.session))) {
        removeFromOutbox(store, entry.id);
        result.sent.push({ entry, recorded: null });
        continue;
      }
      // The key is stored before the send, so a resend after a lost answer carries the same one.
      const key = entry.key ?? newIdempotencyKey();
      update(store, entry.id, (e) => ({ ...e, key, attempted: true }));
      sending = true;
      const recorded = await sender.send(entry.session, key);
      removeFromOutbox(store, entry.id);
      result.sent.push({ entry, recorded });
    } catch (error) {
      const failure = failureOf(error);
      if (failure.status >= 400 && failure.status < 500) {
        // Refused: keep it, with the server's words. A refused send leaves no copy there; a
        // refused check (a token now needed, say) says nothing about an earlier send.
        const refused = { ...entry, attempted: sending ? false : entry.attempted, error: failure };
        update(store, entry.id, () => refused);
        result.refused.push(refused);
        continue;
      }
      result.unreachable = true;
      return result;
    }
  }
}

/** The ISO moment of `ms` to the second, as the API's Moment is. */
export function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How many days of diary to read to find a session that started at `startedAt`. */
export function diaryDaysFor(startedAt: string, nowMs: number): number {
  const started = Date.parse(startedAt);
  if (!Number.isFinite(started)) return 7;
  const days = Math.ceil((nowMs - started) / 86_400_000) + 1;
  return Math.min(366, Math.max(2, days));
}
