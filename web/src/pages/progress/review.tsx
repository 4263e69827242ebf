// The weekly review: the card on the progress page that says when it is due, the review itself
// (the warning-sign questions again, then POST /api/v1/review and the engine's decision with its
// reasons), and the list of past reviews. The decision, its reasons and any referral all come from
// the server; this file only shows them, and never quietly.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import { reasonWords } from '../../api/reasons';
import type { CurrentProgram, Diary, IntakeForm, Review, ReviewRecord, Rules } from '../../api/types';
import { Because, useReasons } from '../../components/reasons';
import { ErrorNotice, Loading, Page } from '../../components/ui';
import { decisionHeadline, dueDayFromMessage, longDay, reviewOpen, shortDay, weekSummaryText } from './logic';
import { Choices, PainSlider, YesNo } from '../onboarding/controls';
import { controlId } from '../onboarding/steps';
import { LEG_PATH, NUMB_PATH, type ReviewAnswers, field, reviewBody, unanswered, warningTopics } from './review-answers';

const URGENCY_WORDS: Record<string, string> = {
  emergency: 'Emergency: get help now',
  urgent: 'Urgent: see a doctor soon',
  consult: 'See a doctor or physical therapist',
};

/** On the progress page: when the next review falls due, and the way to it. */
export function ReviewCard(props: { program: CurrentProgram; today: string }) {
  const { program, today } = props;
  const open = reviewOpen(program.review_due_on, today);
  if (program.plan && program.plan.program === null) {
    return (
      <section class="card pg-review-card notice-warn" aria-labelledby="review-card-title">
        <h2 id="review-card-title">Your program is stopped</h2>
        <p>
          Your latest answers include a warning sign, so there are no sessions for now. Please follow the advice on the
          program page first.
        </p>
        <p>
          Once a clinician has looked at it and the sign has gone, the weekly review asks the safety questions again and
          can start the program back up.
        </p>
        <div class="button-row">
          <a class="button button-primary" href="#/program">
            See the advice
          </a>
          <a class="button" href="#/progress/review">
            Answer the questions again
          </a>
        </div>
      </section>
    );
  }
  return (
    <section class={open ? 'card pg-review-card pg-review-due' : 'card pg-review-card'} aria-labelledby="review-card-title">
      <h2 id="review-card-title">Weekly review</h2>
      {open ? (
        <>
          <p>
            Your week {program.week} review is ready. It asks the safety questions again, looks back on the week, and
            sets up the next one.
          </p>
          <p>
            <a class="button button-primary" href="#/progress/review">
              Do this week's review
            </a>
          </p>
        </>
      ) : (
        <>
          <p>
            Your week {program.week} review opens on <strong>{longDay(program.review_due_on)}</strong>. A review looks back
            on a whole week of the program, so until then, keep going with today's routine.
          </p>
          <p>
            <a class="button" href="#/progress/review">
              See the review questions
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function stageText(document: ReturnType<typeof useReasons>, id: string): string {
  const words = reasonWords(document, id);
  return words.known ? words.text : id.replace(/_/g, ' ');
}

/** A decision, its reasons and any advice, as the engine gave them. */
export function ReviewOutcome(props: { review: Review; headingRef?: Ref<HTMLHeadingElement> }) {
  const review = props.review;
  const reasons = useReasons();
  const headline = decisionHeadline(review.decision);
  const loud = headline.tone === 'emergency' || headline.tone === 'warn';
  const noticeClass = {
    ok: 'notice notice-ok',
    plain: 'notice',
    warn: 'notice notice-warn',
    emergency: 'notice notice-emergency',
  }[headline.tone];
  return (
    <section class="pg-review-outcome" aria-labelledby="review-outcome-title">
      <div class={`${noticeClass} pg-review-decision`} role={loud ? 'alert' : 'status'}>
        <h2 id="review-outcome-title" tabIndex={-1} ref={props.headingRef}>
          Week {review.week} review: {headline.text}
        </h2>
        {review.screen && review.screen.warnings.length > 0 && (
          <ul class="pg-review-warnings">
            {review.screen.warnings.map((warning) => (
              <li key={warning.rule}>
                <strong>{URGENCY_WORDS[warning.urgency] ?? warning.urgency}.</strong> {warning.text}
              </li>
            ))}
          </ul>
        )}
        {review.advice.map((advice) => (
          <p key={advice.id} class="pg-review-advice">
            {advice.text}
          </p>
        ))}
        {review.to_stage && review.to_stage !== review.from_stage && (
          <p>
            <strong>The next stage:</strong> {stageText(reasons, review.to_stage)}
          </p>
        )}
        {review.to_stage && review.to_stage === review.from_stage && <p>Your routine stays as it is for now.</p>}
        {!review.to_stage && (
          <p>
            <strong>No new sessions for now.</strong> Please follow the advice above first.
          </p>
        )}
      </div>
      <h3>Why</h3>
      <Because ids={review.because} label="Reasons for this decision" />
      <h3>The week it looked at</h3>
      <p>{weekSummaryText(review.week_summary)}</p>
      {review.rescore_due && (
        <div class="notice notice-ok">
          <p>
            <strong>Time to fill in the function questionnaire again.</strong> It takes a few minutes and shows how much
            easier everyday things have become since you started.
          </p>
          <p>
            <a class="button button-primary" href="#/progress/questionnaire">
              Fill in the questionnaire
            </a>
          </p>
        </div>
      )}
      <div class="button-row">
        {review.to_stage && (
          <a class="button button-primary" href="#/program">
            See next week's program
          </a>
        )}
        <a class="button" href="#/progress">
          Back to progress
        </a>
      </div>
    </section>
  );
}

/** Advice ids in plain words, from the rules sheet (loaded only when a past review has advice). */
function useAdviceWords(needed: boolean): Record<string, string> {
  const [words, setWords] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!needed) return;
    let live = true;
    api.get<Rules>('/api/v1/rules').then(
      (rules) => live && setWords(Object.fromEntries(rules.advice.map((advice) => [advice.id, advice.text]))),
      () => undefined, // The ids stay as they are.
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return words;
}

export function PastReviews(props: { reviews: ReviewRecord[] }) {
  const reasons = useReasons();
  const advice = useAdviceWords(props.reviews.some((review) => review.advice.length > 0));
  if (props.reviews.length === 0) return <p class="muted">No weekly reviews yet. The first comes after a week of the program.</p>;
  return (
    <ol class="pg-past-reviews" reversed>
      {[...props.reviews].reverse().map((review) => {
        const headline = decisionHeadline(review.decision);
        return (
          <li key={review.id} class={`pg-past-review pg-tone-${headline.tone}`}>
            <p class="pg-past-review-head">
              <strong>Week {review.week}</strong>, {shortDay(review.day)}: {headline.text}
            </p>
            {review.advice.map((id) => (
              <p key={id} class="pg-review-advice">
                {advice[id] ?? id}
              </p>
            ))}
            {review.to_stage && review.to_stage !== review.from_stage && (
              <p class="muted">The next stage: {stageText(reasons, review.to_stage)}</p>
            )}
            <details class="pg-details">
              <summary>Why</summary>
              <Because ids={review.because} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}

// ---- the review page -------------------------------------------------------------------------

interface ReviewSetup {
  program: CurrentProgram | null;
  form: IntakeForm;
  today: string;
}

async function loadSetup(): Promise<ReviewSetup> {
  const [program, form, diary] = await Promise.all([
    api.get<CurrentProgram>('/api/v1/program').catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
    api.get<IntakeForm>('/api/v1/intake/form'),
    api.get<Diary>('/api/v1/diary?days=1'),
  ]);
  return { program, form, today: diary.to };
}

export function ReviewPage() {
  const [setup, setSetup] = useState<ReviewSetup | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [answers, setAnswers] = useState<ReviewAnswers>({ signs: {} });
  const [showMissing, setShowMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [notDue, setNotDue] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const notDueNotice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    loadSetup().then(
      (loaded) => live && setSetup(loaded),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [generation]);

  useEffect(() => {
    if (review) outcomeHeading.current?.focus();
  }, [review]);
  useEffect(() => {
    if (notDue !== null) notDueNotice.current?.focus();
  }, [notDue]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!setup) return;
    const open = unanswered(setup.form, answers);
    if (open.length > 0) {
      setShowMissing(true);
      document.getElementById(controlId(open[0]))?.focus();
      return;
    }
    setSending(true);
    setSendError(null);
    setNotDue(null);
    try {
      setReview(await api.post<Review>('/api/v1/review', reviewBody(answers)));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === 'conflict') {
        setNotDue(setup.program?.review_due_on ?? dueDayFromMessage(error.message) ?? '');
      } else {
        setSendError(error);
      }
    } finally {
      setSending(false);
    }
  }

  if (loadError !== null) {
    return (
      <Page title="Weekly review">
        <ErrorNotice error={loadError} retry={() => setGeneration((n) => n + 1)} />
      </Page>
    );
  }
  if (!setup) {
    return (
      <Page title="Weekly review">
        <Loading what="the review" />
      </Page>
    );
  }
  if (review) {
    return (
      <Page title="Weekly review">
        <ReviewOutcome review={review} headingRef={outcomeHeading} />
      </Page>
    );
  }
  const { program, form, today } = setup;
  if (!program) {
    return (
      <Page title="Weekly review">
        <p>There is no program to review yet.</p>
        <p>
          <a class="button button-primary" href="#/start">
            Start your program
          </a>
        </p>
      </Page>
    );
  }
  const open = reviewOpen(program.review_due_on, today);
  const missing = showMissing ? new Set(unanswered(form, answers)) : new Set<string>();
  const problem = (key: string) => (missing.has(key) ? 'Please answer this one.' : undefined);
  const legField = field(form, LEG_PATH);
  const numbField = field(form, NUMB_PATH);
  const painField = field(form, 'symptoms.pain_now');
  return (
    <Page title="Weekly review">
      <p>
        The review looks back on week {program.week} and sets up the next one. It starts with the safety questions
        again, because things can change, and a warning sign changes what is safe to do.
      </p>
      {!open && notDue === null && (
        <p class="notice">
          This review opens on <strong>{longDay(program.review_due_on)}</strong>. You can read the questions now; sending
          them before then changes nothing.
        </p>
      )}
      {notDue !== null && (
        <div class="notice notice-warn" role="alert" tabIndex={-1} ref={notDueNotice}>
          <p>
            <strong>Not yet: this week's review opens on {notDue ? longDay(notDue) : 'a later day'}.</strong>
          </p>
          <p>
            A review looks back on a whole week of the program, so nothing was changed. Keep going with today's routine and
            come back then.
          </p>
          <p>
            <a href="#/progress">Back to progress</a>
          </p>
        </div>
      )}
      <form class="pg-review-form" onSubmit={submit} noValidate>
        {warningTopics(form).map((topic) => (
          <section key={topic.id} class="pg-review-topic" aria-labelledby={`topic-${topic.id}`}>
            <h2 id={`topic-${topic.id}`}>{topic.title}</h2>
            {topic.intro && <p class="muted">{topic.intro}</p>}
            {topic.questions.map((question) => (
              <YesNo
                key={question.id}
                idKey={`review-${question.id}`}
                question={question.question}
                value={answers.signs[question.id]}
                onChange={(value) => setAnswers({ ...answers, signs: { ...answers.signs, [question.id]: value } })}
                problem={problem(`review-${question.id}`)}
              />
            ))}
          </section>
        ))}
        <section class="pg-review-topic" aria-labelledby="topic-legs">
          <h2 id="topic-legs">Your legs and your pain</h2>
          {legField && (
            <Choices
              idKey={`review-${LEG_PATH}`}
              name="review-leg"
              legend={legField.question}
              hint={legField.hint}
              options={(legField.options ?? []).map((option) => ({ value: String(option.value), label: option.label }))}
              value={answers.leg}
              onChange={(value) => setAnswers({ ...answers, leg: value })}
              problem={problem(`review-${LEG_PATH}`)}
            />
          )}
          {numbField && (
            <YesNo
              idKey={`review-${NUMB_PATH}`}
              question={numbField.question}
              value={answers.numb}
              onChange={(value) => setAnswers({ ...answers, numb: value })}
              problem={problem(`review-${NUMB_PATH}`)}
            />
          )}
          {painField && (
            <PainSlider
              field={painField}
              value={answers.pain}
              onChange={(text) => setAnswers({ ...answers, pain: text })}
            />
          )}
        </section>
        {showMissing && missing.size > 0 && (
          <p class="notice notice-warn" role="alert">
            {missing.size === 1 ? 'One question is' : `${missing.size} questions are`} still unanswered. Every safety question
            needs a yes or a no.
          </p>
        )}
        {sendError !== null && <ErrorNotice error={sendError} />}
        <div class="button-row">
          <button type="submit" class="button button-primary" disabled={sending}>
            {sending ? 'Reviewing…' : 'Send my answers and review the week'}
          </button>
          <a class="button" href="#/progress">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}
