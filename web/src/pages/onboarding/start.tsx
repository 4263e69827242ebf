// The first onboarding (`#/start`): welcome, the safety questions, symptoms, questionnaires,
// equipment and time, then a review that shows what the engine makes of the answers before the
// program starts. A warning sign found at any check ends it on the stop page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { Exercise, IntakeForm, Plan, ScoreRequest, Screen, StartedOrWithheld } from '../../api/types';
import { ErrorNotice, Loading, useApi } from '../../components/ui';
import { navigate } from '../../router';
import { type Answers, buildIntake, scoreAnswers, startingAnswers } from './answers';
import { Choices } from './controls';
import { type FlowConfig, SkipSection, type StepContext } from './flow';
import { questionnaireIntro } from './intros';
import { ScreenSummary } from './results';
import { FUNCTION_INSTRUMENTS, controlId, firstIncomplete, onboardingSteps } from './steps';
import { ONBOARDING_KEY, forget } from './storage';
import { summarize } from './summary';
import { headlineOf, stopsOnboarding } from './verdict';

/** The questionnaires to save with the program: the function one picked, and the others always asked. */
export function questionnairesToSave(form: IntakeForm, answers: Answers) {
  return form.questionnaires.filter((q) =>
    FUNCTION_INSTRUMENTS.includes(q.id) ? q.id === answers.function : !answers.skipped.includes(q.id),
  );
}

export const onboardingConfig: FlowConfig = {
  storageKey: ONBOARDING_KEY,
  steps: onboardingSteps,
  initialAnswers: startingAnswers,
  check: (form, answers) => api.post<Screen>('/api/v1/screen', buildIntake(form, answers)),
  // The answers so far, questions not reached yet at their defaults: what the stop was screened on.
  recordStop: (form, answers) => api.post('/api/v1/stop', buildIntake(form, answers)),
  renderStep: (context) => {
    switch (context.step.kind) {
      case 'welcome':
        return <Welcome />;
      case 'function':
        return <FunctionChoice context={context} />;
      case 'review':
        return <Review context={context} />;
      default:
        return undefined;
    }
  },
};

function Welcome() {
  return (
    <div class="welcome">
      <p class="flow-lead">
        Unload builds a short daily routine for low back pain from your answers, guides you through it hands-free, and
        adjusts it week by week.
      </p>
      <ul class="welcome-points">
        <li>
          <strong>It is coaching, not a diagnosis.</strong> It cannot examine you, and it does not replace a doctor or
          physical therapist.
        </li>
        <li>
          <strong>Safety questions come first.</strong> Some answers mean a clinician should see you before any
          exercise. If so, Unload says so plainly, says how soon, and stops there.
        </li>
        <li>
          <strong>It takes about ten minutes.</strong> You can go back to any question. Your answers are kept in this
          browser until you start, and then stored on this Unload server.
        </li>
      </ul>
      <p class="muted">Answer for how things are now.</p>
    </div>
  );
}

function FunctionChoice(props: { context: StepContext }) {
  const { form, answers, update, problemFor } = props.context;
  const choices = form.questionnaires.filter((q) => FUNCTION_INSTRUMENTS.includes(q.id));
  const options = [
    ...choices.map((q) => ({
      value: q.id,
      label: `${q.title} (${q.questions.length} questions)`,
      detail: questionnaireIntro(q),
    })),
    { value: 'none', label: 'Skip this for now' },
  ];
  return (
    <>
      <p class="flow-intro">
        A short questionnaire about how your back affects everyday life shows your progress over the coming weeks.
      </p>
      <SkipSection onSkip={props.context.skip} />
      <Choices
        idKey="function"
        name={controlId('function')}
        legend="Which would you like to fill in?"
        options={options}
        value={answers.function ?? undefined}
        onChange={(value) =>
          update((a) => ({ ...a, function: value === 'odi' || value === 'rmdq' || value === 'none' ? value : null }))
        }
        problem={problemFor(controlId('function'))}
      />
    </>
  );
}

type ReviewState =
  | { state: 'checking' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; plan: Plan };

