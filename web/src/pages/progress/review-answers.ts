// The weekly review's answers: the warning-sign questions, where leg symptoms reach and pain now,
// each starting unanswered so that every safety answer is one the person gave. The server applies
// them to the latest intake and re-screens (POST /api/v1/review); nothing is judged here.
import type { IntakeField, IntakeForm, IntakeTopic, RescreenAnswers, ScoreAnswer } from '../../api/types';
import { legExtentOf } from '../onboarding/answers';

/** The topics that hold warning-sign questions, each with only those questions. */
export function warningTopics(form: IntakeForm): IntakeTopic[] {
  return form.topics
    .map((topic) => ({ ...topic, questions: topic.questions.filter((question) => question.answer === 'warning_signs') }))
    .filter((topic) => topic.questions.length > 0);
}

export function field(form: IntakeForm, path: string): IntakeField | undefined {
  return form.fields.find((candidate) => candidate.path === path);
}

/** What the person answered on the review form; every question starts unanswered. */
export interface ReviewAnswers {
  signs: Record<string, boolean | undefined>;
  leg?: string;
  numb?: boolean;
  /** The slider's value as text, once the person has chosen one. */
  pain?: string;
}

export const NUMB_PATH = 'symptoms.leg_numbness_or_tingling';
export const LEG_PATH = 'symptoms.leg';

/** The keys (controlId keys) of the questions still unanswered, in form order. */
export function unanswered(form: IntakeForm, answers: ReviewAnswers): string[] {
  const open: string[] = [];
  for (const topic of warningTopics(form)) {
    for (const question of topic.questions) {
      if (answers.signs[question.id] === undefined) open.push(`review-${question.id}`);
    }
  }
  if (field(form, LEG_PATH) && answers.leg === undefined) open.push(`review-${LEG_PATH}`);
  if (field(form, NUMB_PATH) && answers.numb === undefined) open.push(`review-${NUMB_PATH}`);
  return open;
}

/** The body of POST /api/v1/review from complete answers. */
export function reviewBody(answers: ReviewAnswers): RescreenAnswers {
  const body: RescreenAnswers = {
    warning_signs: Object.fromEntries(Object.entries(answers.signs).filter((entry): entry is [string, boolean] => entry[1] !== undefined)),
    leg: legExtentOf(answers.leg),
  };
  if (answers.numb !== undefined) body.leg_numbness_or_tingling = answers.numb;
  if (answers.pain !== undefined && answers.pain !== '') body.pain_now = Number(answers.pain);
  return body;
}

/** How many questions of a questionnaire have an answer (a blank, where allowed, is none). */
export function answeredCount(answers: readonly (ScoreAnswer | undefined)[]): number {
  return answers.filter((answer) => answer !== undefined && answer !== null).length;
}
