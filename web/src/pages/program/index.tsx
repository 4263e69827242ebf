// The program in force: this week's stage and schedule, today's routine with a picture, the dose
// in words and the reasons of each exercise, what was left out and why, walking and desk breaks,
// and what screening changed, and a harder version on offer after an exercise felt too easy.
// Everything shown is what the engine planned (GET /api/v1/program); this page only puts it into
// words.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { CurrentProgram, Offer, Plan, Program, RoutineEntry, Screen, StoredIntake } from '../../api/types';
import { ExercisePicture } from '../../components/picture';
import { Because, ReasonText, useReasons } from '../../components/reasons';
import { SafetyStopNotice, useSafetyStop } from '../../components/safety-stop';
import { ErrorNotice, Loading, Page, useApi } from '../../components/ui';
import { aboutMinutes, daysPerWeek, doseWords, durationWords, timesPerDay } from './dose';
import { useExercise, useSources } from './library';
import { HarderOffer, OfferTaken } from './offer';
import { Instructions } from './instructions';
import { comingWeeks, dayWords, evidenceWords, label, modificationTexts, readableReference, replacedName } from './view';
import './program.css';

export function ProgramPage(_props: Record<string, unknown>) {
  const stop = useSafetyStop();
  const loaded = useApi<CurrentProgram>(stop.state === 'ready' && !stop.data.stop ? '/api/v1/program' : null);
  if (stop.state === 'ready' && stop.data.stop) {
    return (
      <Page title="Your program">
        <SafetyStopNotice answer={stop.data} onChange={stop.reload} />
        <p>Your program comes back here once the safety questions are answered again and no warning sign remains.</p>
      </Page>
    );
  }
  return (
    <Page title="Your program">
      {stop.state === 'error' && <ErrorNotice error={stop.error} retry={stop.retry} />}
      {loaded.state === 'loading' && stop.state !== 'error' && <Loading what="your program" />}
      {loaded.state === 'error' &&
        (loaded.error instanceof ApiError && loaded.error.status === 404 ? (
          <NoProgram />
        ) : (
          <ErrorNotice error={loaded.error} retry={loaded.retry} />
        ))}
      {loaded.state === 'ready' && <ProgramView current={loaded.data} />}
    </Page>
  );
}

/**
 * No program version is stored. If answers were stored all the same, screening withheld the
 * program: say so (and what to do) rather than inviting the person to start again.
 */
function NoProgram() {
  const [screen, setScreen] = useState<Screen | null | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    api
      .get<StoredIntake>('/api/v1/intake')
      .then((stored) => api.post<Screen>('/api/v1/screen', stored.intake))
      .then(
        (screening) => live && setScreen(screening),
        () => live && setScreen(null),
      );
    return () => {
      live = false;
    };
  }, []);
  if (screen === 'loading') return <Loading what="your answers" />;
  if (screen && screen.warnings.length > 0) return <Withheld screening={screen} />;
  return (
    <div class="card">
      <p>You have not started a program yet.</p>
      <p>
        A few questions about your back come first: they check for anything that needs a doctor, then shape a routine
        that fits you.
      </p>
      <p class="button-row">
        <a class="button button-primary" href="#/start">
          Answer the questions
        </a>
      </p>
    </div>
  );
}

function ProgramView(props: { current: CurrentProgram }) {
  // Taking a harder version answers with the program as it now stands, which replaces the loaded one.
  const [changed, setChanged] = useState<{ program: CurrentProgram; said: string } | null>(null);
  const current = changed?.program ?? props.current;
  const plan = current.plan;
  const program = plan.program;
  if (!program) return <Withheld screening={plan.screening} />;
  return (
    <>
      <Summary current={current} program={program} />
      <Routine
        program={program}
        screening={plan.screening}
        offers={current.offers ?? []}
        said={changed?.said ?? null}
        onTaken={(taken, said) => setChanged({ program: taken, said })}
      />
      <LeftOut program={program} screening={plan.screening} />
      <Everyday program={program} />
      <ScreeningChanges plan={plan} />
      <ComingWeeks week={program.week} />
    </>
  );
}