function Review(props: { context: StepContext }) {
  const { form, steps, answers, goTo, stop } = props.context;
  const [review, setReview] = useState<ReviewState>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [scoresFailed, setScoresFailed] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const firstSafetyStep = steps.find((s) => s.kind === 'topic')?.id ?? steps[0].id;
  // Exercise names for the lists of what screening changed; ids stand in until they load.
  const library = useApi<Exercise[]>('/api/v1/exercises');
  const names = useMemo(
    () => (library.state === 'ready' ? Object.fromEntries(library.data.map((e) => [e.id, e.name])) : {}),
    [library],
  );

  // Ask the engine once more with every answer: the plan says whether a program would start.
  useEffect(() => {
    let live = true;
    setReview({ state: 'checking' });
    api.post<Plan>('/api/v1/plan', buildIntake(form, answers)).then(
      (plan) => {
        if (!live) return;
        if (stopsOnboarding(plan.screening)) stop(plan.screening, firstSafetyStep);
        else setReview({ state: 'ready', plan });
      },
      (caught: unknown) => live && setReview({ state: 'failed', error: caught }),
    );
    return () => {
      live = false;
    };
    // The answers cannot change while the review is shown; only a retry asks again.
  }, [attempt]);

  const saveScores = async () => {
    for (const questionnaire of questionnairesToSave(form, answers)) {
      const body: ScoreRequest = {
        instrument: questionnaire.id,
        answers: scoreAnswers(answers, questionnaire.id, questionnaire.questions.length),
        save: true,
      };
      await api.post('/api/v1/scores', body);
    }
  };

  const finishScores = async (started: boolean) => {
    try {
      await saveScores();
    } catch (caught) {
      setScoresFailed(caught);
      return;
    }
    setScoresFailed(null);
    forget(ONBOARDING_KEY);
    if (started) navigate('/program');
    else setSaved(true);
  };

  const start = async (restart: boolean) => {
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      const result = await api.post<StartedOrWithheld>(
        restart ? '/api/v1/program?restart=true' : '/api/v1/program',
        buildIntake(form, answers),
      );
      if (result.program === null && stopsOnboarding(result.plan.screening)) {
        stop(result.plan.screening, firstSafetyStep);
        return;
      }
      await finishScores(result.program !== null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setConflict(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const incomplete = firstIncomplete(steps, form, answers);
  if (incomplete) {
    return (
      <div class="notice notice-warn" role="alert">
        <p>Some questions are not answered yet, so nothing can start.</p>
        <button type="button" class="button" onClick={() => goTo(incomplete.id)}>
          Go to {incomplete.title}
        </button>
      </div>
    );
  }
  if (review.state === 'checking') return <Loading what="what Unload makes of your answers" />;
  if (review.state === 'failed') return <ErrorNotice error={review.error} retry={() => setAttempt((n) => n + 1)} />;
  const plan = review.plan;
  const withheld = plan.program === null;
  const groups = summarize(form, steps, answers);

  if (saved) {
    return (
      <div class="notice notice-ok" role="status">
        <p>Your answers are saved. When a clinician has checked you, answer the questions again here to start a program.</p>
        <p>
          <a href="#/">Go to today's page</a>
        </p>
      </div>
    );
  }

  return (
    <div class="review">
      <p class="flow-intro">Here is what Unload makes of your answers. Change anything that is not right before you go on.</p>
      <section aria-labelledby="review-result">
        <h2 id="review-result">{withheld ? 'A check comes first' : 'Your program'}</h2>
        {withheld ? (
          <div class="notice notice-warn">
            <p class="review-headline">{headlineOf(plan.screening) ?? 'Please see a clinician before starting.'}</p>
            <p>
              Unload will keep your answers but will not start a program until a clinician has checked you.
            </p>
          </div>
        ) : (
          plan.program && (
            <p class="review-headline">
              Week 1: {plan.program.routine.length} exercises, about {plan.program.minutes} minutes a session
              {plan.program.sessions_per_day === 1
                ? ', once a day'
                : plan.program.sessions_per_day > 1
                  ? `, ${plan.program.sessions_per_day} times a day`
                  : ''}
              .
            </p>
          )
        )}
        <ScreenSummary screen={plan.screening} extraAdvice={plan.advice} names={names} />
      </section>
      <section aria-labelledby="review-answers">
        <h2 id="review-answers">Your answers</h2>
        <div class="review-groups">
          {groups.map((group) => (
            <div class="review-group" key={group.step}>
              <div class="review-group-head">
                <h3>{group.title}</h3>
                <button
                  type="button"
                  class="button button-small"
                  aria-label={`Change: ${group.title}`}
                  onClick={() => goTo(group.step, true)}
                >
                  Change
                </button>
              </div>
              <dl>
                {group.lines.map((line) => (
                  <div class="review-line" key={line.label}>
                    <dt>{line.label}</dt>
                    <dd>{line.value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      </section>
      {conflict && (
        <div class="notice notice-warn" role="alert">
          <p>A program is already running on this server. Starting again replaces it and begins at week 1.</p>
          <div class="button-row">
            <button type="button" class="button button-primary" disabled={busy} onClick={() => void start(true)}>
              Replace it and start again
            </button>
            <a class="button" href="#/program">
              Keep the running program
            </a>
          </div>
        </div>
      )}
      {scoresFailed !== null && (
        <div class="notice notice-error" role="alert">
          <p>
            {withheld ? 'Your answers are saved' : 'Your program has started'}, but the questionnaire answers could not be
            saved.
          </p>
          <ErrorNotice error={scoresFailed} />
          <div class="button-row">
            <button type="button" class="button button-primary" onClick={() => void finishScores(!withheld)}>
              Try saving them again
            </button>
            {!withheld && (
              <a class="button" href="#/program" onClick={() => forget(ONBOARDING_KEY)}>
                Go to my program without them
              </a>
            )}
          </div>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {!conflict && scoresFailed === null && (
        <div class="button-row">
          <button
            type="button"
            class="button button-primary button-large"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void start(false)}
          >
            {busy ? 'Saving…' : withheld ? 'Save my answers' : 'Start my program'}
          </button>
        </div>
      )}
    </div>
  );
}
