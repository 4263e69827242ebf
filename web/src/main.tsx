import { render } from 'preact';
import { checkSession } from './api/session';
import { App } from './app';
import { startOutboxSync } from './player/outbox-sync';
import { startReminders } from './pages/reminders/notifier';
import './styles.css';

render(<App />, document.getElementById('app')!);

// Once the server has said who this is (api/session.ts): sessions played without a connection
// wait in an outbox, sent now and whenever the connection returns; reminder notifications the
// person switched on (#/reminders) run while the app is open. A clinic's sign-in page starts
// both after signing in, so nothing is sent, and refused, before then.
void checkSession().then((gate) => {
  if (gate.state === 'sign-in') return;
  startOutboxSync();
  startReminders();
});

// Installable and usable offline: register the service worker once the page has loaded, so it
// never competes with the first render. Not in development, where Vite serves the files.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
