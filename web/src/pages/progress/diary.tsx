// The pain diary: a form to note pain now (POST /api/v1/pain), asked the same way as before and
// after a session, and the list of recent sessions and pain entries.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Diary, Pain, PainRequest } from '../../api/types';
import { PainQuestion } from '../../components/pain';
import { ErrorNotice } from '../../components/ui';
import { type DiaryItem, clockTime, diaryItems, sessionLine, shortDay } from './logic';

/** The note's limit in bytes, as the server counts it (UTF-8). */
const NOTE_BYTES = 2000;

/** The pain diary's form: a number chosen from 0 to 10 (none at first) and an optional note. */
export function PainLog(props: { onSaved: (entry: Pain) => void }) {
  const [pain, setPain] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Pain | null>(null);
  const noteBytes = new TextEncoder().encode(note).length;
  const tooLong = noteBytes > NOTE_BYTES;

  async function submit(event: Event) {
    event.preventDefault();
    if (pain === null) {
      setMissing(true);
      return;
    }
    if (tooLong) return;
    setSaving(true);
    setError(null);
    try {
      const body: PainRequest = { pain };
      if (note.trim()) body.note = note.trim();
      const entry = await api.post<Pain>('/api/v1/pain', body);
      setSaved(entry);
      setNote('');
      setPain(null);
      props.onSaved(entry);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="card pg-pain-form" onSubmit={submit} aria-labelledby="log-pain-title">
      <h2 id="log-pain-title">Log your pain</h2>
      <PainQuestion
        id="pain-now"
        question="How much does your back hurt right now?"
        value={pain}
        invalid={missing}
        onChange={(score) => {
          setPain(score);
          setMissing(false);
          setSaved(null);
        }}
      />
      {missing && (
        <p class="notice notice-warn" role="alert">
          Choose a number first.
        </p>
      )}
      <label for="pain-note">
        A note <span class="muted">(optional)</span>
      </label>
      <textarea
        id="pain-note"
        rows={2}
        value={note}
        aria-describedby="pain-note-hint"
        aria-invalid={tooLong ? 'true' : undefined}
        onInput={(event) => {
          setNote((event.target as HTMLTextAreaElement).value);
          setSaved(null);
        }}
      />
      <p id="pain-note-hint" class={tooLong ? 'pg-field-hint pg-field-hint-error' : 'pg-field-hint muted'}>
        {tooLong ? 'The note is too long: please shorten it.' : 'What you were doing, for example "after a long drive".'}
      </p>
      {error !== null && <ErrorNotice error={error} />}
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={saving || tooLong}>
          {saving ? 'Saving…' : 'Save pain rating'}
        </button>
      </div>
      <p class="pg-save-status" role="status" aria-live="polite">
        {saved ? `Saved: ${saved.pain} out of 10 at ${clockTime(saved.at)}.` : ''}
      </p>
      <p class="pg-field-hint muted">
        Pain with numbness, weakness, or bladder or bowel changes needs more than a diary entry: read{' '}
        <a href="#/learn/warning_signs">the warning signs</a>.
      </p>
    </form>
  );
}

function DiaryLine(props: { item: DiaryItem }) {
  const item = props.item;
  const when = `${shortDay(item.day)}, ${clockTime(item.at)}`;
  if (item.kind === 'pain') {
    return (
      <li class="pg-diary-item pg-diary-pain">
        <span class="pg-diary-when">{when}</span>
        <span>
          Pain <strong>{item.entry.pain} out of 10</strong>
          {item.entry.note && <span class="pg-diary-note"> — {item.entry.note}</span>}
        </span>
      </li>
    );
  }
  const session = item.session;
  return (
    <li class="pg-diary-item pg-diary-session">
      <span class="pg-diary-when">{when}</span>
      <span>
        {sessionLine(session)}
        {session.flare && <span class="pg-diary-flag"> Pain rose afterwards: a flare-up.</span>}
      </span>
    </li>
  );
}

export function DiaryList(props: { diary: Diary }) {
  const items = diaryItems(props.diary);
  if (items.length === 0) {
    return <p class="muted">Nothing logged from {shortDay(props.diary.from)} to today yet.</p>;
  }
  return (
    <ul class="pg-diary" aria-label="Sessions and pain ratings, newest first">
      {items.map((item) => (
        <DiaryLine key={`${item.kind}-${item.kind === 'pain' ? item.entry.id : item.session.id}`} item={item} />
      ))}
    </ul>
  );
}
