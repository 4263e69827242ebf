import { describe, expect, it } from 'vitest';
import { storedSession } from '../api/fixtures';
import type { PlayedSession, RecordedSession } from '../api/types';
import {
  addToOutbox,
  diaryDaysFor,
  flushOutbox,
  isoSecond,
  newEntryId,
  readOutbox,
  removeFromOutbox,
  retryEntry,
  type Sender,
  type TextStore,
} from './outbox';

function memory(): TextStore & { text: string | null } {
  const store = {
    text: null as string | null,
    read: () => store.text,
    write: (text: string | null) => {
      store.text = text;
    },
  };
  return store;
}

function session(minute: number): PlayedSession {
  return { started_at: `2026-03-02T07:${String(minute).padStart(2, '0')}:00Z`, pain_before: 4, pain_after: 3, controls: [], ended_ms: 60000 };
}

function recorded(played: PlayedSession): RecordedSession {
  return {
    ...storedSession({ started_at: played.started_at, active_ms: 60000 }),
    pain_before: played.pain_before,
    pain_after: played.pain_after ?? null,
    stops: [],
    rescreen_needed: false,
  };
}

/** A fake server: stores what it is sent, and can drop the answer or refuse. */
function server(mode: { offline?: boolean; loseAnswer?: boolean; refuse?: number } = {}) {
  const stored: PlayedSession[] = [];
  const sender: Sender = {
    async send(played) {
      if (mode.offline) throw { status: 0, code: 'offline', message: 'Could not reach Unload.' };
      if (mode.refuse) throw { status: mode.refuse, code: 'invalid_input', message: 'pain_before: out of range' };
      stored.push(played);
      if (mode.loseAnswer) throw { status: 0, code: 'offline', message: 'connection reset' };
      return recorded(played);
    },
    async alreadyStored(played) {
      if (mode.offline) throw { status: 0, code: 'offline', message: 'Could not reach Unload.' };
      return stored.some((s) => s.started_at === played.started_at);
    },
  };
  return { stored, sender, mode };
}

