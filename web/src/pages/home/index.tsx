// `#/`: the first thing a person sees. A safety stop in force comes before anything else (what to
// do, how soon, why). Without a program, a welcome and the way into onboarding; with one, today's
// session in a card with one big button, unless a session stop asked for the safety questions
// again, which then come first. Advice a stop or a review gave to act on (see a physical
// therapist) stays above the card until the person says it is done.
import { ApiError } from '../../api/client';
import type { CurrentProgram, TodaySession } from '../../api/types';
import { SafetyStopNotice, useSafetyStop } from '../../components/safety-stop';
import { ErrorNotice, Loading, Page, useApi } from '../../components/ui';
import { ONBOARDING_KEY, loadSaved } from '../onboarding/storage';
import './home.css';
import { FollowUps } from './follow-ups';
import { dayWords, doneForToday, plural, todayCard } from './today';

export function HomePage() {
  const stop = useSafetyStop();
  // The program is asked for once no stop is in force: a stop comes first either way.
  const program = useApi<CurrentProgram>(stop.state === 'ready' && !stop.data.stop ? '/api/v1/program' : null);
  if (stop.state === 'ready' && stop.data.stop) {
    // A warning sign comes before everything else on Today, program or not.
    return (
      <Page title="Today">
        <SafetyStopNotice answer={stop.data} onChange={stop.reload} />
      </Page>
    );
  }
  if (stop.state === 'error') {
    return (
      <Page title="Today">
        <ErrorNotice error={stop.error} retry={stop.retry} />
      </Page>
    );
  }
  if (program.state === 'loading' || stop.state === 'loading') {
    return (
      <Page title="Today">
        <Loading what="your program" />
      </Page>
    );
  }
  if (program.state === 'error') {
    if (program.error instanceof ApiError && program.error.status === 404) return <Welcome />;
    return (
      <Page title="Today">
        <ErrorNotice error={program.error} retry={program.retry} />
      </Page>
    );
  }
  return <Today program={program.data} />;
}

/** No program yet: what Unload is, and the way in. */
function Welcome() {
  const inProgress = loadSaved(ONBOARDING_KEY);
  const started = inProgress !== null && inProgress.step !== 'welcome';
  return (
    <Page title="Welcome to Unload">
      <div class="home-hero">
        <p class="home-lead">
          A short, guided routine for low back pain, built from your answers and adjusted week by week, with a clear
          word on when to see someone.
        </p>
        <p class="muted">Unload is coaching and decision support. It does not diagnose.</p>
        <div class="button-row">
          <a class="button button-primary home-big-button" href="#/start">
            {started ? 'Carry on with the questions' : 'Get started'}
          </a>
        </div>
        <p class="muted">
          About ten minutes of questions, safety first. <a href="#/learn">Read about back pain</a> in the meantime.
        </p>
      </div>
    </Page>
  );
}

function Today(props: { program: CurrentProgram }) {
  const session = useApi<TodaySession>('/api/v1/session');
  const program = props.program;
  return (
    <Page title="Today">
      <FollowUps />
      {session.state === 'loading' && <Loading what="today's session" />}
      {session.state === 'error' &&
        (session.error instanceof ApiError && session.error.status === 409 ? (
          <Paused message={session.error.message} />
        ) : (
          <ErrorNotice error={session.error} retry={session.retry} />
        ))}
      {session.state === 'ready' &&
        (session.data.rescreen_pending ? (
          <RescreenFirst />
        ) : doneForToday(session.data) ? (
          <DoneForToday session={session.data} />
        ) : (
          <TodayCardView session={session.data} program={program} />
        ))}
      <p class="muted home-week">
        Week {program.week} of your program. Next weekly review: {dayWords(program.review_due_on)}.
      </p>
    </Page>
  );
}

/** The latest answers hold the program back: the server's reason, and the way to answer again. */
function Paused(props: { message: string }) {
  return (
    <div class="card home-card home-card-warn">
      <h2>Your program is paused</h2>
      <p>{props.message}</p>
      <p>If things have changed, or an answer was wrong, answer the safety questions again.</p>
      <div class="button-row">
        <a class="button" href="#/start/rescreen">
          Answer the safety questions again
        </a>
      </div>
    </div>
  );
}

/** A stop asked for the warning-sign questions before the next session. */
function RescreenFirst() {
  return (
    <div class="card home-card home-card-warn">
      <h2>Before your next session</h2>
      <p>
        Your last session was stopped for a reason that needs the safety questions answered again before you exercise.
        It takes a minute or two.
      </p>
      <div class="button-row">
        <a class="button button-primary home-big-button" href="#/start/rescreen">
          Answer the safety questions
        </a>
      </div>
    </div>
  );
}

/** Today's planned sessions are done: say so, and what comes next, rather than "start". */
function DoneForToday(props: { session: TodaySession }) {
  const { sessions_done: done, sessions_planned: planned } = props.session.today;
  return (
    <div class="card home-card home-card-done">
      <h2>Done for today</h2>
      <p>
        {planned === 1
          ? 'You have done the session planned for today.'
          : `You have done all ${planned} sessions planned for today.`}
        {done > planned && ` And ${plural(done - planned, 'more', 'more')} besides.`}
      </p>
      <p>
        Next: {plural(planned, 'session', 'sessions')} tomorrow. Until then, keep moving gently through the day.
      </p>
      <p>
        <a href="#/progress">See how your week is going</a>
      </p>
      <p class="muted">
        An extra session does no harm if your back feels like it, though it does not make up for a missed day:{' '}
        <a href="#/session">play today's routine again</a>.
      </p>
    </div>
  );
}

function TodayCardView(props: { session: TodaySession; program: CurrentProgram }) {
  const card = todayCard(props.session, props.program);
  return (
    <div class="card home-card">
      <h2>Today's session</h2>
      <p class="home-facts">
        About {plural(card.minutes, 'minute', 'minutes')} · {plural(card.exercises.length, 'exercise', 'exercises')}
      </p>
      {props.session.low_dose && (
        <p class="notice notice-warn">
          Your last session ended in a flare-up of pain, so today every exercise stays at the gentle end of its dose.
        </p>
      )}
      {card.suspended.length > 0 && (
        <div class="notice">
          <p>Set aside until your next weekly review, after a stop:</p>
          <ul>
            {card.suspended.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="button-row">
        <a class="button button-primary home-big-button" href="#/session">
          Start today's session
        </a>
      </div>
      <p>
        <a href="#/program">See your program and why each exercise is in it</a>
      </p>
    </div>
  );
}
