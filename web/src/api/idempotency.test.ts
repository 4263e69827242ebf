import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, pendingWrites } from './client';
import { newIdempotencyKey, PendingWrites } from './idempotency';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('makes a version-4 UUID, with or without crypto.randomUUID', () => {
    expect(newIdempotencyKey()).toMatch(UUID);
    const insecure = { getRandomValues: (array: Uint8Array) => globalThis.crypto.getRandomValues(array) };
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey(insecure)));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(UUID);
    const zeros = { getRandomValues: (array: Uint8Array) => array };
    expect(newIdempotencyKey(zeros)).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('PendingWrites', () => {
  let n = 0;
  const writes = () => new PendingWrites(() => `k${++n}`);

  it('gives a resend of an unanswered write its key again', () => {
    const pending = writes();
    const key = pending.keyFor('POST', '/api/v1/pain', '{"pain":3}');
    pending.answered('POST', '/api/v1/pain', '{"pain":3}', 0);
    expect(pending.keyFor('POST', '/api/v1/pain', '{"pain":3}')).toBe(key);
    pending.answered('POST', '/api/v1/pain', '{"pain":3}', 503);
    expect(pending.keyFor('POST', '/api/v1/pain', '{"pain":3}')).toBe(key);
  });

  it('gives a new key once a write is settled (stored, or refused), and to another body or path', () => {
    const pending = writes();
    const first = pending.keyFor('POST', '/api/v1/pain', '{"pain":3}');
    expect(pending.keyFor('POST', '/api/v1/pain', '{"pain":4}')).not.toBe(first);
    expect(pending.keyFor('PUT', '/api/v1/pain', '{"pain":3}')).not.toBe(first);
    pending.answered('POST', '/api/v1/pain', '{"pain":3}', 201);
    const second = pending.keyFor('POST', '/api/v1/pain', '{"pain":3}');
    expect(second).not.toBe(first);
    pending.answered('POST', '/api/v1/pain', '{"pain":3}', 400);
    expect(pending.keyFor('POST', '/api/v1/pain', '{"pain":3}')).not.toBe(second);
  });
});

describe('the API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  function fakeFetch(statuses: (number | 'offline')[]) {
    const sent: { method: string; key: string | undefined }[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      sent.push({ method: String(init.method), key: headers['Idempotency-Key'] });
      const status = statuses.shift() ?? 200;
      if (status === 'offline') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(status < 300 ? {} : { error: { code: 'x', message: 'no' } }), { status });
    });
    return sent;
  }

  it('sends an Idempotency-Key with every POST, PUT and DELETE, and none with a GET', async () => {
    const sent = fakeFetch([200, 201, 200, 200]);
    await api.get('/api/v1/program');
    await api.post('/api/v1/pain', { pain: 2 });
    await api.put('/api/v1/reminders', { on: true });
    await api.delete('/api/v1/data', { confirm: 'forget' });
    expect(sent[0]).toEqual({ method: 'GET', key: undefined });
    for (const write of sent.slice(1)) expect(write.key).toMatch(UUID);
    expect(new Set(sent.slice(1).map((s) => s.key)).size).toBe(3);
  });

  it('resends the same key when the same write is sent again after no answer, and a new one after an answer', async () => {
    const sent = fakeFetch(['offline', 500, 201, 201]);
    const body = { pain: 7, at: '2026-03-02T08:00:00Z' };
    await expect(api.post('/api/v1/pain', body)).rejects.toMatchObject({ status: 0 });
    await expect(api.post('/api/v1/pain', body)).rejects.toMatchObject({ status: 500 });
    await api.post('/api/v1/pain', body);
    await api.post('/api/v1/pain', body);
    expect(sent[1].key).toBe(sent[0].key);
    expect(sent[2].key).toBe(sent[0].key);
    expect(sent[3].key).not.toBe(sent[0].key);
  });

  it('uses the key it is given (the outbox keeps its own)', async () => {
    const sent = fakeFetch([201, 201]);
    await api.post('/api/v1/sessions', { a: 1 }, { idempotencyKey: 'kept-key' });
    await api.post('/api/v1/sessions', { a: 1 }, { idempotencyKey: 'kept-key' });
    expect(sent.map((s) => s.key)).toEqual(['kept-key', 'kept-key']);
    expect(pendingWrites.keyFor('POST', '/api/v1/sessions', '{"a":1}')).not.toBe('kept-key');
  });
});
