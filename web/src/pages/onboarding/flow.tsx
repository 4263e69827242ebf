// The step-by-step frame both onboarding and the re-screen run in: one screen at a time with its
// progress, Back and Next, a list of what is still unanswered, and the engine asked after every
// safety screen, so a warning sign ends the flow on the stop page the moment it is answered.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IntakeForm, ScoreAnswer, Screen } from '../../api/types';
import { ErrorNotice } from '../../components/ui';
import {
  type Answers,
  type FactChoice,
  type FieldValue,
  type LegSide,
  NEVER_TRIED_FIELDS,
  factChoice,
  fieldAsked,
  offersUnsure,
  setFact as withFact,
} from './answers';
import { BodyPicture } from './body-picture';
import { Choices, FieldControl, YesNo } from './controls';
import { questionnaireIntro } from './intros';
import { BodyMeasures } from './measures';
import { StopPage } from './results';
import {
  type Problem,
  type Step,
  controlId,
  findStep,
  firstIncomplete,
  isSkippable,
  nextStep,
  previousStep,
  problemsOf,
  progressOf,
  skipSection,
} from './steps';
import { HEIGHT, WEIGHT } from './units';
import { type Saved, type Stopped, loadSaved, save } from './storage';
import { stopsOnboarding } from './verdict';

export interface FlowConfig {
  /** sessionStorage key for the answers. */
  storageKey: string;
  steps: (form: IntakeForm, answers: Answers) => Step[];
  initialAnswers: (form: IntakeForm) => Answers;
  /** Asks the engine about the answers so far (nothing stored). */
  check: (form: IntakeForm, answers: Answers) => Promise<Screen>;
  /**
   * Stores answers that stopped the flow (GET /api/v1/stop then shows them on every page). Not
   * called for a `finish` that stopped: that stored them already.
   */
  recordStop: (form: IntakeForm, answers: Answers) => Promise<unknown>;
  /** Runs when Next is pressed on the last step; a screen that stops ends on the stop page. */
  finish?: (form: IntakeForm, answers: Answers) => Promise<Screen>;
  /** The label of Next on the last step. */
  finishLabel?: string;
  /** Draws the screens that are special to one flow (welcome, review, questionnaires). */
  renderStep?: (context: StepContext) => ComponentChildren | undefined;
  /** Draws what `finish` found when it did not stop, under `finishedTitle`. */
  renderFinished?: (screen: Screen, form: IntakeForm) => ComponentChildren;
  finishedTitle?: string;
}

/** What a step's drawing gets: the answers, ways to change them, and ways to move on. */
export interface StepContext {
  form: IntakeForm;
  step: Step;
  steps: Step[];
  answers: Answers;
  update: (change: (answers: Answers) => Answers) => void;
  problemFor: (target: string) => string | undefined;
  goTo: (id: string, fromReview?: boolean) => void;
  next: () => void;
  stop: (screen: Screen, from: string) => void;
  /** Skips the optional section this step is in; null where the step is not optional. */
  skip: (() => void) | null;
}

/** The way past an optional section, shown under the sentence that says what the section is. */
export function SkipSection(props: { onSkip: (() => void) | null }) {
  if (!props.onSkip) return null;
  return (
    <div class="flow-optional">
      <p>This section is optional: skipping it saves nothing from it.</p>
      <button type="button" class="button" onClick={props.onSkip}>
        Skip this section
      </button>
    </div>
  );
}

function freshSaved(config: FlowConfig, form: IntakeForm): Saved {
  const answers = config.initialAnswers(form);
  return { step: config.steps(form, answers)[0].id, answers, stopped: null };
}

