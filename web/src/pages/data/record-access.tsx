// Clinic mode, a signed-in person: who can see their record (the clinicians a care link joins
// them to, each with a way to end it), a box for a clinician's invitation code, and who else
// opened the record lately (the audit trail, without the person's own actions). Personal mode
// has none of this: the data page shows it only for a signed-in person.
import { useRef, useState } from 'preact/hooks';
import { ApiError, api, request } from '../../api/client';
import { failureMessage } from '../../api/session';
import type { AuditEvent, CareLink } from '../../api/types';
import { ErrorNotice, Show, useApi } from '../../components/ui';
import {
  clinicianNames,
  codeMissing,
  formatDay,
  formatMoment,
  howLinked,
  othersEvents,
  outcomeWords,
  refused,
  whatHappened,
  whoDid,
} from './care';

/** How many of the others' events the list shows, most recent first. */
const SHOWN = 50;

export function RecordAccess(props: { username: string }) {
  const care = useApi<{ links: CareLink[] }>('/api/v1/care');
  const audit = useApi<{ events: AuditEvent[] }>('/api/v1/audit?limit=200');
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = (sentence: string) => {
    setSaid(sentence);
    if (care.state === 'ready') care.reload();
    if (audit.state === 'ready') audit.reload();
    heading.current?.focus();
  };
  const names = care.state === 'ready' ? clinicianNames(care.data.links) : new Map<number, string>();
  return (
    <>
      <section class="card" aria-labelledby="care-title">
        <h2 id="care-title" tabIndex={-1} ref={heading}>
          Who can see your record
        </h2>
        <p>
          A clinician on this list can open your record: your answers, your program, your sessions and pain ratings.
          You decide who stays on it.
        </p>
        <p role="status" class="care-said">
          {said}
        </p>
        <Show loaded={care} what="who can see your record">
          {(data) =>
            data.links.length === 0 ? (
              <p class="care-empty">No clinician has access.</p>
            ) : (
              <ul class="care-list">
                {data.links.map((link) => (
                  <CareItem
                    key={link.clinician}
                    link={link}
                    onEnded={() => changed(`${link.clinician_name} can no longer see your record.`)}
                  />
                ))}
              </ul>
            )
          }
        </Show>
        <JoinForm onJoined={(link) => changed(`${link.clinician_name} can now see your record.`)} />
      </section>
      <section class="card" aria-labelledby="audit-title">
        <h2 id="audit-title">Who opened your record</h2>
        <p>
          Unload notes each time someone else reads or changes your record, or is refused. The most recent come
          first; your own visits are left out.
        </p>
        <Show loaded={audit} what="who opened your record">
          {(data) => <AuditList events={othersEvents(data.events, props.username)} names={names} />}
        </Show>
      </section>
    </>
  );
}

type Ending = { state: 'idle' } | { state: 'asking' } | { state: 'working' } | { state: 'error'; error: unknown };

