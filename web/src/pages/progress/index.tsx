// Progress: the pain chart, the adherence calendar, minutes per week, how the exercises felt,
// questionnaire scores, the pain diary and the weekly review, all as the engine computed them (GET /api/v1/progress, /diary,
// /program, /reviews). Sub-pages: #/progress/review and #/progress/questionnaire.
import './progress.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { CurrentProgram, Diary, Progress, ReviewRecord } from '../../api/types';
import { SafetyStopNotice, openStop, useSafetyStop } from '../../components/safety-stop';
import { Page, Show, useApi } from '../../components/ui';
import { useRoute } from '../../router';
import { AdherenceCalendar, WeeklyMinutes } from './calendar';
import { DiaryList, PainLog } from './diary';
import { FeltSection } from './felt';
import { calendarWeeks, painSeries, painSummary, sessionsText, weeklyTotals } from './logic';
import { PainChart } from './pain-chart';
import { QuestionnairePage } from './questionnaire';
import { PastReviews, ReviewCard, ReviewPage } from './review';
import { ScoresSection } from './scores';

const WEEKS = 12;
const DIARY_DAYS = 14;

export function ProgressPage(_props: Record<string, unknown>) {
  const route = useRoute();
  switch (route.segments[1]) {
    case 'review':
      return <ReviewPage />;
    case 'questionnaire':
      return <QuestionnairePage instrument={route.query.get('instrument')} />;
    default:
      return <ProgressOverview />;
  }
}

/**
 * The program in force: null when none was started (404), undefined while loading or when it could
 * not be loaded (the sections below then show the error from their own documents).
 */
function useProgram(wanted: boolean): CurrentProgram | null | undefined {
  const [program, setProgram] = useState<CurrentProgram | null | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    api.get<CurrentProgram>('/api/v1/program').then(
      (loaded) => live && setProgram(loaded),
      (caught: unknown) => {
        if (live && caught instanceof ApiError && caught.status === 404) setProgram(null);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return program;
}

function ProgressOverview() {
  const progress = useApi<Progress>(`/api/v1/progress?weeks=${WEEKS}`);
  const diary = useApi<Diary>(`/api/v1/diary?days=${DIARY_DAYS}`);
  const reviews = useApi<ReviewRecord[]>('/api/v1/reviews');
  const stop = useSafetyStop();
  const stopped = openStop(stop) !== null;
  // While a stop is in force there is no review to offer, so the program is not asked for.
  const program = useProgram(stop.state === 'ready' && !stopped);

  function afterPainSaved() {
    if (progress.state === 'ready') progress.reload();
    if (diary.state === 'ready') diary.reload();
  }

  return (
    <Page title="Progress" wide>
      <p class="muted">
        <a href="#/share">A summary for your physio or GP</a>, to print or show.
      </p>
      {stop.state === 'ready' && stopped && <SafetyStopNotice answer={stop.data} onChange={stop.reload} />}
      {program === null && !stopped && (
        <div class="notice">
          <p>You have not started a program yet. Once you do, your sessions, pain and weekly reviews show up here.</p>
          <p>
            <a class="button button-primary" href="#/start">
              Start your program
            </a>
          </p>
        </div>
      )}
      <div class="progress-grid">
        <div class="progress-act">
          {program && !stopped && progress.state === 'ready' && <ReviewCard program={program} today={progress.data.to} />}
          <PainLog onSaved={afterPainSaved} />
        </div>
        <div class="progress-main">
          <section class="card" aria-labelledby="pain-title">
            <h2 id="pain-title">Pain</h2>
            <Show loaded={progress} what="your progress">
              {(data) => <PainOverview progress={data} />}
            </Show>
          </section>
          <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">Sessions</h2>
            <Show loaded={progress} what="your sessions">
              {(data) => <SessionsOverview progress={data} />}
            </Show>
          </section>
          {progress.state === 'ready' && <FeltSection feedback={progress.data.feedback} weeks={WEEKS} />}
          <section class="card" aria-labelledby="scores-title">
            <h2 id="scores-title">Questionnaires</h2>
            <Show loaded={progress} what="your scores">
              {(data) => <ScoresSection scores={data.scores} />}
            </Show>
          </section>
        </div>
        <div class="progress-record">
          <section class="card" aria-labelledby="diary-title">
            <h2 id="diary-title">Diary</h2>
            <p class="muted">The last {DIARY_DAYS} days.</p>
            <Show loaded={diary} what="your diary">
              {(data) => <DiaryList diary={data} />}
            </Show>
          </section>
          <section class="card" aria-labelledby="reviews-title">
            <h2 id="reviews-title">Past reviews</h2>
            <Show loaded={reviews} what="your reviews">
              {(data) => <PastReviews reviews={data} />}
            </Show>
          </section>
        </div>
      </div>
    </Page>
  );
}

function PainOverview(props: { progress: Progress }) {
  const series = useMemo(() => painSeries(props.progress), [props.progress]);
  return (
    <>
      {painSummary(props.progress).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <PainChart series={series} baseline={props.progress.baseline_pain} />
    </>
  );
}

function SessionsOverview(props: { progress: Progress }) {
  const progress = props.progress;
  const weeks = useMemo(() => calendarWeeks(progress, 6), [progress]);
  const totals = useMemo(() => weeklyTotals(progress, 6), [progress]);
  return (
    <>
      <p>
        <strong>{sessionsText(progress.done_sessions, progress.planned_sessions)}</strong>, {progress.minutes} minutes in
        all over the last {WEEKS} weeks.
      </p>
      <AdherenceCalendar weeks={weeks} />
      <h3>Minutes per week</h3>
      <WeeklyMinutes weeks={totals} />
    </>
  );
}
