// "Share with my physio or GP" (#/share): one printable page with what the person chose to share:
// the program (phase, week, routine with doses, what was changed or left out and why), pain and
// sessions over the last weeks, the latest questionnaire scores, and any open safety stop or
// advice to act on. Data: GET /api/v1/stop, /program, /progress, /exercises; nothing is written.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { CurrentProgram, Exercise, OpenSafetyStop, Plan, Program, Progress } from '../../api/types';
import { Because, ReasonText } from '../../components/reasons';
import { openStop, useSafetyStop } from '../../components/safety-stop';
import { ErrorNotice, Loading, Page, Show, useApi } from '../../components/ui';
import { aboutMinutes, daysPerWeek, doseWords, timesPerDay } from '../program/dose';
import { label, modificationTexts } from '../program/view';
import { INSTRUMENT_NAMES, longDay, oneDecimal, painSummary, scoreValueText, sessionsText, shortDay } from '../progress/logic';
import { bandWords } from '../progress/scores';
import { latestScores, sessionTotals, weekRows } from './logic';
import './share.css';

const WEEKS = 6;

/** Today as an ISO day in the person's own calendar. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The program in force: null when none was started (404). */
function useProgram(): { current: CurrentProgram | null | undefined; error: unknown } {
  const [current, setCurrent] = useState<CurrentProgram | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.get<CurrentProgram>('/api/v1/program').then(
      (loaded) => live && setCurrent(loaded),
      (caught: unknown) => {
        if (!live) return;
        if (caught instanceof ApiError && caught.status === 404) setCurrent(null);
        else setError(caught);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { current, error };
}

export function SharePage(_props: Record<string, unknown>) {
  const stop = useSafetyStop();
  const { current, error } = useProgram();
  const progress = useApi<Progress>(`/api/v1/progress?weeks=${WEEKS}`);
  const exercises = useApi<Exercise[]>('/api/v1/exercises');
  const byId = new Map((exercises.state === 'ready' ? exercises.data : []).map((exercise) => [exercise.id, exercise]));
  const open = openStop(stop);
  return (
    <Page title="Summary for your physio or GP">
      <div class="share-page">
        <div class="notice share-intro">
          <p>
            <strong>What you chose to share, as of {longDay(today())}.</strong> It shows what you recorded in Unload and
            the program the app planned from your answers. It is not a diagnosis.
          </p>
          <p class="share-actions button-row">
            <button type="button" class="button button-primary" onClick={() => window.print()}>
              Print
            </button>
            <a class="button" href="#/progress">
              Back to Progress
            </a>
          </p>
        </div>
        {stop.state === 'loading' && <Loading what="the safety check" />}
        {stop.state === 'error' && <ErrorNotice error={stop.error} retry={stop.retry} />}
        {open && <StopCard stop={open} />}
        {error !== null && <ErrorNotice error={error} />}
        {current === undefined && error === null && <Loading what="the program" />}
        {current === null && (
          <section class="card share-card" aria-labelledby="share-program">
            <h2 id="share-program">Program</h2>
            <p>No program has been started yet.</p>
          </section>
        )}
        {current && <ProgramCard current={current} byId={byId} stopped={open !== null} />}
        {current?.plan && <AdviceCard plan={current.plan} />}
        <section class="card share-card" aria-labelledby="share-pain">
          <h2 id="share-pain">Pain and sessions, last {WEEKS} weeks</h2>
          <Show loaded={progress} what="pain and sessions">
            {(data) => <PainAndSessions progress={data} />}
          </Show>
        </section>
        <section class="card share-card" aria-labelledby="share-scores">
          <h2 id="share-scores">Latest questionnaire scores</h2>
          <Show loaded={progress} what="the scores">
            {(data) => <Scores progress={data} />}
          </Show>
        </section>
      </div>
    </Page>
  );
}

const STOP_WORDS: Record<OpenSafetyStop['verdict'], string> = {
  emergency: 'Emergency: medical help was advised straight away.',
  urgent: 'Urgent: a doctor was advised the same day.',
  consult: 'A clinician was advised before any exercise.',
};

function StopCard(props: { stop: OpenSafetyStop }) {
  const { stop } = props;
  return (
    <section class="card share-card share-stop" aria-labelledby="share-stop">
      <h2 id="share-stop">Open safety stop</h2>
      <p>
        <strong>{STOP_WORDS[stop.verdict]}</strong> The program has been on hold since {shortDay(stop.at.slice(0, 10))}
        {stop.seen_at ? `; a clinician visit was recorded on ${shortDay(stop.seen_at.slice(0, 10))}.` : '.'}
      </p>
      {stop.screen.warnings.map((warning) => (
        <div key={warning.rule} class="share-item">
          <p>{warning.text}</p>
          <Because ids={warning.because} label="Because" />
        </div>
      ))}
    </section>
  );
}

function ProgramCard(props: { current: CurrentProgram; byId: Map<string, Exercise>; stopped: boolean }) {
  const { current, byId } = props;
  const plan = current.plan;
  const program = plan.program;
  const name = (id: string) => byId.get(id)?.name ?? label(id);
  return (
    <section class="card share-card" aria-labelledby="share-program">
      <h2 id="share-program">Program</h2>
      {!program ? (
        <p>Screening withheld the exercise program: the answers included a warning sign that needs a clinician first.</p>
      ) : (
        <>
          <ProgramFacts current={current} program={program} />
          {props.stopped && <p class="muted">This routine is on hold while the safety stop above is open.</p>}
          <h3>Routine</h3>
          {program.routine.length === 0 ? (
            <p>No routine this week.</p>
          ) : (
            <ol class="share-routine">
              {program.routine.map((entry, index) => {
                const changes = modificationTexts(entry, plan.screening, byId.get(entry.exercise) ?? null);
                return (
                  <li key={`${entry.exercise}-${index}`}>
                    <strong>{entry.name}</strong>: {doseWords(entry, byId.get(entry.exercise)?.dose?.rep_s).replace(/\.$/, '')}, {aboutMinutes(entry.seconds)} in all.
                    {changes.length > 0 && (
                      <ul class="share-changes" aria-label={`Changed for ${entry.name}`}>
                        {changes.map((change) => (
                          <li key={change.id}>Changed: {change.text}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
      {(plan.screening.excluded.length > 0 || (program?.left_out.length ?? 0) > 0) && (
        <>
          <h3>Left out, and why</h3>
          <ul class="share-left-out">
            {plan.screening.excluded.map((item) => (
              <li key={`excluded-${item.item}`}>
                <strong>{name(item.item)}</strong>: {item.text}
                <Because ids={item.because} label={`Because, for ${name(item.item)}`} />
              </li>
            ))}
            {program?.left_out.map((item) => (
              <li key={`left-${item.exercise}`}>
                <strong>{name(item.exercise)}</strong>: <ReasonText id={item.because[0] ?? 'unknown'} />
                {item.because.length > 1 && <Because ids={item.because.slice(1)} label={`More reasons, for ${name(item.exercise)}`} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProgramFacts(props: { current: CurrentProgram; program: Program }) {
  const { current, program } = props;
  return (
    <ul class="share-facts">
      <li>
        <strong>Phase:</strong> {label(program.phase)}, week {program.week} (started {shortDay(current.starts_on)})
      </li>
      <li>
        <strong>Stage:</strong> <ReasonText id={program.stage} />
      </li>
      <li>
        <strong>Sessions:</strong>{' '}
        {program.sessions_per_day > 0 ? `${timesPerDay(program.sessions_per_day)}, about ${program.minutes} minutes each` : 'none planned this week'}
        {program.strength_days_per_week > 0 && `; strength work ${daysPerWeek(program.strength_days_per_week)}`}
      </li>
      {program.walking.minutes > 0 && program.walking.times_per_day > 0 && (
        <li>
          <strong>Walking:</strong> {program.walking.minutes} minutes, {timesPerDay(program.walking.times_per_day)}
        </li>
      )}
      <li>
        <strong>Next weekly review:</strong> {shortDay(current.review_due_on)}
      </li>
    </ul>
  );
}

function AdviceCard(props: { plan: Plan }) {
  const { screening, advice } = props.plan;
  const warnings = screening.warnings;
  if (warnings.length === 0 && advice.length === 0) return null;
  return (
    <section class="card share-card" aria-labelledby="share-advice">
      <h2 id="share-advice">Advice to act on</h2>
      {warnings.map((warning) => (
        <div key={warning.rule} class="share-item">
          <p>{warning.text}</p>
          <Because ids={warning.because} label="Because" />
        </div>
      ))}
      {advice.map((item) => (
        <div key={item.id} class="share-item">
          <p>{item.text}</p>
          <Because ids={item.because} label="Because" />
        </div>
      ))}
    </section>
  );
}

function PainAndSessions(props: { progress: Progress }) {
  const { progress } = props;
  const rows = weekRows(progress, WEEKS);
  const totals = sessionTotals(rows);
  const summary = painSummary(progress);
  return (
    <>
      {summary.length > 0 ? summary.map((line) => <p key={line}>{line}</p>) : <p>No pain rating was recorded in this period.</p>}
      <p>
        <strong>{sessionsText(totals.done, totals.planned)}</strong>, {totals.minutes} minutes in all.
      </p>
      {rows.length > 0 && (
        <table class="share-table">
          <caption class="visually-hidden">Pain and sessions per week</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Average pain (0 to 10)</th>
              <th scope="col">Sessions done / planned</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.start}>
                <th scope="row">
                  {shortDay(row.start)} to {shortDay(row.end)}
                </th>
                <td>{row.pain === null ? 'not rated' : oneDecimal(row.pain)}</td>
                <td>
                  {row.done} / {row.planned}
                </td>
                <td>{row.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Scores(props: { progress: Progress }) {
  const scores = latestScores(props.progress.scores);
  if (scores.length === 0) return <p>No questionnaire was filled in during this period.</p>;
  return (
    <ul class="share-scores">
      {scores.map((score) => {
        const band = bandWords(score.band);
        return (
          <li key={score.instrument}>
            <strong>{INSTRUMENT_NAMES[score.instrument]}</strong>: {scoreValueText(score)}
            {band && ` (${band})`} on {shortDay(score.day)}
            {score.change !== null && `, ${score.change <= 0 ? 'down' : 'up'} ${oneDecimal(Math.abs(score.change))} since the first score`}
            {score.responder && ', a change that matters'}
          </li>
        );
      })}
    </ul>
  );
}
