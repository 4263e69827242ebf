// Reminders: when sessions and desk breaks are due (GET/PUT /api/v1/reminders), browser
// notifications while the app is open, and the same schedule as a calendar file for calendar apps
// that remind even when the browser is closed.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api, request, storedToken } from '../../api/client';
import type { CurrentProgram, ReminderSettings } from '../../api/types';
import { saveBlob } from '../../components/download';
import { ErrorNotice, Loading, Page, useApi } from '../../components/ui';
import { timesPerDay } from '../program/dose';
import { type NotifyState, notificationText, notifyState, planOf, showNotification, startReminders, turnOff, turnOn } from './notifier';
import { nextReminder, normalised, settingsProblems } from './schedule';
import type { ReminderPlan } from './types';
import './reminders.css';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MAX_TIMES = 6;

export function RemindersPage(_props: Record<string, unknown>) {
  const settings = useApi<ReminderSettings>('/api/v1/reminders');
  const program = useProgram();
  const plan = planOf(program.state === 'ready' ? program.current : null);
  return (
    <Page title="Reminders">
      <p>
        Unload can remind you when a session is due and when it is time to get up from your desk. The times follow your
        program; you choose when your day and your sessions happen.
      </p>
      <ProgramRhythm program={program} plan={plan} />
      {settings.state === 'loading' && <Loading what="your reminder settings" />}
      {settings.state === 'error' && <ErrorNotice error={settings.error} retry={settings.retry} />}
      {settings.state === 'ready' && (
        <>
          <SettingsForm initial={settings.data} plan={plan} />
          <Calendar hasProgram={plan !== null} />
        </>
      )}
    </Page>
  );
}

type ProgramState = { state: 'loading' } | { state: 'ready'; current: CurrentProgram | null } | { state: 'error'; error: unknown };

