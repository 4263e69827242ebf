// Who is signed in (clinic mode only), and the way out. The gate itself lives in api/session.ts;
// this is its hook and the small account line in the header. In personal mode none of it shows.
import { useEffect, useState } from 'preact/hooks';
import { type Gate, checkSession, currentGate, failureMessage, onGateChange, signOut, watchSession } from '../api/session';
import { forgetLocalCopies } from '../pages/data/forget';
import { stopReminders } from '../pages/reminders/notifier';
import { outboxEntries, syncOutbox } from '../player/outbox-sync';
import { navigate } from '../router';

/** The gate, asked of the server once when the app starts and followed afterwards. */
export function useGate(): Gate {
  const [gate, setGate] = useState<Gate>(currentGate);
  useEffect(() => {
    const stopListening = onGateChange(setGate);
    const stopWatching = watchSession();
    if (currentGate().state === 'checking') void checkSession();
    else setGate(currentGate());
    return () => {
      stopListening();
      stopWatching();
    };
  }, []);
  return gate;
}

/**
 * "Signed in as ben" and a sign-out button, for the header. Signing out sends any sessions still
 * waiting on this device first; if some cannot be sent, it says so and asks before deleting them.
 * Then it clears this browser's copies of the record (a clinic's tablet passes from hand to hand).
 */
export function AccountBar(props: { username: string }) {
  const [state, setState] = useState<
    { state: 'idle' } | { state: 'working' } | { state: 'waiting'; count: number } | { state: 'failed'; message: string }
  >({ state: 'idle' });
  const leave = async (anyway: boolean) => {
    setState({ state: 'working' });
    if (!anyway && outboxEntries().length > 0) {
      await syncOutbox().catch(() => undefined);
      const count = outboxEntries().length;
      if (count > 0) {
        setState({ state: 'waiting', count });
        return;
      }
    }
    try {
      await signOut();
    } catch (error) {
      setState({ state: 'failed', message: `Signing out did not work: ${failureMessage(error)}` });
      return;
    }
    navigate('/sign-in');
    stopReminders();
    await forgetLocalCopies();
  };
  const working = state.state === 'working';
  return (
    <div class="account-bar">
      <p class="account-name">
        Signed in as <strong>{props.username}</strong>
      </p>
      <button type="button" class="button" onClick={() => void leave(false)} disabled={working}>
        {working ? 'Signing out…' : 'Sign out'}
      </button>
      <div class="account-problem" role="alert">
        {state.state === 'failed' && <p>{state.message}</p>}
        {state.state === 'waiting' && (
          <div class="notice notice-warn">
            <p>
              {state.count === 1 ? 'One session' : `${state.count} sessions`} on this device could not be sent to Unload
              yet. Signing out now deletes {state.count === 1 ? 'it' : 'them'} from this device.
            </p>
            <div class="button-row">
              <button type="button" class="button" onClick={() => setState({ state: 'idle' })}>
                Stay signed in
              </button>
              <button type="button" class="button button-danger" onClick={() => void leave(true)}>
                Sign out anyway
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