function CareItem(props: { link: CareLink; onEnded: () => void }) {
  const { link } = props;
  const [ending, setEnding] = useState<Ending>({ state: 'idle' });
  const question = useRef<HTMLParagraphElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const nameId = `care-name-${link.clinician}`;
  const ask = () => {
    setEnding({ state: 'asking' });
    // The question appears below the button: read it out before the two answers.
    requestAnimationFrame(() => question.current?.focus());
  };
  const keep = () => {
    setEnding({ state: 'idle' });
    requestAnimationFrame(() => endButton.current?.focus());
  };
  const end = async () => {
    setEnding({ state: 'working' });
    try {
      await request('DELETE', `/api/v1/care/${link.clinician}`, {});
      props.onEnded();
    } catch (error) {
      // Ended already (the clinician did, or another tab): the list only has to catch up.
      if (error instanceof ApiError && error.status === 404) props.onEnded();
      else setEnding({ state: 'error', error });
    }
  };
  return (
    <li class="care-link">
      <p class="care-name" id={nameId}>
        {link.clinician_name}
      </p>
      <p class="muted care-how">Since {formatDay(link.since)}</p>
      <p class="muted care-how">{howLinked(link)}</p>
      {ending.state === 'idle' && (
        <div class="button-row">
          <button type="button" class="button" ref={endButton} aria-describedby={nameId} onClick={ask}>
            End access
          </button>
        </div>
      )}
      {ending.state !== 'idle' && (
        <div class="notice notice-warn care-confirm">
          <p tabIndex={-1} ref={question}>
            <strong>End {link.clinician_name}'s access to your record?</strong>
          </p>
          <p>
            {link.clinician_name} will no longer see your record, now or later. Nothing in it is deleted, and your
            program goes on as before. To let them see it again, you would need a new code from them.
          </p>
          <div class="button-row">
            <button type="button" class="button button-danger" onClick={end} disabled={ending.state === 'working'}>
              {ending.state === 'working' ? 'Ending access…' : 'Yes, end access'}
            </button>
            <button type="button" class="button" onClick={keep} disabled={ending.state === 'working'}>
              Keep access
            </button>
          </div>
          {ending.state === 'error' && <ErrorNotice error={ending.error} retry={end} />}
        </div>
      )}
    </li>
  );
}

type Joining =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'problem'; message: string }
  | { state: 'error'; error: unknown };

function JoinForm(props: { onJoined: (link: CareLink) => void }) {
  const [code, setCode] = useState('');
  const [joining, setJoining] = useState<Joining>({ state: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const join = async (event?: Event) => {
    event?.preventDefault();
    if (codeMissing(code)) {
      setJoining({ state: 'problem', message: 'Please enter the code your clinician gave you.' });
      input.current?.focus();
      return;
    }
    setJoining({ state: 'working' });
    try {
      const { link } = await api.post<{ link: CareLink }>('/api/v1/care', { code: code.trim() });
      setCode('');
      setJoining({ state: 'idle' });
      props.onJoined(link);
    } catch (error) {
      if (error instanceof ApiError && error.field === 'code') {
        setJoining({ state: 'problem', message: failureMessage(error) });
        input.current?.focus();
      } else {
        setJoining({ state: 'error', error });
      }
    }
  };
  const problem = joining.state === 'problem';
  return (
    <form class="care-join" onSubmit={join} noValidate>
      <h3>Join a clinician's care</h3>
      <p>If a clinician gave you an invitation code, enter it here. They will then be able to see your record.</p>
      <label for="care-code">Invitation code</label>
      <input
        id="care-code"
        ref={input}
        type="text"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        value={code}
        aria-invalid={problem}
        aria-describedby={problem ? 'care-code-problem care-code-help' : 'care-code-help'}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <p id="care-code-help" class="muted">
        It looks like ABCD-EFGH-JKMN. Small letters, spaces and dashes are fine.
      </p>
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={joining.state === 'working'}>
          {joining.state === 'working' ? 'Checking the code…' : 'Join with this code'}
        </button>
      </div>
      <div role="alert">
        {problem && (
          <p id="care-code-problem" class="notice notice-error">
            {joining.message}
          </p>
        )}
      </div>
      {joining.state === 'error' && <ErrorNotice error={joining.error} retry={() => void join()} />}
    </form>
  );
}

function AuditList(props: { events: AuditEvent[]; names: ReadonlyMap<number, string> }) {
  if (props.events.length === 0) return <p class="care-empty">Nobody else has opened your record.</p>;
  const shown = props.events.slice(0, SHOWN);
  return (
    <>
      <ul class="audit-list">
        {shown.map((event) => (
          <li key={event.id} class={refused(event) ? 'audit-event audit-refused' : 'audit-event'}>
            <time dateTime={event.at} class="audit-when">
              {formatMoment(event.at)}
            </time>
            <p class="audit-what">
              {whoDid(event, props.names)} {whatHappened(event)}.
            </p>
            <p class="audit-outcome muted">{outcomeWords(event)}</p>
          </li>
        ))}
      </ul>
      {props.events.length > shown.length && <p class="muted">Showing the {SHOWN} most recent.</p>}
    </>
  );
}
