// Re-scoring function (ODI or RMDQ) when a review asks for it, or whenever the person likes. The
// questions and their answer values come from GET /api/v1/intake/form; the server scores and saves
// the answers (POST /api/v1/scores), so no scoring happens here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type {
  Instrument,
  IntakeForm,
  Questionnaire,
  SavedScore,
  ScoreAnswer,
  ScoreRecord,
  ScoreRequest,
} from '../../api/types';
import { ErrorNotice, Loading, Page } from '../../components/ui';
import { INSTRUMENT_NAMES, scoreValueText } from './logic';
import { bandWords } from './scores';
import { answeredCount } from './review-answers';

const FUNCTION_INSTRUMENTS: Instrument[] = ['odi', 'rmdq'];

export function QuestionnairePage(props: { instrument: string | null }) {
  const [form, setForm] = useState<IntakeForm | null>(null);
  const [previous, setPrevious] = useState<Instrument | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    Promise.all([api.get<IntakeForm>('/api/v1/intake/form'), api.get<ScoreRecord[]>('/api/v1/scores')]).then(
      ([loadedForm, scores]) => {
        if (!live) return;
        setForm(loadedForm);
        const last = [...scores].reverse().find((score) => FUNCTION_INSTRUMENTS.includes(score.instrument));
        setPrevious(last?.instrument ?? null);
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [generation]);

  const chosen: Instrument = FUNCTION_INSTRUMENTS.includes(props.instrument as Instrument)
    ? (props.instrument as Instrument)
    : (previous ?? 'odi');
  const questionnaire = form?.questionnaires.find((candidate) => candidate.id === chosen);
  return (
    <Page title="Function questionnaire">
      {loadError !== null && <ErrorNotice error={loadError} retry={() => setGeneration((n) => n + 1)} />}
      {loadError === null && !form && <Loading what="the questionnaire" />}
      {form && (
        <>
          <p>
            A few minutes of questions about everyday things. Filling in the same questionnaire every few weeks shows how
            much easier they have become{previous ? '. It opens on the one you filled in last time' : ''}.
          </p>
          <nav class="pg-instrument-switch" aria-label="Which questionnaire">
            {FUNCTION_INSTRUMENTS.map((id) => (
              <a key={id} class="button" href={`#/progress/questionnaire?instrument=${id}`} aria-current={id === chosen ? 'page' : undefined}>
                {INSTRUMENT_NAMES[id]}
              </a>
            ))}
          </nav>
          {questionnaire ? <QuestionnaireForm key={chosen} questionnaire={questionnaire} /> : <p>This questionnaire is not available.</p>}
        </>
      )}
    </Page>
  );
}

function QuestionnaireForm(props: { questionnaire: Questionnaire }) {
  const q = props.questionnaire;
  const [answers, setAnswers] = useState<(ScoreAnswer | undefined)[]>(() => q.questions.map(() => undefined));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState<SavedScore | null>(null);
  const result = useRef<HTMLHeadingElement>(null);
  const count = answeredCount(answers);

  useEffect(() => {
    if (saved) result.current?.focus();
  }, [saved]);

  async function submit(event: Event) {
    event.preventDefault();
    if (count < q.min_answered) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setSending(true);
    setError(null);
    try {
      const body: ScoreRequest = {
        instrument: q.id,
        answers: answers.map((answer) => (answer === undefined ? null : answer)),
      };
      setSaved(await api.post<SavedScore>('/api/v1/scores', body));
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  if (saved) {
    const band = bandWords(saved.saved.band);
    return (
      <div class="notice notice-ok" role="status">
        <h2 tabIndex={-1} ref={result}>
          Saved: {scoreValueText(saved.saved)}
          {band ? ` (${band})` : ''}
        </h2>
        <p>Your progress page compares it with your first score.</p>
        <p>
          <a class="button button-primary" href="#/progress">
            See your progress
          </a>
        </p>
      </div>
    );
  }

  return (
    <form class="pg-questionnaire" onSubmit={submit} aria-labelledby="questionnaire-title">
      <h2 id="questionnaire-title">{q.title}</h2>
      <p>{q.instructions}</p>
      {q.questions.map((question, index) => (
        <fieldset key={question.id} class="pg-question">
          <legend>
            <span class="pg-question-number">{index + 1}.</span> {question.text}
          </legend>
          {question.options.map((option, optionIndex) => {
            const id = `${q.id}-${question.id}-${optionIndex}`;
            return (
              <div class="pg-check-row" key={id}>
                <input
                  type="radio"
                  id={id}
                  name={`${q.id}-${question.id}`}
                  checked={answers[index] === option.value}
                  onChange={() => setAnswers(answers.map((answer, i) => (i === index ? option.value : answer)))}
                />
                <label for={id}>{option.label}</label>
              </div>
            );
          })}
          {q.blank_allowed && (
            <div class="pg-check-row">
              <input
                type="radio"
                id={`${q.id}-${question.id}-blank`}
                name={`${q.id}-${question.id}`}
                checked={answers[index] === null}
                onChange={() => setAnswers(answers.map((answer, i) => (i === index ? null : answer)))}
              />
              <label for={`${q.id}-${question.id}-blank`}>Does not apply to me</label>
            </div>
          )}
        </fieldset>
      ))}
      <p class="muted" aria-live="polite">
        {count} of {q.questions.length} answered
        {q.blank_allowed ? `; at least ${q.min_answered} are needed for a score` : ''}.
      </p>
      {missing && (
        <p class="notice notice-warn" role="alert">
          {q.blank_allowed
            ? `Please answer at least ${q.min_answered} of the ${q.questions.length} questions.`
            : 'Please answer every question: the score needs them all.'}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div class="button-row">
        <button type="submit" class="button button-primary" disabled={sending}>
          {sending ? 'Saving…' : 'Save my answers'}
        </button>
        <a class="button" href="#/progress">
          Cancel
        </a>
      </div>
    </form>
  );
}
