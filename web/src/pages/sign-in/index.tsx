// `#/sign-in` (and any page of a clinic opened without a session): the user name and password,
// POST /api/v1/login, then on to where the person was going: the page they opened, or the
// `next` the address names, or today's page. A server that also takes its access token
// (api/session.ts explains when) offers the token form below. In personal mode the address only
// says that no sign-in is needed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import {
  LAST_ACCOUNT_KEY,
  afterSignIn,
  checkSession,
  copiesBelongToSomeoneElse,
  failureMessage,
  missing,
  signIn,
} from '../../api/session';
import type { Account } from '../../api/types';
import { forgetCachedAnswers, forgetLocalCopies } from '../data/forget';
import { startReminders } from '../reminders/notifier';
import { retryEntry } from '../../player/outbox';
import { browserStore, outboxEntries, startOutboxSync, syncOutbox } from '../../player/outbox-sync';
import { TokenForm } from '../../components/token';
import { Page } from '../../components/ui';
import { type Route, navigate } from '../../router';
import './sign-in.css';

type Field = 'username' | 'password';
type State = { state: 'idle' } | { state: 'working' } | { state: 'failed'; message: string; field: Field | null };

export function SignInPage(props: { route: Route; token?: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [state, setState] = useState<State>({ state: 'idle' });
  const usernameInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const working = state.state === 'working';

  const focus = (field: Field | null) => {
    const input = field === 'username' ? usernameInput.current : passwordInput.current;
    input?.focus();
    if (field === 'password') input?.select();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (working) return;
    const gap = missing(username, password);
    if (gap) {
      setState({ state: 'failed', message: gap.message, field: gap.field });
      focus(gap.field);
      return;
    }
    setState({ state: 'working' });
    let account: Account;
    try {
      account = await signIn(username, password);
    } catch (error) {
      // A wrong name or password names `username`, yet the password is what is usually mistyped:
      // the cursor goes there, ready to type again.
      const wrong = error instanceof ApiError && (error.status === 401 || error.status === 429);
      setState({ state: 'failed', message: failureMessage(error), field: wrong ? 'password' : null });
      if (wrong) focus('password');
      return;
    }
    await settleLocalCopies(account.username);
    startOutboxSync();
    if (outboxEntries().length > 0) void syncOutbox();
    startReminders();
    if (props.route.segments[0] === 'sign-in') navigate(afterSignIn(props.route.query.get('next')));
  };

  const failed = state.state === 'failed' ? state : null;
  const invalid = (field: Field) => (failed?.field === field ? true : undefined);
  const describedBy = (field: Field) => (failed?.field === field ? 'sign-in-problem' : undefined);

  return (
    <Page title="Sign in">
      {props.token ? (
        <p>
          This Unload server asks who you are before it opens anything. Sign in with the user name and password you
          were given, or use the access token further down.
        </p>
      ) : (
        <p>
          This Unload belongs to a clinic, so each record stays private behind a sign-in. Use the user name and
          password you were given.
        </p>
      )}
      <form class="card sign-in-form" onSubmit={submit} noValidate>
        <div class="sign-in-field">
          <label for="sign-in-username">User name</label>
          <input
            id="sign-in-username"
            ref={usernameInput}
            name="username"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            value={username}
            aria-invalid={invalid('username')}
            aria-describedby={describedBy('username')}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </div>
        <div class="sign-in-field">
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            ref={passwordInput}
            name="password"
            // Preact's types tie `type` to one kind of input; this one switches between two.
            type={(shown ? 'text' : 'password') as 'text'}
            autocomplete="current-password"
            autocapitalize="none"
            spellcheck={false}
            value={password}
            aria-invalid={invalid('password')}
            aria-describedby={describedBy('password')}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <label class="sign-in-show">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.currentTarget.checked)} />
          Show the password
        </label>
        <div class="button-row">
          <button type="submit" class="button button-primary sign-in-button" disabled={working}>
            {working ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
        <p class="sign-in-status" role="status">
          {working ? 'Checking your user name and password…' : ''}
        </p>
        <div role="alert">
          {failed && (
            <p id="sign-in-problem" class="notice notice-error">
              {failed.message}
            </p>
          )}
        </div>
      </form>
      <p class="muted">
        Forgotten your password, or not sure of your user name? Ask the clinic that made your account: they can set a
        new password for you. Your record is kept safe in the meantime.
      </p>
      {props.token && (
        <div class="notice sign-in-token" role="alert">
          <p>
            This Unload server also takes an access token. If whoever runs it gave you a token rather than a user name
            and password, enter it here.
          </p>
          {/* With the token kept, /me is asked again and the app opens as before (api/session.ts). */}
          <TokenForm compact onSaved={() => void checkSession()} />
        </div>
      )}
    </Page>
  );
}

/**
 * After signing in: the offline copies of answers always go (they are fetched again). Someone
 * else's sessions and answers kept in this browser go too; the same person's sessions refused
 * while signed out are sent again.
 */
async function settleLocalCopies(username: string): Promise<void> {
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(LAST_ACCOUNT_KEY);
  } catch {
    // No storage: nothing kept.
  }
  if (copiesBelongToSomeoneElse(previous, username)) await forgetLocalCopies();
  else await forgetCachedAnswers();
  try {
    localStorage.setItem(LAST_ACCOUNT_KEY, username);
  } catch {
    // No storage: nothing to remember it in.
  }
  for (const entry of outboxEntries()) {
    if (entry.error?.status === 401) retryEntry(browserStore, entry.id);
  }
}

/** `#/sign-in` when there is nothing to sign in to: personal mode. */
export function NoSignInPage() {
  return (
    <Page title="No sign-in needed">
      <p>
        This Unload is yours alone: it has no accounts, so there is nothing to sign in to.{' '}
        <a href="#/">Go to today's page</a>.
      </p>
    </Page>
  );
}

/** Signed in already, at `#/sign-in`: straight on to where the address points. */
export function SignedInRedirect(props: { route: Route }) {
  useEffect(() => {
    navigate(afterSignIn(props.route.query.get('next')));
  }, [props.route]);
  return null;
}