export function Flow(props: { form: IntakeForm; config: FlowConfig; label: string }) {
  const { form, config } = props;
  const [saved, setSaved] = useState<Saved>(() => loadSaved(config.storageKey) ?? freshSaved(config, form));
  const [showProblems, setShowProblems] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fromReview, setFromReview] = useState(false);
  const [finished, setFinished] = useState<Screen | null>(null);
  const [stopSaveError, setStopSaveError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => save(config.storageKey, saved), [config.storageKey, saved]);

  const answers = saved.answers;
  const steps = config.steps(form, answers);
  const step = findStep(steps, saved.step);
  const problems = showProblems ? problemsOf(step, form, answers) : [];
  const progress = progressOf(steps, step.id);
  const isLast = nextStep(steps, step.id) === null;
  const title = saved.stopped
    ? 'Please get help first'
    : finished && config.finishedTitle
      ? config.finishedTitle
      : step.title;

  // Each screen starts at its heading: focus moves there so a screen reader reads the new
  // question and the keyboard continues from the top.
  useEffect(() => {
    document.title = `${title} · Unload`;
    heading.current?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [step.id, saved.stopped, finished, title]);

  const update = (change: (answers: Answers) => Answers) =>
    setSaved((current) => ({ ...current, answers: change(current.answers) }));

  const goTo = (id: string, review = false) => {
    setShowProblems(false);
    setError(null);
    setFromReview(review);
    setSaved((current) => ({ ...current, step: id }));
  };

  const stop = (screen: Screen, from: string) => setSaved((current) => ({ ...current, stopped: { screen, from } }));

  const next = async () => {
    if (checking) return;
    const missing = problemsOf(step, form, answers);
    if (missing.length > 0) {
      setShowProblems(true);
      // Let the list render, then move focus to it so the person hears what is missing.
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setShowProblems(false);
    setError(null);
    if (step.screens || (isLast && config.finish)) {
      setChecking(true);
      try {
        const finishing = isLast && config.finish !== undefined;
        const screen = finishing && config.finish ? await config.finish(form, answers) : await config.check(form, answers);
        if (stopsOnboarding(screen)) {
          // The stop page comes at once; storing the answers must not hold it up or hide it.
          setStopSaveError(null);
          if (!finishing) config.recordStop(form, answers).catch((caught: unknown) => setStopSaveError(caught));
          stop(screen, step.id);
          return;
        }
        if (isLast && config.finish) {
          setFinished(screen);
          return;
        }
      } catch (caught) {
        setError(caught);
        return;
      } finally {
        setChecking(false);
      }
    }
    // Back to the review after a change, unless the change opened new questions (a questionnaire
    // picked from the review): those come first.
    const review = steps.find((s) => s.kind === 'review');
    const after = fromReview && review ? (firstIncomplete(steps, form, answers) ?? review) : nextStep(steps, step.id);
    if (after) goTo(after.id);
  };

  const back = () => {
    const before = previousStep(steps, step.id);
    if (before) goTo(before.id);
  };

  // An optional section skipped: its answers are dropped and the person goes on past it (or back
  // to the review they came from).
  const skip = () => {
    const skipping = skipSection(form, steps, step, answers);
    setSaved((current) => ({ ...current, answers: skipping.answers }));
    const review = steps.find((s) => s.kind === 'review');
    const to = fromReview && review ? review.id : skipping.to;
    if (to) goTo(to);
  };

  if (saved.stopped) {
    const stopped: Stopped = saved.stopped;
    return (
      <FlowFrame label={props.label}>
        <StopPage
          screen={stopped.screen}
          headingRef={heading}
          saveError={stopSaveError}
          onBack={() => setSaved((current) => ({ ...current, stopped: null, step: stopped.from }))}
        />
      </FlowFrame>
    );
  }

  if (finished && config.renderFinished) {
    return (
      <FlowFrame label={props.label}>
        <section class="flow-step" aria-labelledby="step-title">
          <h1 id="step-title" tabIndex={-1} ref={heading}>
            {title}
          </h1>
          {config.renderFinished(finished, form)}
        </section>
      </FlowFrame>
    );
  }

  const context: StepContext = {
    form,
    step,
    steps,
    answers,
    update,
    problemFor: (target) => problems.find((problem) => problem.target === target)?.message,
    goTo,
    next: () => void next(),
    stop,
    skip: isSkippable(step) && !checking ? skip : null,
  };
  const special = config.renderStep?.(context);
  const hasNext = step.kind !== 'review';

  return (
    <FlowFrame label={props.label}>
      <form
        class="flow-step"
        aria-labelledby="step-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void next();
        }}
      >
        {progress && step.kind !== 'welcome' && (
          <div class="flow-progress">
            {/* One counter: the bar carries it for screen readers, the text shows it. */}
            <p class="flow-progress-text" id="flow-progress-text" aria-hidden="true">
              Step {progress.number} of {progress.total}
            </p>
            <progress
              max={progress.total}
              value={progress.number}
              aria-label={`Step ${progress.number} of ${progress.total}`}
            />
          </div>
        )}
        <h1 id="step-title" tabIndex={-1} ref={heading}>
          {step.title}
        </h1>
        {problems.length > 0 && <ProblemList problems={problems} refTo={summary} />}
        {special ?? <StandardStep context={context} />}
        {error !== null && <ErrorNotice error={error} />}
        <div class="button-row flow-buttons">
          {previousStep(steps, step.id) && (
            <button type="button" class="button" onClick={back}>
              Back
            </button>
          )}
          {hasNext && (
            <button type="submit" class="button button-primary" disabled={checking} aria-busy={checking}>
              {checking
                ? 'Checking your answers…'
                : isLast && config.finishLabel
                  ? config.finishLabel
                  : fromReview
                    ? 'Save and return to the review'
                    : step.kind === 'welcome'
                      ? 'Start the questions'
                      : 'Next'}
            </button>
          )}
        </div>
      </form>
    </FlowFrame>
  );
}

