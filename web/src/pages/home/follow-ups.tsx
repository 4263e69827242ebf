// Advice that asks the person to do something (book a physical therapist after pain spread down a
// leg, see someone after a review referred): it stays at the top of Today until they say it is
// done. The server keeps it (GET /api/v1/follow-ups), so it survives a reload or another device.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { FollowUp, FollowUps as FollowUpList } from '../../api/types';
import { ErrorNotice, useApi } from '../../components/ui';
import { dayWords } from './today';

/** Where the advice came from, in the person's words. */
export function givenWhen(followUp: FollowUp): string {
  return followUp.from === 'stop'
    ? `From your session on ${dayWords(followUp.day)}, when you stopped it with “${followUp.because}”.`
    : `From your weekly review on ${dayWords(followUp.day)} (${followUp.because}).`;
}

export function FollowUps() {
  const open = useApi<FollowUpList>('/api/v1/follow-ups');
  // After "done", the server's answer (what is still open) replaces the list without a reload.
  const [left, setLeft] = useState<FollowUp[] | null>(null);
  const [said, setSaid] = useState('');
  if (open.state === 'error') return <ErrorNotice error={open.error} retry={open.retry} />;
  if (open.state !== 'ready') return null;
  const list = left ?? open.data.follow_ups;
  return (
    <>
      <p role="status" class="visually-hidden">
        {said}
      </p>
      {list.length > 0 && (
        <section class="card home-card home-card-warn" aria-labelledby="follow-ups-title">
          <h2 id="follow-ups-title">Still to do</h2>
          {list.map((followUp) => (
            <FollowUpItem
              key={followUp.advice}
              followUp={followUp}
              onDone={(still) => {
                setLeft(still.follow_ups);
                setSaid('Marked as done.');
              }}
            />
          ))}
        </section>
      )}
    </>
  );
}

function FollowUpItem(props: { followUp: FollowUp; onDone: (still: FollowUpList) => void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const done = async () => {
    setSaving(true);
    setError(null);
    try {
      props.onDone(await api.post<FollowUpList>(`/api/v1/follow-ups/${encodeURIComponent(props.followUp.advice)}/done`, {}));
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };
  return (
    <div class="home-follow-up">
      <p>{props.followUp.text}</p>
      <p class="muted">{givenWhen(props.followUp)}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div class="button-row">
        <button type="button" class="button" onClick={done} disabled={saving}>
          {saving ? 'Saving…' : 'I have done this'}
        </button>
      </div>
    </div>
  );
}