/** Screening withheld the program: say why and what to do; offer no exercise. */
function Withheld(props: { screening: Screen }) {
  const warnings = props.screening.warnings;
  const emergency = warnings.some((warning) => warning.urgency === 'emergency');
  return (
    <>
      <div class={emergency ? 'notice notice-emergency' : 'notice notice-warn'} role="alert">
        <p>
          <strong>No exercises for now.</strong> Your answers include a warning sign that needs a clinician before any
          exercise program.
        </p>
      </div>
      {warnings.map((warning) => (
        <div key={warning.rule} class={warning.urgency === 'emergency' ? 'notice notice-emergency' : 'notice notice-warn'}>
          <p>
            <strong>{urgencyWords(warning.urgency)}</strong>
          </p>
          <p>{warning.text}</p>
          <Because ids={warning.because} label="Because you told us" />
        </div>
      ))}
      <p>
        When a clinician has seen you and the warning sign has been dealt with, you can{' '}
        <a href="#/start">answer the questions again</a>.
      </p>
    </>
  );
}

function urgencyWords(urgency: string): string {
  switch (urgency) {
    case 'emergency':
      return 'Get help now: call your emergency number or go to an emergency department.';
    case 'urgent':
      return 'Contact a doctor today.';
    default:
      return 'See a doctor or physical therapist soon, before you start.';
  }
}

function Summary(props: { current: CurrentProgram; program: Program }) {
  const { current, program } = props;
  return (
    <section class="card program-summary" aria-labelledby="summary-title">
      <p class="phase-tag">{label(program.phase)} phase</p>
      <h2 id="summary-title">Week {program.week}</h2>
      <p>
        <ReasonText id={program.stage} />
      </p>
      <ul class="facts">
        <li>
          <span class="facts-label">Sessions</span>{' '}
          {program.sessions_per_day > 0
            ? `${timesPerDay(program.sessions_per_day)}, about ${program.minutes} minutes each`
            : 'none planned this week'}
        </li>
        {program.strength_days_per_week > 0 && (
          <li>
            <span class="facts-label">Strength work</span> {daysPerWeek(program.strength_days_per_week)}
          </li>
        )}
        <li>
          <span class="facts-label">Next weekly review</span> {dayWords(current.review_due_on)}
        </li>
      </ul>
      {current.because.length > 0 && (
        <details class="disclosure">
          <summary>Why your program is at this point</summary>
          <Because ids={current.because} />
        </details>
      )}
      {program.routine.length > 0 && (
        <p class="button-row">
          <a class="button button-primary" href="#/session">
            Start today's session
          </a>
        </p>
      )}
    </section>
  );
}

