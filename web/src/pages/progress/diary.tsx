// The pain diary: a form to note pain now (POST /api/v1/pain) and the list of recent sessions
// and pain entries.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/ui';
import { type DiaryItem, clockTime, diaryItems, sessionLine, shortDay } from './logic';
import type { Diary, PainEntry } from './types';

/** The note's limit in bytes, as the server counts it (UTF-8). */
const NOTE_BYTES = 2000;

export function PainForm(props: { initial: number; onSaved: (entry: PainEntry) => void }) {
  const [pain, setPain] = useState(props.initial);
  const [touched, setTouched] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<PainEntry | null>(null);
  const noteBytes = new TextEncoder().encode(note).length;
  const tooLong = noteBytes > NOTE_BYTES;

  async function submit(event: Event) {
    event.preventDefault();
    if (tooLong) return;
    setSaving(true);
    setError(null);
    try {
      const body: { pain: number; note?: string } = { pain };
      if (note.trim()) body.note = note.trim();
      const entry = await api.post<PainEntry>('/api/v1/pain', body);
      setSaved(entry);
      setNote('');
      setTouched(false);
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
      <div class="pg-pain-slider">
        <label for="pain-now">How much does your back hurt right now?</label>
        <div class="pg-pain-value" aria-hidden="true">
          <output for="pain-now">{pain}</output>
          <span class="muted"> out of 10</span>
        </div>
        <input
          id="pain-now"
          type="range"
          min={0}
          max={10}
          step={1}
          value={pain}
          aria-valuetext={`${pain} out of 10`}
          aria-describedby="pg-pain-scale"
          onInput={(event) => {
            setPain(Number((event.target as HTMLInputElement).value));
            setTouched(true);
            setSaved(null);
          }}
        />
        <p id="pg-pain-scale" class="pg-pain-scale muted">
          <span>0 no pain</span>
          <span>10 the worst imaginable</span>
        </p>
      </div>
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
        {saved && !touched ? `Saved: ${saved.pain} out of 10 at ${clockTime(saved.at)}.` : ''}
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
