// Your data: download everything Unload keeps (GET /api/v1/export) and delete it all
// (DELETE /api/v1/data, confirmed with the word "forget"), plus the access token for a server that
// asks for one. The token box shows only once a token is kept here (to remove it): a server that
// asks for one says so with a 401, and the error notice then offers the box. After a deletion the
// page says it is done and offers a fresh start. A person signed in to a clinic also sees who can
// open their record and who did lately (care.tsx); personal mode shows none of that.
import { useEffect, useState } from 'preact/hooks';
import { api, request, storedToken } from '../../api/client';
import { type Gate, currentGate, onGateChange } from '../../api/session';
import type { ForgetRequest } from '../../api/types';
import { saveBlob } from '../../components/download';
import { TokenForm } from '../../components/token';
import { ErrorNotice, Page } from '../../components/ui';
import { stopReminders } from '../reminders/notifier';
import { RecordAccess } from './record-access';
import { confirmed, exportFileName, forgetLocalCopies } from './forget';
import './data.css';

export function DataPage(_props: Record<string, unknown>) {
  const [deleted, setDeleted] = useState(false);
  const [hasToken] = useState(() => storedToken() !== null);
  const [gate, setGate] = useState<Gate>(currentGate);
  useEffect(() => {
    const stop = onGateChange(setGate);
    return () => {
      stop();
    };
  }, []);
  const person = gate.state === 'signed-in' && gate.account.role === 'person' ? gate.account.username : null;
  if (deleted) {
    return (
      <Page title="Everything is deleted">
        <p role="status">
          Unload no longer keeps anything about you, on the server or in this browser. If you come back, it starts
          again from the first questions.
        </p>
        <div class="button-row">
          <a class="button button-primary" href="#/">
            Go to the start
          </a>
        </div>
      </Page>
    );
  }
  return (
    <Page title="Your data">
      <p>
        Everything Unload keeps about you is stored on the Unload server you use, with a few copies in this browser so
        that sessions work without a connection. Here you can take a copy of it all, or delete it.
      </p>
      {person !== null && <RecordAccess username={person} />}
      <Export />
      <Delete onDeleted={() => setDeleted(true)} />
      {hasToken && (
        <section class="card" aria-labelledby="token-title">
          <h2 id="token-title">Access token</h2>
          <p>
            This browser keeps the access token the Unload server asked for. Remove it here on a computer you share.
          </p>
          <TokenForm />
        </section>
      )}
    </Page>
  );
}

function Export() {
  const [state, setState] = useState<{ state: 'idle' } | { state: 'working' } | { state: 'done'; name: string } | { state: 'error'; error: unknown }>({
    state: 'idle',
  });
  const download = async () => {
    setState({ state: 'working' });
    try {
      const response = await request('GET', '/api/v1/export');
      const name = exportFileName(new Date());
      saveBlob(await response.blob(), name);
      setState({ state: 'done', name });
    } catch (error) {
      setState({ state: 'error', error });
    }
  };
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Download a copy</h2>
      <p>
        One file (JSON) with your answers to the questions, every version of your program and why it changed, your
        sessions, pain ratings, questionnaire scores, weekly reviews and reminder times. Keep it somewhere safe: it is
        about your health.
      </p>
      <p>
        To show a clinician, <a href="#/share">open a one-page summary to print or share with your physio or GP</a>.
      </p>
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={download} disabled={state.state === 'working'}>
          Download your data
        </button>
      </div>
      <p role="status">
        {state.state === 'working' && 'Preparing the file…'}
        {state.state === 'done' && `Saved as ${state.name}.`}
      </p>
      {state.state === 'error' && <ErrorNotice error={state.error} retry={download} />}
    </section>
  );
}

function Delete(props: { onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<{ state: 'idle' } | { state: 'working' } | { state: 'error'; error: unknown }>({ state: 'idle' });
  const ready = confirmed(typed);
  const forget = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    setState({ state: 'working' });
    try {
      const body: ForgetRequest = { confirm: 'forget' };
      await api.delete('/api/v1/data', body);
      stopReminders();
      await forgetLocalCopies();
      props.onDeleted();
    } catch (error) {
      setState({ state: 'error', error });
    }
  };
  return (
    <section class="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete everything</h2>
      <p>This removes, from the server and from this browser:</p>
      <ul>
        <li>your answers to the questions, including any warning signs you reported</li>
        <li>your program and every change the weekly reviews made to it</li>
        <li>every session you did, with its pain ratings and any stops</li>
        <li>your pain diary and questionnaire scores</li>
        <li>your reminder times</li>
      </ul>
      <p>
        <strong>It cannot be undone.</strong> Unload starts again from the welcome, as if it had never been used. If you
        might want your history later, for yourself or a clinician, download a copy first.
      </p>
      <form onSubmit={forget}>
        <label for="confirm-forget">
          To confirm, type the word <span class="confirm-word">forget</span>
        </label>
        <input
          id="confirm-forget"
          type="text"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          value={typed}
          aria-describedby="confirm-help"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <p id="confirm-help" class="muted">
          The button below works once the word is typed.
        </p>
        <div class="button-row">
          <button type="submit" class="button button-danger" disabled={!ready || state.state === 'working'}>
            Delete everything
          </button>
        </div>
        <p role="status">{state.state === 'working' && 'Deleting…'}</p>
        {state.state === 'error' && <ErrorNotice error={state.error} />}
      </form>
    </section>
  );
}