function Routine(props: {
  program: Program;
  screening: Screen;
  offers: Offer[];
  said: string | null;
  onTaken: (program: CurrentProgram, said: string) => void;
}) {
  const { program } = props;
  const total = program.routine.reduce((sum, entry) => sum + entry.seconds, 0);
  return (
    <section aria-labelledby="routine-title">
      <h2 id="routine-title">Today's routine</h2>
      {props.said && <OfferTaken said={props.said} />}
      {props.offers.map((offer) => (
        <HarderOffer key={offer.exercise} offer={offer} onTaken={props.onTaken} />
      ))}
      {program.routine.length === 0 ? (
        <p>There is no routine this week.</p>
      ) : (
        <>
          <p class="muted">
            {program.routine.length} {program.routine.length === 1 ? 'exercise' : 'exercises'} in this order,{' '}
            {aboutMinutes(total)} in all.
          </p>
          <ol class="routine">
            {program.routine.map((entry, index) => (
              <RoutineCard key={`${entry.exercise}-${index}`} entry={entry} index={index} screening={props.screening} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function RoutineCard(props: { entry: RoutineEntry; index: number; screening: Screen }) {
  const { entry } = props;
  const exercise = useExercise(entry.exercise);
  const modifications = modificationTexts(entry, props.screening, exercise);
  const replaces = replacedName(entry);
  const headingId = `exercise-${props.index}`;
  return (
    <li class="card routine-card" aria-labelledby={headingId}>
      <ExercisePicture exercise={entry.exercise} modification={entry.modifications[0]} alt={`Drawing of ${entry.name}`} />
      <div class="routine-body">
        <h3 id={headingId}>
          <span class="routine-number">{props.index + 1}.</span> {entry.name}
        </h3>
        {replaces && (
          <p class="routine-replaces">
            In place of <span class="routine-replaces-name">{replaces}</span>
          </p>
        )}
        <p class="dose">
          {doseWords(entry, exercise?.dose?.rep_s)} <span class="dose-time">Takes {aboutMinutes(entry.seconds)}.</span>
        </p>
        {modifications.length > 0 && (
          <div class="modifications">
            <h4>Changed for you</h4>
            <ul>
              {modifications.map((modification) => (
                <li key={modification.id}>{modification.text}</li>
              ))}
            </ul>
          </div>
        )}
        <Details entry={entry} exercise={exercise} />
      </div>
    </li>
  );
}

/**
 * Everything else about an exercise behind one disclosure, so a card is its name, picture, dose and
 * changes: how to do it, why it is in this routine, and what research says.
 */
function Details(props: { entry: RoutineEntry; exercise: ReturnType<typeof useExercise> }) {
  const { entry, exercise } = props;
  const [open, setOpen] = useState(false);
  return (
    <details class="disclosure" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        How to do it, and why<span class="visually-hidden">: {entry.name}</span>
      </summary>
      {!exercise ? <Loading what="the steps" /> : <Instructions exercise={exercise} applied={entry.modifications} />}
      <h4>Why it is here</h4>
      <Because ids={entry.because} detail />
      <h4>The evidence</h4>
      <Evidence exercise={exercise} open={open} />
    </details>
  );
}

function Evidence(props: { exercise: ReturnType<typeof useExercise>; open: boolean }) {
  const exercise = props.exercise;
  const sources = useSources(props.open);
  return (
    <>
      {!exercise ? (
        <Loading what="the evidence" />
      ) : (
        <>
          <p>
            <strong>What research says:</strong> {evidenceWords(exercise.evidence.strength, exercise.evidence.direction).join(' ')}
          </p>
          {exercise.evidence.summary && <p>{exercise.evidence.summary}</p>}
          {exercise.evidence.references.length === 0 ? (
            <p class="muted">No published source is listed for this exercise.</p>
          ) : (
            <>
              <p>Sources:</p>
              <ul class="sources">
                {exercise.evidence.references.map((id) => {
                  const source = sources?.get(id);
                  return (
                    <li key={id}>
                      {source ? (
                        <>
                          {source.title}
                          {readableReference(source.reference) && <span class="muted"> ({readableReference(source.reference)})</span>}
                        </>
                      ) : (
                        id
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function ExerciseName(props: { id: string }) {
  const exercise = useExercise(props.id);
  return <>{exercise?.name ?? label(props.id)}</>;
}

function LeftOut(props: { program: Program; screening: Screen }) {
  const { program, screening } = props;
  if (program.left_out.length === 0 && screening.excluded.length === 0) return null;
  return (
    <section aria-labelledby="left-out-title">
      <h2 id="left-out-title">Left out, and why</h2>
      <ul class="left-out">
        {screening.excluded.map((item) => (
          <li key={`excluded-${item.item}`} class="card">
            <h3>
              <ExerciseName id={item.item} />
            </h3>
            <p>{item.text}</p>
            <Because ids={item.because} label="Because" />
          </li>
        ))}
        {program.left_out.map((item) => (
          <li key={`left-${item.exercise}`} class="card">
            <h3>
              <ExerciseName id={item.exercise} />
            </h3>
            <Because ids={item.because} label="Because" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Everyday(props: { program: Program }) {
  const { program } = props;
  const reasons = useReasons();
  return (
    <section aria-labelledby="everyday-title">
      <h2 id="everyday-title">Through the day</h2>
      <div class="card everyday">
        <h3>Walking</h3>
        {program.walking.minutes > 0 && program.walking.times_per_day > 0 ? (
          <p class="dose">
            Walk for {durationWords(program.walking.minutes * 60)}, {timesPerDay(program.walking.times_per_day)}.
          </p>
        ) : (
          <p class="dose">No walking is planned this week.</p>
        )}
        <details class="disclosure">
          <summary>Why walking</summary>
          {reasons?.program.walking_text && <p>{reasons.program.walking_text}</p>}
          {/* The walking program's own id has the same words as the text above: say them once. */}
          <Because ids={program.walking.because.filter((id) => reasons?.reasons[id]?.kind !== 'walking')} label="Why walking" />
        </details>
        {program.desk_break_minutes > 0 && (
          <>
            <h3>Desk breaks</h3>
            <p class="dose">Get up from your desk at least every {program.desk_break_minutes} minutes.</p>
            <details class="disclosure">
              <summary>Why desk breaks</summary>
              {reasons?.program.desk_break_text && <p>{reasons.program.desk_break_text}</p>}
              <Because ids={program.desk_break_because} label="Why desk breaks" />
            </details>
            <p>
              <a href="#/reminders">Set up reminders</a>
            </p>
          </>
        )}
      </div>
    </section>
  );
}

/**
 * Warnings and advice from the answers. What they changed about an exercise is on that exercise's
 * card, with its reason; a change to an exercise not in today's routine is not shown at all.
 */
function ScreeningChanges(props: { plan: Plan }) {
  const { screening, advice } = props.plan;
  if (advice.length === 0 && screening.warnings.length === 0) return null;
  return (
    <section aria-labelledby="screening-title">
      <h2 id="screening-title">From your answers</h2>
      {screening.warnings.map((warning) => (
        <div key={warning.rule} class="notice notice-warn">
          <p>
            <strong>{urgencyWords(warning.urgency)}</strong>
          </p>
          <p>{warning.text}</p>
          <Because ids={warning.because} label="Because you told us" />
        </div>
      ))}
      {advice.length > 0 && (
        <div class="card">
          <h3>Advice</h3>
          <ul class="changes">
            {advice.map((given) => (
              <li key={given.id}>
                {given.text}
                <Because ids={given.because} label="Because" />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const PREVIEW_WEEKS = 3;

type Preview =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; weeks: { week: number; plan: Plan }[] };

/** The plan for the next few weeks from the stored intake, as the engine would make it today. */
function ComingWeeks(props: { week: number }) {
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const load = async () => {
    setPreview({ state: 'loading' });
    try {
      const stored = await api.get<StoredIntake>('/api/v1/intake');
      const weeks = await Promise.all(
        comingWeeks(props.week, PREVIEW_WEEKS).map(async (week) => ({
          week,
          plan: await api.post<Plan>(`/api/v1/plan?week=${week}`, stored.intake),
        })),
      );
      setPreview({ state: 'ready', weeks });
    } catch (error) {
      setPreview({ state: 'error', error });
    }
  };
  return (
    <section aria-labelledby="coming-title">
      <h2 id="coming-title">The coming weeks</h2>
      <p>Each weekly review decides the next week from how this one went. Here is the plan if all goes well.</p>
      {preview.state === 'idle' && (
        <button type="button" class="button" onClick={load}>
          Show the next {PREVIEW_WEEKS} weeks
        </button>
      )}
      {preview.state === 'loading' && <Loading what="the coming weeks" />}
      {preview.state === 'error' && <ErrorNotice error={preview.error} retry={load} />}
      {preview.state === 'ready' && (
        <ul class="coming-weeks">
          {preview.weeks.map(({ week, plan }) => (
            <li key={week} class="card">
              <h3>
                Week {week}
                {plan.program && `: ${label(plan.program.phase)}`}
              </h3>
              {plan.program ? (
                <>
                  <p>
                    <ReasonText id={plan.program.stage} />
                  </p>
                  <p class="muted">
                    Sessions {timesPerDay(plan.program.sessions_per_day)}, about {plan.program.minutes} minutes each
                    {plan.program.strength_days_per_week > 0 && `; strength work ${daysPerWeek(plan.program.strength_days_per_week)}`}
                    .
                  </p>
                  <p>{plan.program.routine.map((entry) => entry.name).join(', ')}</p>
                </>
              ) : (
                <p>No exercises would be planned: see a clinician first.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