/** The frame around every screen: a way home, and the page's landmark. */
function FlowFrame(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="flow">
      <header class="flow-header">
        <a class="brand" href="#/" aria-label={`Unload: leave ${props.label} and go to today's page`}>
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span>Unload</span>
        </a>
      </header>
      <div class="flow-body">{props.children}</div>
    </div>
  );
}

/** "One answer is missing", or "Please check 2 answers" when one given is out of range. */
function problemsHeading(problems: Problem[]): string {
  const count = problems.length;
  if (problems.some((problem) => problem.invalid)) return count === 1 ? 'Please check one answer' : `Please check ${count} answers`;
  return count === 1 ? 'One answer is missing' : `${count} answers are missing`;
}

/** What is unanswered or out of range, each a link to its question. */
function ProblemList(props: { problems: Problem[]; refTo: { current: HTMLDivElement | null } }) {
  return (
    <div class="notice notice-error problem-list" role="alert" tabIndex={-1} ref={props.refTo}>
      <h2>{problemsHeading(props.problems)}</h2>
      <ul>
        {props.problems.map((problem) => (
          <li key={problem.target}>
            <a
              href={`#${problem.target}`}
              onClick={(event) => {
                // The hash is the route: move focus instead of following the link.
                event.preventDefault();
                const control = document.getElementById(problem.target);
                control?.focus();
                control?.scrollIntoView?.({ block: 'center' });
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The screens every flow shares: screening topics, patterns, the legs and plain field lists. */
export function StandardStep(props: { context: StepContext }) {
  const { form, step, answers, update, problemFor } = props.context;
  const setFact = (id: string, value: FactChoice) => update((a) => withFact(a, id, value));
  const setField = (path: string, value: FieldValue) =>
    update((a) => ({ ...a, fields: { ...a.fields, [path]: value } }));
  const fieldsOf = (paths: string[]) =>
    paths
      .map((path) => form.fields.find((field) => field.path === path))
      .filter((field): field is NonNullable<typeof field> => field !== undefined);

  switch (step.kind) {
    case 'topic':
      return (
        <>
          <p class="flow-intro">{step.topic.intro}</p>
          {step.topic.questions.some((question) => question.answer === 'warning_signs' && !offersUnsure(question)) && (
            <p class="notice flow-unsure">
              Not sure about one of these? Answer yes. Unload will then tell you who to see and how soon, and you can
              come back and change the answer.
            </p>
          )}
          {step.topic.questions.some(offersUnsure) && (
            <p class="notice flow-unsure">
              If you do not know, choose “Not sure”. We treat “Not sure” as yes, to be safe: Unload then leaves out or
              changes what could be a problem, or asks you to check with a clinician first.
            </p>
          )}
          {step.topic.questions.map((question) => (
            <YesNo<FactChoice>
              key={question.id}
              idKey={question.id}
              question={question.question}
              unsure={offersUnsure(question)}
              value={factChoice(answers, question.id)}
              onChange={(value) => setFact(question.id, value)}
              problem={problemFor(controlId(question.id))}
            />
          ))}
        </>
      );
    case 'patterns':
      return (
        <>
          <p class="flow-intro">
            These questions help choose the positions most likely to ease your kind of pain. There are no wrong answers.
          </p>
          {step.questions.map((question) => (
            <YesNo<FactChoice>
              key={question.id}
              idKey={question.id}
              question={question.question}
              unsure={offersUnsure(question)}
              value={factChoice(answers, question.id)}
              onChange={(value) => setFact(question.id, value)}
              problem={problemFor(controlId(question.id))}
            />
          ))}
        </>
      );
    case 'legs':
    case 'fields':
      return (
        <>
          {step.kind === 'fields' && step.intro && <p class="flow-intro">{step.intro}</p>}
          {fieldsOf(step.paths).map((field) => {
            if (!fieldAsked(field.path, answers)) return null;
            // Weight and height share one choice of units, drawn with the first of them.
            if (field.path === WEIGHT || (field.path === HEIGHT && !step.paths.includes(WEIGHT))) {
              return (
                <BodyMeasures
                  key={field.path}
                  weight={step.paths.includes(WEIGHT) ? fieldsOf([WEIGHT])[0] : undefined}
                  height={step.paths.includes(HEIGHT) ? fieldsOf([HEIGHT])[0] : undefined}
                  answers={answers}
                  update={update}
                  problemFor={problemFor}
                />
              );
            }
            if (field.path === HEIGHT) return null;
            if (field.path === 'symptoms.leg') {
              return (
                <BodyPicture
                  key={field.path}
                  field={field}
                  value={typeof answers.fields[field.path] === 'string' ? (answers.fields[field.path] as string) : undefined}
                  side={answers.legSide}
                  onChange={(value) => setField(field.path, value)}
                  onSide={(side: LegSide) => update((a) => ({ ...a, legSide: side }))}
                  problem={problemFor(controlId(field.path))}
                  sideProblem={problemFor(controlId('leg-side'))}
                />
              );
            }
            return (
              <FieldControl
                key={field.path}
                field={field}
                value={answers.fields[field.path]}
                onChange={(value) => setField(field.path, value)}
                problem={problemFor(controlId(field.path))}
                neverTried={NEVER_TRIED_FIELDS.includes(field.path)}
              />
            );
          })}
        </>
      );
    case 'questionnaire': {
      const questionnaire = step.questionnaire;
      const given = answers.scores[questionnaire.id] ?? {};
      // Answering a question takes back an earlier "Skip this section".
      const setScore = (index: number, value: ScoreAnswer) =>
        update((a) => ({
          ...a,
          scores: { ...a.scores, [questionnaire.id]: { ...(a.scores[questionnaire.id] ?? {}), [String(index)]: value } },
          skipped: a.skipped.filter((id) => id !== questionnaire.id),
        }));
      const intro = questionnaireIntro(questionnaire);
      return (
        <>
          {step.from === 0 && intro && <p class="flow-lead">{intro}</p>}
          <SkipSection onSkip={props.context.skip} />
          {answers.skipped.includes(questionnaire.id) && (
            <p class="notice">You skipped this section, so nothing from it is saved. Answer it here if you change your mind.</p>
          )}
          {step.from === 0 && <p class="flow-intro">{questionnaire.instructions}</p>}
          {questionnaire.blank_allowed && (
            <p class="hint">You may leave a question out if it does not apply to you.</p>
          )}
          {questionnaire.questions.slice(step.from, step.to).map((question, offset) => {
            const index = step.from + offset;
            const short = question.options.every((option) => option.label.length <= 12);
            return (
              <Choices
                key={question.id}
                idKey={`${questionnaire.id}-${index}`}
                name={controlId(`${questionnaire.id}-${index}`)}
                legend={
                  <>
                    <span class="question-number">{index + 1}.</span> {question.text}
                  </>
                }
                options={question.options.map((option) => ({ value: option.value, label: option.label }))}
                value={given[String(index)] ?? undefined}
                onChange={(value) => setScore(index, value)}
                problem={problemFor(controlId(`${questionnaire.id}-${index}`))}
                inline={short}
              />
            );
          })}
        </>
      );
    }
    default:
      return null;
  }
}
