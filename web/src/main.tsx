import { render } from 'preact';
import { App } from './app';
import { startOutboxSync } from './player/outbox-sync';
import { startReminders } from './pages/reminders/notifier';
import './styles.css';

render(<App />, document.getElementById('app')!);

// Sessions played without a connection wait in an outbox: send them now and whenever the
// connection returns.
startOutboxSync();

// Reminder notifications the person switched on (#/reminders) run while the app is open.
startReminders();

// Installable and usable offline: register the service worker once the page has loaded, so it
// never competes with the first render. Not in development, where Vite serves the files.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