/** The program in force, or null when none has started (404). */
function useProgram(): ProgramState {
  const [state, setState] = useState<ProgramState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    api.get<CurrentProgram>('/api/v1/program').then(
      (current) => live && setState({ state: 'ready', current }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 404) setState({ state: 'ready', current: null });
        else setState({ state: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function ProgramRhythm(props: { program: ProgramState; plan: ReminderPlan | null }) {
  const { program, plan } = props;
  if (program.state === 'loading') return null;
  if (program.state === 'error') return <ErrorNotice error={program.error} />;
  if (!program.current)
    return (
      <p class="notice">
        Reminders follow your program, and you have not started one yet. <a href="#/start">Start with a few questions</a>
        ; you can set your times here already.
      </p>
    );
  if (!plan)
    return (
      <p class="notice notice-warn">
        Your program is paused until a clinician has seen you, so no session or desk-break reminders are sent.
      </p>
    );
  return (
    <p class="card rhythm">
      Your program this week: sessions {timesPerDay(plan.sessionsPerDay)}, and a desk break at least every{' '}
      {plan.deskBreakMinutes} minutes while you work.
    </p>
  );
}

function SettingsForm(props: { initial: ReminderSettings; plan: ReminderPlan | null }) {
  const [settings, setSettings] = useState<ReminderSettings>(props.initial);
  const [saved, setSaved] = useState<ReminderSettings>(props.initial);
  const [status, setStatus] = useState<{ state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; error: unknown }>({
    state: 'idle',
  });
  const problems = settingsProblems(settings);
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const change = (next: Partial<ReminderSettings>) => {
    setSettings({ ...settings, ...next });
    setStatus({ state: 'idle' });
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (problems.length > 0) return;
    setStatus({ state: 'saving' });
    try {
      const stored = await api.put<ReminderSettings>('/api/v1/reminders', normalised(settings));
      setSettings(stored);
      setSaved(stored);
      setStatus({ state: 'saved' });
      startReminders();
    } catch (error) {
      setStatus({ state: 'error', error });
    }
  };
  const setTime = (index: number, value: string) =>
    change({ session_times: settings.session_times.map((time, i) => (i === index ? value : time)) });
  const used = props.plan ? props.plan.sessionsPerDay : null;
  return (
    <>
      <form class="reminder-form" onSubmit={save} noValidate>
        <h2>When to remind you</h2>
        <fieldset>
          <legend>Sessions</legend>
          <label class="check">
            <input type="checkbox" checked={settings.sessions} onChange={(e) => change({ sessions: e.currentTarget.checked })} />
            Remind me when a session is due
          </label>
          <p class="muted" id="session-times-help">
            {used !== null
              ? `Your program has ${used === 1 ? 'one session' : `${used} sessions`} a day now, so the ${
                  used === 1 ? 'earliest time is' : `earliest ${used} times are`
                } used. More times are kept for when the program asks for more sessions.`
              : 'The earliest times are used, as many as your program has sessions each day.'}
          </p>
          <ul class="times">
            {settings.session_times.map((time, i) => {
              const problem = problemFor(`session_times[${i}]`);
              return (
                <li key={i}>
                  <label for={`session-time-${i}`}>Session time {i + 1}</label>
                  <input
                    id={`session-time-${i}`}
                    type="time"
                    value={time}
                    required
                    aria-describedby={problem ? `session-time-${i}-problem` : 'session-times-help'}
                    aria-invalid={problem ? true : undefined}
                    onInput={(e) => setTime(i, e.currentTarget.value)}
                  />
                  {settings.session_times.length > 1 && (
                    <button
                      type="button"
                      class="button"
                      onClick={() => change({ session_times: settings.session_times.filter((_, j) => j !== i) })}
                    >
                      Remove<span class="visually-hidden"> session time {i + 1}</span>
                    </button>
                  )}
                  {problem && (
                    <p class="field-problem" id={`session-time-${i}-problem`}>
                      {problem}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {settings.session_times.length < MAX_TIMES && (
            <button type="button" class="button" onClick={() => change({ session_times: [...settings.session_times, '12:00'] })}>
              Add a session time
            </button>
          )}
        </fieldset>
        <fieldset>
          <legend>Desk breaks</legend>
          <label class="check">
            <input type="checkbox" checked={settings.desk_breaks} onChange={(e) => change({ desk_breaks: e.currentTarget.checked })} />
            Remind me to get up from my desk
          </label>
          <div class="work-hours">
            <div>
              <label for="work-start">Work starts</label>
              <input id="work-start" type="time" value={settings.work_start} required onInput={(e) => change({ work_start: e.currentTarget.value })} />
            </div>
            <div>
              <label for="work-end">Work ends</label>
              <input
                id="work-end"
                type="time"
                value={settings.work_end}
                required
                aria-invalid={problemFor('work_end') ? true : undefined}
                aria-describedby={problemFor('work_end') ? 'work-end-problem' : undefined}
                onInput={(e) => change({ work_end: e.currentTarget.value })}
              />
            </div>
          </div>
          {problemFor('work_end') && (
            <p class="field-problem" id="work-end-problem">
              {problemFor('work_end')}
            </p>
          )}
          <fieldset class="days">
            <legend>Work days</legend>
            {DAYS.map((day, i) => (
              <label key={day} class="check day">
                <input
                  type="checkbox"
                  checked={settings.work_days.includes(i + 1)}
                  onChange={(e) =>
                    change({
                      work_days: e.currentTarget.checked
                        ? [...settings.work_days, i + 1]
                        : settings.work_days.filter((d) => d !== i + 1),
                    })
                  }
                />
                {day}
              </label>
            ))}
          </fieldset>
        </fieldset>
        {problems.length > 0 && (
          <p class="field-problem" role="alert">
            {problems[0].message}
          </p>
        )}
        <div class="button-row">
          <button type="submit" class="button button-primary" disabled={status.state === 'saving' || problems.length > 0}>
            Save reminder times
          </button>
        </div>
        <p role="status" class="save-status">
          {status.state === 'saving' && 'Saving…'}
          {status.state === 'saved' && 'Saved. Your calendar file and notifications now use these times.'}
        </p>
        {status.state === 'error' && <ErrorNotice error={status.error} />}
      </form>
      <Notifications settings={saved} plan={props.plan} />
    </>
  );
}

function Notifications(props: { settings: ReminderSettings; plan: ReminderPlan | null }) {
  const [state, setState] = useState<NotifyState>(() => notifyState());
  const [tested, setTested] = useState<string | null>(null);
  // The "next reminder" line moves on by itself while the page stays open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const next = useMemo(
    () => (props.plan ? nextReminder(props.settings, props.plan, new Date(now)) : null),
    [props.settings, props.plan, now],
  );
  const test = async () => {
    const text = props.plan
      ? notificationText({ kind: 'desk_break' }, props.plan, '')
      : { title: 'Unload reminder', body: 'This is how reminders will look.' };
    try {
      await showNotification(text.title, text.body, 'unload-test');
      setTested('A test reminder was sent. If you did not see it, check the notification settings of your browser and system.');
    } catch {
      setTested('The browser would not show the test reminder.');
    }
  };
  return (
    <section aria-labelledby="notify-title" class="card">
      <h2 id="notify-title">Notifications in this browser</h2>
      <p>
        <strong>They only come while Unload is open</strong> in a browser tab or as an installed app on this device. Close
        it, or let the device sleep, and they stop. For reminders that always arrive, add the calendar file below to your
        calendar app.
      </p>
      {state === 'unsupported' && <p class="notice">This browser cannot show notifications. The calendar file still works.</p>}
      {state === 'denied' && (
        <p class="notice notice-warn">
          Notifications are blocked for this site. To use them, allow notifications for this site in your browser's
          settings, then come back to this page.
        </p>
      )}
      {state === 'off' && (
        <div class="button-row">
          <button type="button" class="button button-primary" onClick={async () => setState(await turnOn())}>
            Turn on notifications
          </button>
        </div>
      )}
      {state === 'on' && (
        <>
          <p class="notice notice-ok" role="status">
            Notifications are on for this browser.
            {next && props.plan && (
              <>
                {' '}
                Next: {next.kind === 'session' ? 'a session' : 'a desk break'} at{' '}
                {next.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
                {next.at.toDateString() !== new Date().toDateString() &&
                  ` on ${next.at.toLocaleDateString(undefined, { weekday: 'long' })}`}
                .
              </>
            )}
          </p>
          <div class="button-row">
            <button type="button" class="button" onClick={test}>
              Send a test reminder
            </button>
            <button type="button" class="button" onClick={() => setState(turnOff())}>
              Turn off notifications
            </button>
          </div>
          {tested && <p role="status">{tested}</p>}
        </>
      )}
    </section>
  );
}

function Calendar(props: { hasProgram: boolean }) {
  const [error, setError] = useState<unknown>(null);
  // A plain link downloads the file; when the server needs a token, the link cannot send it, so
  // the file is fetched with the token instead and handed over from memory.
  const download = async (event: Event) => {
    if (!storedToken()) return;
    event.preventDefault();
    setError(null);
    try {
      const response = await request('GET', '/api/v1/reminders.ics');
      saveBlob(await response.blob(), 'unload-reminders.ics');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="calendar-title" class="card">
      <h2 id="calendar-title">Add to your calendar</h2>
      <p>
        A calendar file holds the same session and desk-break times, each with an alert, so your phone or computer
        reminds you even when Unload is closed. Download it and open it with your calendar app. If you change the times
        or your program changes, download it again.
      </p>
      {props.hasProgram ? (
        <p class="button-row">
          <a class="button" href="/api/v1/reminders.ics" download="unload-reminders.ics" onClick={download}>
            Download the calendar file
          </a>
        </p>
      ) : (
        <p class="muted">The calendar file needs a running program.</p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
