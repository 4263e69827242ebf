// The outbox in the browser: kept in localStorage, sent through the API client, flushed when the
// app starts and whenever the connection comes back, one flush at a time (across tabs too, where
// the browser has Web Locks). Pages listen for changes to show what is waiting.
import { api } from '../api/client';
import type { Diary, PlayedSession, RecordedSession } from '../api/types';
import {
  diaryDaysFor,
  type FlushResult,
  flushOutbox,
  OUTBOX_KEY,
  type OutboxEntry,
  readOutbox,
  type Sender,
  type TextStore,
} from './outbox';

export const browserStore: TextStore = {
  read() {
    try {
      return localStorage.getItem(OUTBOX_KEY);
    } catch {
      return null;
    }
  },
  write(text) {
    try {
      if (text === null) localStorage.removeItem(OUTBOX_KEY);
      else localStorage.setItem(OUTBOX_KEY, text);
    } catch {
      // Storage full or blocked: the page still holds the session and says it was not sent.
    }
    notify();
  },
};

const apiSender: Sender = {
  send: (session, key) => api.post<RecordedSession>('/api/v1/sessions', session, { idempotencyKey: key }),
  async alreadyStored(session: PlayedSession) {
    const days = diaryDaysFor(session.started_at, Date.now());
    const diary = await api.get<Diary>(`/api/v1/diary?days=${days}`);
    const start = Date.parse(session.started_at);
    return diary.sessions.some((stored) => Date.parse(stored.started_at) === start);
  },
};

/** `last` is the latest flush's result; `flushing` says whether another is under way. */
type Listener = (entries: OutboxEntry[], last: FlushResult | null, flushing: boolean) => void;
const listeners = new Set<Listener>();
let lastResult: FlushResult | null = null;

function notify(): void {
  const entries = readOutbox(browserStore);
  for (const listener of listeners) listener(entries, lastResult, flushing > 0);
}

export function onOutboxChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function outboxEntries(): OutboxEntry[] {
  return readOutbox(browserStore);
}

let queue: Promise<unknown> = Promise.resolve();
let flushing = 0;

/** Whether a flush is under way (its result comes with the next change). */
export function outboxFlushing(): boolean {
  return flushing > 0;
}

/**
 * Sends what waits in the outbox. A call during a flush queues another one after it, so a session
 * added meanwhile is never left for the next time the connection returns.
 */
export function syncOutbox(): Promise<FlushResult> {
  flushing++;
  const flush = () => flushOutbox(browserStore, apiSender);
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const run = () =>
    locks ? (locks.request('unload-outbox', flush) as unknown as Promise<FlushResult>) : flush();
  const next = queue.then(run, run).then((result) => {
    lastResult = result;
    scheduleRetry(result);
    return result;
  });
  queue = next.catch(() => undefined).finally(() => {
    flushing--;
    notify();
  });
  return next;
}

/** Seconds to wait before trying again after a flush that could not reach the server. */
const RETRY_SECONDS = [2, 5, 15, 30, 60];
let retries = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * The `online` event is not the whole story: the connection may come back before the server is
 * reachable, or flicker. While something waits, try again now and then, less often each time.
 */
function scheduleRetry(result: FlushResult): void {
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  // Offline, the `online` event says when to try again.
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (!result.unreachable || offline || readOutbox(browserStore).length === 0) {
    retries = 0;
    return;
  }
  const seconds = RETRY_SECONDS[Math.min(retries, RETRY_SECONDS.length - 1)];
  retries++;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void syncOutbox();
  }, seconds * 1000);
}

let started = false;

/** Flushes now and whenever the connection returns; another tab's changes are shown here too. */
export function startOutboxSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => {
    retries = 0;
    void syncOutbox();
  });
  window.addEventListener('storage', (event) => {
    if (event.key === OUTBOX_KEY) notify();
  });
  if (readOutbox(browserStore).length > 0) void syncOutbox();
}
