// Sessions waiting on this device: how many are waiting to be sent, and any the server refused,
// with its words and the choice to try again or remove it. Shown on the session page and at the
// top of every other page, so a refused session is never silently dropped.
import { useEffect, useState } from 'preact/hooks';
import type { OutboxEntry } from '../../player/outbox';
import { removeFromOutbox, retryEntry } from '../../player/outbox';
import { browserStore, onOutboxChange, outboxEntries, startOutboxSync, syncOutbox } from '../../player/outbox-sync';

export function useOutbox(): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>(() => outboxEntries());
  useEffect(() => {
    setEntries(outboxEntries());
    return onOutboxChange((now) => setEntries(now));
  }, []);
  return entries;
}

function when(entry: OutboxEntry): string {
  const date = new Date(entry.session.started_at);
  return Number.isNaN(date.getTime())
    ? 'a session'
    : `the session of ${date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}, ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

/** `except` leaves out the entry the session page already shows in full. */
export function OutboxNotice(props: { except?: string }) {
  useEffect(() => startOutboxSync(), []);
  const entries = useOutbox().filter((entry) => entry.id !== props.except);
  if (entries.length === 0) return null;
  const refused = entries.filter((entry) => entry.error);
  const waiting = entries.length - refused.length;
  return (
    <div class="outbox">
      {waiting > 0 && (
        <div class="notice" role="status">
          <p>
            {waiting === 1 ? 'One session is' : `${waiting} sessions are`} saved on this device and will be sent to Unload
            when the connection returns.
          </p>
          <button type="button" class="button" onClick={() => void syncOutbox()}>
            Send now
          </button>
        </div>
      )}
      {refused.map((entry) => (
        <div key={entry.id} class="notice notice-error" role="alert">
          <p>
            Unload could not store {when(entry)}: {entry.error?.message}
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => {
                retryEntry(browserStore, entry.id);
                void syncOutbox();
              }}
            >
              Try again
            </button>
            <button type="button" class="button" onClick={() => {
                if (window.confirm('Remove this session for good? It will not reach your record.')) {
                  removeFromOutbox(browserStore, entry.id);
                }
              }}
            >
              Remove it from this device
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