describe('the outbox', () => {
  it('keeps a session until the server has stored it, then sends it once', async () => {
    const store = memory();
    const srv = server({ offline: true });
    addToOutbox(store, session(45), 'a', '2026-03-02T08:00:00Z');
    const first = await flushOutbox(store, srv.sender);
    expect(first.unreachable).toBe(true);
    expect(readOutbox(store)).toHaveLength(1);
    expect(srv.stored).toHaveLength(0);

    srv.mode.offline = false;
    const second = await flushOutbox(store, srv.sender);
    expect(second.sent.map((s) => s.entry.id)).toEqual(['a']);
    expect(second.sent[0].recorded?.outcome).toBe('completed');
    expect(readOutbox(store)).toEqual([]);
    expect(store.text).toBeNull();

    await flushOutbox(store, srv.sender);
    expect(srv.stored).toHaveLength(1);
  });

  it('does not store twice when the answer to a send was lost', async () => {
    const store = memory();
    const srv = server({ loseAnswer: true });
    addToOutbox(store, session(45), 'a', '2026-03-02T08:00:00Z');
    const lost = await flushOutbox(store, srv.sender);
    expect(lost.unreachable).toBe(true);
    expect(readOutbox(store)[0].attempted).toBe(true);
    expect(srv.stored).toHaveLength(1);

    srv.mode.loseAnswer = false;
    const again = await flushOutbox(store, srv.sender);
    expect(again.sent).toEqual([{ entry: expect.objectContaining({ id: 'a' }), recorded: null }]);
    expect(srv.stored).toHaveLength(1);
    expect(readOutbox(store)).toEqual([]);
  });

  it('keeps a refused session with the server words, and sends the rest', async () => {
    const store = memory();
    const srv = server({ refuse: 400 });
    addToOutbox(store, session(10), 'bad', '2026-03-02T08:00:00Z');
    const result = await flushOutbox(store, srv.sender);
    expect(result.refused.map((e) => e.error?.message)).toEqual(['pain_before: out of range']);
    expect(result.unreachable).toBe(false);
    const kept = readOutbox(store);
    expect(kept).toHaveLength(1);
    expect(kept[0].error).toEqual({ status: 400, code: 'invalid_input', message: 'pain_before: out of range' });
    expect(kept[0].attempted).toBe(false);

    // Not retried by itself; a later session still goes through.
    srv.mode.refuse = undefined;
    addToOutbox(store, session(20), 'good', '2026-03-02T08:30:00Z');
    const next = await flushOutbox(store, srv.sender);
    expect(next.sent.map((s) => s.entry.id)).toEqual(['good']);
    expect(readOutbox(store).map((e) => e.id)).toEqual(['bad']);

    // Until the person asks to try again.
    retryEntry(store, 'bad');
    const retried = await flushOutbox(store, srv.sender);
    expect(retried.sent.map((s) => s.entry.id)).toEqual(['bad']);
    expect(readOutbox(store)).toEqual([]);
  });

  it('keeps checking for an earlier copy when the check itself is refused', async () => {
    const store = memory();
    const srv = server({ loseAnswer: true });
    addToOutbox(store, session(45), 'a', '2026-03-02T08:00:00Z');
    await flushOutbox(store, srv.sender);
    // The server now wants a token: the diary check is refused with 401.
    const check = srv.sender.alreadyStored;
    srv.sender.alreadyStored = async () => {
      throw { status: 401, code: 'unauthorized', message: 'a token is needed' };
    };
    const refused = await flushOutbox(store, srv.sender);
    expect(refused.refused[0].error?.status).toBe(401);
    expect(readOutbox(store)[0].attempted).toBe(true);
    // With the token in place, the retry finds the copy instead of storing a second one.
    srv.sender.alreadyStored = check;
    srv.mode.loseAnswer = false;
    retryEntry(store, 'a');
    await flushOutbox(store, srv.sender);
    expect(srv.stored).toHaveLength(1);
    expect(readOutbox(store)).toEqual([]);
  });

  it('treats a server failure (5xx) as a reason to try later, not a refusal', async () => {
    const store = memory();
    const srv = server({ refuse: 503 });
    addToOutbox(store, session(10), 'a', '2026-03-02T08:00:00Z');
    const result = await flushOutbox(store, srv.sender);
    expect(result.unreachable).toBe(true);
    expect(readOutbox(store)[0].error).toBeUndefined();
  });

  it('sends oldest first and stops at the first that cannot go', async () => {
    const store = memory();
    const srv = server();
    addToOutbox(store, session(1), 'one', 'x');
    addToOutbox(store, session(2), 'two', 'y');
    const result = await flushOutbox(store, srv.sender);
    expect(srv.stored.map((s) => s.started_at)).toEqual([session(1).started_at, session(2).started_at]);
    expect(result.sent).toHaveLength(2);
  });

  it('survives what it cannot read, and can remove an entry', () => {
    const store = memory();
    store.text = 'not json';
    expect(readOutbox(store)).toEqual([]);
    store.text = JSON.stringify([{ id: 'ok', session: session(1) }, { nonsense: true }, 3]);
    expect(readOutbox(store).map((e) => e.id)).toEqual(['ok']);
    removeFromOutbox(store, 'ok');
    expect(store.text).toBeNull();
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A server that keeps its first answer per Idempotency-Key, as `unload serve` does (issue 13). */
function keyedServer(mode: { loseAnswer?: boolean; refuse?: number } = {}) {
  const stored: PlayedSession[] = [];
  const keys: string[] = [];
  const answers = new Map<string, RecordedSession>();
  const sender: Sender = {
    async send(played, key) {
      keys.push(key);
      if (mode.refuse) throw { status: mode.refuse, code: 'invalid_input', message: 'refused' };
      let answer = answers.get(key);
      if (!answer) {
        stored.push(played);
        answer = recorded(played);
        answers.set(key, answer);
      }
      if (mode.loseAnswer) throw { status: 0, code: 'offline', message: 'connection reset' };
      return answer;
    },
    // This server cannot tell by the start: only the key keeps it from storing twice.
    alreadyStored: async () => false,
  };
  return { stored, keys, sender, mode };
}

describe('the outbox idempotency key', () => {
  it('is made once when a session is queued, and kept with it', () => {
    const store = memory();
    addToOutbox(store, session(1), 'one', 'x');
    addToOutbox(store, session(2), 'two', 'y');
    const [one, two] = readOutbox(store);
    expect(one.key).toMatch(UUID);
    expect(two.key).toMatch(UUID);
    expect(one.key).not.toBe(two.key);
  });

  it('is sent again with a resend after a lost answer, so the server stores the session once', async () => {
    const store = memory();
    const srv = keyedServer({ loseAnswer: true });
    addToOutbox(store, session(45), 'a', 'x', 'key-a');
    expect((await flushOutbox(store, srv.sender)).unreachable).toBe(true);
    expect((await flushOutbox(store, srv.sender)).unreachable).toBe(true);
    srv.mode.loseAnswer = false;
    const result = await flushOutbox(store, srv.sender);
    expect(result.sent.map((s) => s.recorded?.started_at)).toEqual([session(45).started_at]);
    expect(srv.keys).toEqual(['key-a', 'key-a', 'key-a']);
    expect(srv.stored).toHaveLength(1);
    expect(readOutbox(store)).toEqual([]);
  });

  it('is given, and stored before the send, to an entry queued without one', async () => {
    const store = memory();
    store.text = JSON.stringify([{ id: 'old', session: session(5), savedAt: 'x', attempted: false }]);
    const srv = keyedServer({ loseAnswer: true });
    await flushOutbox(store, srv.sender);
    const key = readOutbox(store)[0].key;
    expect(key).toMatch(UUID);
    expect(srv.keys).toEqual([key]);
    srv.mode.loseAnswer = false;
    await flushOutbox(store, srv.sender);
    expect(srv.keys).toEqual([key, key]);
    expect(srv.stored).toHaveLength(1);
  });

  it('is new when the person retries a session the server refused, since nothing was stored', async () => {
    const store = memory();
    const srv = keyedServer({ refuse: 400 });
    addToOutbox(store, session(10), 'a', 'x', 'first');
    await flushOutbox(store, srv.sender);
    retryEntry(store, 'a', 'second');
    srv.mode.refuse = undefined;
    await flushOutbox(store, srv.sender);
    expect(srv.keys).toEqual(['first', 'second']);
    expect(srv.stored).toHaveLength(1);
  });

  it('is kept on a retry when an earlier send may have been stored (its answer was lost)', async () => {
    const store = memory();
    const srv = keyedServer({ loseAnswer: true });
    addToOutbox(store, session(10), 'a', 'x', 'first');
    await flushOutbox(store, srv.sender);
    srv.sender.alreadyStored = async () => {
      throw { status: 401, code: 'unauthorized', message: 'a token is needed' };
    };
    await flushOutbox(store, srv.sender);
    retryEntry(store, 'a', 'second');
    expect(readOutbox(store)[0].key).toBe('first');
  });
});

describe('outbox helpers', () => {
  it('stamps moments to the second, as the API takes them', () => {
    expect(isoSecond(Date.UTC(2026, 2, 2, 7, 45, 12, 987))).toBe('2026-03-02T07:45:12Z');
  });

  it('reads enough diary days to find a session', () => {
    const now = Date.UTC(2026, 2, 10, 12);
    expect(diaryDaysFor('2026-03-10T07:00:00Z', now)).toBe(2);
    expect(diaryDaysFor('2026-03-02T07:00:00Z', now)).toBe(10);
    expect(diaryDaysFor('garbage', now)).toBe(7);
  });

  it('makes distinct ids', () => {
    let n = 0;
    const ids = new Set(Array.from({ length: 50 }, () => newEntryId(() => (n++ * 0.618) % 1, () => 1000)));
    expect(ids.size).toBe(50);
  });
});
