// Signing in to a clinic. A server with accounts (clinic mode) answers every record route 401
// until the browser carries the session cookie POST /api/v1/login sets (HttpOnly: this code never
// sees it, fetch sends it). GET /api/v1/me says which it is: the signed-in account, personal mode
// (no sign-in, nothing changes), or 401.
//
// A 401 from /me cannot always be read one way. A clinic without a session answers it, but so
// does a personal-mode server that asks for its access token and got none (with the token, /me
// answers `{"account": null, "mode": "personal"}`). So the rule is kept simple:
// - /me answers 401 and this browser keeps no access token: show the sign-in page. When the
//   answer also asks for a bearer token (WWW-Authenticate), the page offers the token form too,
//   so a person given a token rather than a name and password can still get in.
// - /me answers 401 and a token is kept: open the app as before; the pages' error notice offers
//   the token form again if the token is wrong, and a link to the sign-in page.
// - /me cannot be reached (offline, an older server): open the app as before, so sessions still
//   start on the floor with no connection.
// While signed in, any request answered `401 unauthorized` (the session ran out) asks /me again,
// and the sign-in page comes back when it agrees.
import { ApiError, api, onUnauthorized, request, storeToken, storedToken } from './client';
import type { Account, LoginRequest, Me } from './types';

export type Gate =
  /** /me has not answered yet. */
  | { state: 'checking' }
  /** Personal mode (`personal`), a kept access token, or no answer: the app as it always was. */
  | { state: 'open'; personal: boolean }
  | { state: 'signed-in'; account: Account }
  /** A clinic without a session; `token`: the server also takes its access token. */
  | { state: 'sign-in'; token: boolean };

export type MeOutcome = { me: Me } | { error: unknown };

/** What the app shows, from /me's answer and whether this browser keeps an access token. */
export function gateFrom(outcome: MeOutcome, tokenKept: boolean): Gate {
  if ('me' in outcome) {
    const { me } = outcome;
    if (me.mode === 'clinic' && me.account) return { state: 'signed-in', account: me.account };
    return { state: 'open', personal: me.mode === 'personal' };
  }
  const error = outcome.error;
  if (error instanceof ApiError && error.status === 401 && !tokenKept) {
    return { state: 'sign-in', token: /^\s*bearer\b/i.test(error.challenge ?? '') };
  }
  return { state: 'open', personal: false };
}

/** Account names are small letters (a phone capitalises the first one); spaces are a slip. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

export interface Problem {
  field: 'username' | 'password';
  message: string;
}

/** What is missing before asking the server at all, or null. */
export function missing(username: string, password: string): Problem | null {
  if (normalizeUsername(username) === '') return { field: 'username', message: 'Please enter your user name.' };
  if (password === '') return { field: 'password', message: 'Please enter your password.' };
  return null;
}

/** The words to show when signing in failed: the server's own message, as a sentence. */
export function failureMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.offline) return 'Unload cannot be reached just now. Check the connection, then try again.';
    const text = error.message.trim();
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where to go after signing in: the `next` the sign-in address carries, if it is a path of this
 * app (never another site, never the sign-in page itself), else today's page.
 */
export function afterSignIn(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  const path = next.split('?', 1)[0];
  if (path === '/sign-in' || path.startsWith('/sign-in/')) return '/';
  return next;
}

/** The sign-in address that returns to `path` (the route's path and query) afterwards. */
export function signInAddress(path: string): string {
  const target = afterSignIn(path);
  return target === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(target)}`;
}

/**
 * This browser keeps copies of a record (the session outbox, onboarding answers, offline copies
 * of answers). Signing in as someone else than the account last signed in here must not send or
 * show the earlier person's copies under the new account: true when they have to go first.
 * An unknown earlier account (first sign-in here, or personal mode before) keeps them.
 */
export function copiesBelongToSomeoneElse(previous: string | null, now: string): boolean {
  return previous !== null && previous !== now;
}

/** The localStorage key naming the account last signed in in this browser. */
export const LAST_ACCOUNT_KEY = 'unload.account';

// --- The one gate the app reads ------------------------------------------------------------------

type Listener = (gate: Gate) => void;
let gate: Gate = { state: 'checking' };
const listeners = new Set<Listener>();
let checking: Promise<Gate> | null = null;

export function currentGate(): Gate {
  return gate;
}

function setGate(next: Gate): void {
  gate = next;
  for (const listener of listeners) listener(gate);
}

export function onGateChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks /me who this is, once at a time, and updates the gate. */
export function checkSession(): Promise<Gate> {
  if (!checking) {
    checking = api
      .get<Me>('/api/v1/me')
      .then(
        (me): MeOutcome => ({ me }),
        (error: unknown): MeOutcome => ({ error }),
      )
      .then((outcome) => {
        setGate(gateFrom(outcome, storedToken() !== null));
        return gate;
      })
      .finally(() => {
        checking = null;
      });
  }
  return checking;
}

/** Signs in; resolves with the account, or rejects with the server's ApiError. */
export async function signIn(username: string, password: string): Promise<Account> {
  const body: LoginRequest = { username: normalizeUsername(username), password };
  const { account } = await api.post<{ account: Account }>('/api/v1/login', body);
  // A kept access token would be sent with every request and speak louder than the session:
  // once signed in, the session is how this browser gets in.
  try {
    storeToken(null);
  } catch {
    // No storage: no token kept either.
  }
  setGate({ state: 'signed-in', account });
  return account;
}

/** Signs out; the gate goes back to the sign-in page. Rejects (still signed in) if the server did not answer. */
export async function signOut(): Promise<void> {
  await request('POST', '/api/v1/logout', {});
  // /me says again whether the server also takes its access token (the sign-in page offers it).
  const after = await checkSession();
  if (after.state !== 'sign-in') setGate({ state: 'sign-in', token: false });
}

/** While signed in, a 401 from any other request means the session may have ended: ask /me. */
export function watchSession(): () => void {
  return onUnauthorized((path) => {
    if (gate.state !== 'signed-in') return;
    if (path === '/api/v1/login' || path === '/api/v1/me') return;
    void checkSession();
  });
}

/** For tests: back to the first state. */
export function resetGate(): void {
  gate = { state: 'checking' };
  checking = null;
  listeners.clear();
}
