import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import {
  afterSignIn,
  checkSession,
  copiesBelongToSomeoneElse,
  currentGate,
  failureMessage,
  type Gate,
  gateFrom,
  missing,
  normalizeUsername,
  onGateChange,
  resetGate,
  signIn,
  signInAddress,
  signOut,
  watchSession,
} from './session';

const ben = { username: 'ben', role: 'person' as const, person: 1 };
const signInFirst = new ApiError(401, 'unauthorized', 'Authorization', 'sign in first');
const tokenWanted = new ApiError(401, 'unauthorized', 'Authorization', 'this server needs its access token', 'Bearer');

describe('gateFrom', () => {
  it('opens the app in personal mode', () => {
    expect(gateFrom({ me: { account: null, mode: 'personal' } }, false)).toEqual({ state: 'open', personal: true });
  });
  it('names the account signed in to a clinic', () => {
    expect(gateFrom({ me: { account: ben, mode: 'clinic' } }, false)).toEqual({ state: 'signed-in', account: ben });
  });
  it('asks to sign in when /me answers 401 and no token is kept', () => {
    expect(gateFrom({ error: signInFirst }, false)).toEqual({ state: 'sign-in', token: false });
  });
  it('offers the token form too when the server asks for its bearer token', () => {
    expect(gateFrom({ error: tokenWanted }, false)).toEqual({ state: 'sign-in', token: true });
  });
  it('leaves a kept token to the pages, as before', () => {
    expect(gateFrom({ error: signInFirst }, true)).toEqual({ state: 'open', personal: false });
    expect(gateFrom({ error: tokenWanted }, true)).toEqual({ state: 'open', personal: false });
  });
  it('opens the app when /me cannot be reached or fails otherwise', () => {
    expect(gateFrom({ error: new ApiError(0, 'offline', undefined, 'offline') }, false).state).toBe('open');
    expect(gateFrom({ error: new ApiError(404, 'not_found', undefined, 'no route') }, false).state).toBe('open');
    expect(gateFrom({ error: new TypeError('bad') }, false).state).toBe('open');
  });
});

describe('the sign-in form', () => {
  it('reads a user name in small letters, without stray spaces', () => {
    expect(normalizeUsername('  Ben ')).toBe('ben');
  });
  it('says what is missing before asking the server', () => {
    expect(missing(' ', 'secret-password')).toEqual({ field: 'username', message: expect.any(String) });
    expect(missing('ben', '')).toEqual({ field: 'password', message: expect.any(String) });
    expect(missing('ben', ' ')).toBeNull();
  });
  it("shows the server's words as a sentence", () => {
    const wrong = new ApiError(401, 'unauthorized', 'username', 'that name and password do not match; try again');
    expect(failureMessage(wrong)).toBe('That name and password do not match; try again.');
    const wait = new ApiError(429, 'too_many_requests', 'username', 'wait 1 second before trying again');
    expect(failureMessage(wait)).toBe('Wait 1 second before trying again.');
    expect(failureMessage(new ApiError(400, 'x', undefined, 'Done already!'))).toBe('Done already!');
  });
  it('says so in plain words when the server cannot be reached', () => {
    expect(failureMessage(new ApiError(0, 'offline', undefined, 'x'))).toMatch(/cannot be reached/);
  });
});

describe('where signing in leads', () => {
  it('goes to the page named, or today', () => {
    expect(afterSignIn('/program')).toBe('/program');
    expect(afterSignIn('/session?speed=20')).toBe('/session?speed=20');
    expect(afterSignIn(null)).toBe('/');
    expect(afterSignIn('')).toBe('/');
  });
  it('never leaves the app, nor loops back to the sign-in page', () => {
    expect(afterSignIn('//evil.example/')).toBe('/');
    expect(afterSignIn('https://evil.example/')).toBe('/');
    expect(afterSignIn('/\\evil.example')).toBe('/');
    expect(afterSignIn('/sign-in')).toBe('/');
    expect(afterSignIn('/sign-in?next=/data')).toBe('/');
  });
  it('makes a sign-in address that comes back', () => {
    expect(signInAddress('/progress')).toBe('/sign-in?next=%2Fprogress');
    expect(signInAddress('/')).toBe('/sign-in');
    expect(signInAddress('/sign-in?next=/x')).toBe('/sign-in');
  });
});

describe("another person's copies", () => {
  it('go when someone else signs in on this browser', () => {
    expect(copiesBelongToSomeoneElse('ana', 'ben')).toBe(true);
  });
  it('stay for the same account, or when no one signed in here before', () => {
    expect(copiesBelongToSomeoneElse('ben', 'ben')).toBe(false);
    expect(copiesBelongToSomeoneElse(null, 'ben')).toBe(false);
  });
});

/** A fake server: each call answers the next of `answers` ([status, body, headers]). */
function serve(...answers: [number, unknown, Record<string, string>?][]) {
  const calls: { path: string; method: string; body?: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (path: string, init: RequestInit) => {
    calls.push({ path, method: init.method ?? 'GET', body: init.body as string | undefined, headers: init.headers as Record<string, string> });
    const [status, body, headers] = answers.shift() ?? [500, { error: { code: 'x', message: 'no answer left' } }];
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const unauthorized = (message: string) => ({ error: { code: 'unauthorized', field: 'Authorization', message } });

describe('the gate', () => {
  beforeEach(() => resetGate());
  afterEach(() => vi.unstubAllGlobals());

  it('asks /me once, however many ask at the same time', async () => {
    const calls = serve([200, { account: null, mode: 'personal' }]);
    const [a, b] = await Promise.all([checkSession(), checkSession()]);
    expect(a).toEqual({ state: 'open', personal: true });
    expect(b).toBe(a);
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/me']);
  });

  it('reads the bearer challenge of a server that takes a token', async () => {
    serve([401, unauthorized('this server needs its access token'), { 'WWW-Authenticate': 'Bearer' }]);
    expect(await checkSession()).toEqual({ state: 'sign-in', token: true });
  });

  it('signs in with the name in small letters and tells the listeners', async () => {
    const calls = serve([401, unauthorized('sign in first')], [200, { account: ben }]);
    const seen: Gate[] = [];
    onGateChange((gate) => seen.push(gate));
    await checkSession();
    expect(await signIn(' Ben', 'a long password')).toEqual(ben);
    expect(currentGate()).toEqual({ state: 'signed-in', account: ben });
    expect(seen.map((gate) => gate.state)).toEqual(['sign-in', 'signed-in']);
    expect(calls[1].method).toBe('POST');
    expect(calls[1].path).toBe('/api/v1/login');
    expect(calls[1].headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[1].body ?? '')).toEqual({ username: 'ben', password: 'a long password' });
  });

  it('keeps the sign-in page when the password is wrong, with the error to show', async () => {
    serve([401, { error: { code: 'unauthorized', field: 'username', message: 'no match' } }]);
    await expect(signIn('ben', 'wrong password')).rejects.toMatchObject({ status: 401, field: 'username' });
    expect(currentGate().state).toBe('checking');
  });

  it('signs out with an empty body and goes back to the sign-in page', async () => {
    const calls = serve([200, { account: ben }], [204, null], [401, unauthorized('sign in first')]);
    await signIn('ben', 'a long password');
    await signOut();
    expect(calls[1]).toMatchObject({ path: '/api/v1/logout', method: 'POST', body: '{}' });
    expect(currentGate()).toEqual({ state: 'sign-in', token: false });
  });

  it('stays signed in when signing out did not reach the server', async () => {
    serve([200, { account: ben }]);
    await signIn('ben', 'a long password');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    await expect(signOut()).rejects.toMatchObject({ offline: true });
    expect(currentGate().state).toBe('signed-in');
  });

  it('asks /me again when a page is refused while signed in, and shows the sign-in page', async () => {
    const calls = serve(
      [200, { account: ben }],
      [401, unauthorized('sign in first')],
      [401, unauthorized('sign in first')],
    );
    const stop = watchSession();
    await signIn('ben', 'a long password');
    const changed = new Promise<Gate>((resolve) => onGateChange(resolve));
    const { api } = await import('./client');
    await expect(api.get('/api/v1/program')).rejects.toBeInstanceOf(ApiError);
    expect(await changed).toEqual({ state: 'sign-in', token: false });
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/login', '/api/v1/program', '/api/v1/me']);
    stop();
  });

  it('leaves a refused page alone outside a clinic session (the token form handles it)', async () => {
    const calls = serve([200, { account: null, mode: 'personal' }], [401, unauthorized('needs its access token')]);
    const stop = watchSession();
    await checkSession();
    const { api } = await import('./client');
    await expect(api.get('/api/v1/program')).rejects.toBeInstanceOf(ApiError);
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/me', '/api/v1/program']);
    expect(currentGate()).toEqual({ state: 'open', personal: true });
    stop();
  });
});
