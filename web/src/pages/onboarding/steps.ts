// The order of onboarding's screens and what each needs before the person moves on. The screens
// come from the form: one per screening topic, then the symptom questions, the questionnaires and
// the set-up. Which fields sit on which screen is layout only; any field the layout does not know
// yet still gets asked, on the set-up screen.
import type { IntakeField, IntakeForm, IntakeQuestion, IntakeTopic, Questionnaire } from '../../api/types';
import { type Answers, NEVER_TRIED, NEVER_TRIED_FIELDS, fieldAsked, offersUnsure, readField, sideAsked } from './answers';

export type Step =
  | { kind: 'welcome'; id: 'welcome'; title: string; screens: false }
  | { kind: 'fields'; id: string; title: string; intro?: string; paths: string[]; screens: boolean }
  | { kind: 'topic'; id: string; title: string; topic: IntakeTopic; screens: true }
  | { kind: 'patterns'; id: 'patterns'; title: string; questions: IntakeQuestion[]; screens: false }
  | { kind: 'legs'; id: 'legs'; title: string; paths: string[]; screens: true }
  | { kind: 'function'; id: 'function'; title: string; screens: false }
  | {
      kind: 'questionnaire';
      id: string;
      title: string;
      questionnaire: Questionnaire;
      from: number;
      to: number;
      /** The last page of its questionnaire: checks how many were answered in all. */
      last: boolean;
      screens: false;
    }
  | { kind: 'review'; id: 'review'; title: string; screens: false };

/** Where the fixed fields are asked. */
const ABOUT = ['person.age', 'person.sex', 'person.pregnant', 'person.weight_kg', 'person.height_cm'];
const LEGS = ['symptoms.leg', 'symptoms.leg_numbness_or_tingling', 'symptoms.walking_tolerance_m'];
const PAIN = [
  'symptoms.pain_now',
  'symptoms.weeks_since_onset',
  'history.conservative_care_weeks',
  'symptoms.pain_when_decompressing',
];
const SETUP = ['equipment', 'minutes_per_session'];

/** Questions per page for each questionnaire, so a page stays short on a phone. */
const PAGE_SIZE: Record<string, number> = { odi: 5, rmdq: 8 };
const DEFAULT_PAGE_SIZE = 9;

/** The questionnaires a person may pick from for function (the rest are always asked). */
export const FUNCTION_INSTRUMENTS = ['odi', 'rmdq'];

function present(form: IntakeForm, paths: string[]): string[] {
  return paths.filter((path) => form.fields.some((field) => field.path === path));
}

function questionnairePages(questionnaire: Questionnaire): Step[] {
  const size = PAGE_SIZE[questionnaire.id] ?? DEFAULT_PAGE_SIZE;
  const count = questionnaire.questions.length;
  const pages = Math.max(1, Math.ceil(count / size));
  const steps: Step[] = [];
  for (let page = 0; page < pages; page += 1) {
    steps.push({
      kind: 'questionnaire',
      id: `${questionnaire.id}-${page + 1}`,
      title: pages > 1 ? `${questionnaire.title} (part ${page + 1} of ${pages})` : questionnaire.title,
      questionnaire,
      from: page * size,
      to: Math.min(count, (page + 1) * size),
      last: page === pages - 1,
      screens: false,
    });
  }
  return steps;
}

/** Every screen of the first onboarding, in order, for the answers so far. */
export function onboardingSteps(form: IntakeForm, answers: Answers): Step[] {
  const placed = new Set([...ABOUT, ...LEGS, ...PAIN, ...SETUP]);
  const unplaced = form.fields.map((field) => field.path).filter((path) => !placed.has(path));
  const steps: Step[] = [
    { kind: 'welcome', id: 'welcome', title: 'Welcome to Unload', screens: false },
    {
      kind: 'fields',
      id: 'about',
      title: 'About you',
      intro: 'Your age matters for some of the safety questions that follow.',
      paths: present(form, ABOUT),
      screens: false,
    },
  ];
  for (const topic of form.topics) {
    if (topic.questions.length === 0) continue;
    steps.push({ kind: 'topic', id: `topic-${topic.id}`, title: topic.title, topic, screens: true });
  }
  if (form.patterns.length > 0) {
    steps.push({ kind: 'patterns', id: 'patterns', title: 'How your back behaves', questions: form.patterns, screens: false });
  }
  steps.push({ kind: 'legs', id: 'legs', title: 'Your legs', paths: present(form, LEGS), screens: true });
  steps.push({ kind: 'fields', id: 'pain', title: 'Your pain', paths: present(form, PAIN), screens: false });
  const functionChoices = form.questionnaires.filter((q) => FUNCTION_INSTRUMENTS.includes(q.id));
  if (functionChoices.length > 0) {
    steps.push({ kind: 'function', id: 'function', title: 'Everyday activities', screens: false });
    const chosen = functionChoices.find((q) => q.id === answers.function);
    if (chosen) steps.push(...questionnairePages(chosen));
  }
  for (const questionnaire of form.questionnaires) {
    if (!FUNCTION_INSTRUMENTS.includes(questionnaire.id)) steps.push(...questionnairePages(questionnaire));
  }
  steps.push({
    kind: 'fields',
    id: 'setup',
    title: 'Equipment and time',
    paths: [...unplaced, ...present(form, SETUP)],
    screens: false,
  });
  steps.push({ kind: 'review', id: 'review', title: 'Check your answers', screens: false });
  return steps;
}

/**
 * The screens of a re-screen: the warning-sign questions again, topic by topic, then the legs and
 * pain now. Conditions and patterns are not asked again.
 */
export function rescreenSteps(form: IntakeForm): Step[] {
  const steps: Step[] = [];
  for (const topic of form.topics) {
    const questions = topic.questions.filter((q) => q.answer === 'warning_signs');
    if (questions.length === 0) continue;
    steps.push({ kind: 'topic', id: `topic-${topic.id}`, title: topic.title, topic: { ...topic, questions }, screens: true });
  }
  steps.push({
    kind: 'legs',
    id: 'legs',
    title: 'Your legs',
    paths: present(form, ['symptoms.leg', 'symptoms.leg_numbness_or_tingling']),
    screens: true,
  });
  steps.push({ kind: 'fields', id: 'pain', title: 'Your pain now', paths: present(form, ['symptoms.pain_now']), screens: false });
  return steps;
}

/** The step with `id`, or the first one. */
export function findStep(steps: Step[], id: string | null | undefined): Step {
  return steps.find((step) => step.id === id) ?? steps[0];
}

export function nextStep(steps: Step[], id: string): Step | null {
  const index = steps.findIndex((step) => step.id === id);
  return index >= 0 && index + 1 < steps.length ? steps[index + 1] : null;
}

export function previousStep(steps: Step[], id: string): Step | null {
  const index = steps.findIndex((step) => step.id === id);
  return index > 0 ? steps[index - 1] : null;
}

/**
 * The part of onboarding a step belongs to. A questionnaire of several pages is one part, and the
 * function questionnaire's pages belong to the screen where it is picked, so the parts are the same
 * whatever the answers open or skip.
 */
export function sectionOf(step: Step): string {
  if (step.kind !== 'questionnaire') return step.id;
  return FUNCTION_INSTRUMENTS.includes(step.questionnaire.id) ? 'function' : `questionnaire-${step.questionnaire.id}`;
}

/**
 * "Step 2 of 9", counted over the parts of onboarding (the welcome is not counted): the total
 * never changes as answers open pages or a section is skipped, and the number never leaps.
 */
export function progressOf(steps: Step[], id: string): { number: number; total: number } | null {
  const step = steps.find((s) => s.id === id);
  if (!step || step.kind === 'welcome') return null;
  const sections: string[] = [];
  for (const s of steps) if (s.kind !== 'welcome' && !sections.includes(sectionOf(s))) sections.push(sectionOf(s));
  return { number: sections.indexOf(sectionOf(step)) + 1, total: sections.length };
}

/** Whether a step is part of an optional section, which "Skip this section" passes over. */
export function isSkippable(step: Step): boolean {
  return step.kind === 'function' || step.kind === 'questionnaire';
}

/**
 * Skips the optional section `step` is in: its answers are dropped, so nothing is recorded for it,
 * and the person goes on to the first step after it (`to`).
 */
export function skipSection(
  form: IntakeForm,
  steps: Step[],
  step: Step,
  answers: Answers,
): { answers: Answers; to: string | null } {
  const section = sectionOf(step);
  const scores = { ...answers.scores };
  let next: Answers;
  if (section === 'function') {
    for (const id of FUNCTION_INSTRUMENTS) delete scores[id];
    next = { ...answers, function: 'none', scores };
  } else {
    const id = step.kind === 'questionnaire' ? step.questionnaire.id : section;
    delete scores[id];
    next = { ...answers, scores, skipped: answers.skipped.includes(id) ? answers.skipped : [...answers.skipped, id] };
  }
  const last = steps.map(sectionOf).lastIndexOf(section);
  const after = steps.slice(last + 1).find((s) => onboardingSteps(form, next).some((t) => t.id === s.id));
  return { answers: next, to: after?.id ?? null };
}

/** Whether the person skipped this questionnaire, so it asks for nothing. */
export function skipped(questionnaire: Questionnaire, answers: Answers): boolean {
  return answers.skipped.includes(questionnaire.id);
}

/** Something the person still has to answer, with the id of the control to send them to. */
export interface Problem {
  target: string;
  message: string;
  /** An answer given but out of range or not a number, rather than one not given yet. */
  invalid?: boolean;
}

/**
 * A question's words split into the question itself and the line after it that explains a term
 * ("Have you been told you have spondylolisthesis? It means ..."): the form keeps both in one
 * text, the page shows the explanation on a line of its own.
 */
export function splitQuestion(text: string): { ask: string; more: string | null } {
  const match = /^(.+?\?)\s+(\S.*)$/s.exec(text.trim());
  return match ? { ask: match[1], more: match[2] } : { ask: text.trim(), more: null };
}

export const askOf = (text: string) => splitQuestion(text).ask;

/** The id of the control for a field or question, shared by the page and the error summary. */
export function controlId(key: string): string {
  return `q-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

function fieldProblem(field: IntakeField, answers: Answers): Problem | null {
  const answer = answers.fields[field.path];
  const target = controlId(field.path);
  switch (field.type) {
    case 'integer':
    case 'number': {
      const parsed = readField(field, answers);
      if (parsed.ok) return null;
      if (field.path === 'symptoms.pain_now') return { target, message: 'Move the slider to show your pain now.' };
      // A number is checked as typed (its range, its units): "check", not "missing".
      return { target, message: `${field.question} ${parsed.message}`, invalid: true };
    }
    case 'boolean':
      if (answer === NEVER_TRIED && NEVER_TRIED_FIELDS.includes(field.path)) return null;
      return typeof answer === 'boolean' ? null : { target, message: `Please answer: ${field.question}` };
    case 'choice':
      return typeof answer === 'string' ? null : { target, message: `Please choose an answer: ${field.question}` };
    case 'equipment':
      return null; // Having none of the things listed is a real answer.
  }
}

/** What still needs an answer on a step; empty when the person may go on. */
export function problemsOf(step: Step, form: IntakeForm, answers: Answers): Problem[] {
  const problems: Problem[] = [];
  const factProblems = (questions: IntakeQuestion[]) => {
    for (const question of questions) {
      if (answers.facts[question.id] === undefined) {
        const words = offersUnsure(question) ? 'yes, no or not sure' : 'yes or no';
        problems.push({ target: controlId(question.id), message: `Please answer ${words}: ${askOf(question.question)}` });
      }
    }
  };
  const fieldProblems = (paths: string[]) => {
    for (const path of paths) {
      const field = form.fields.find((f) => f.path === path);
      if (!field || !fieldAsked(path, answers)) continue;
      const problem = fieldProblem(field, answers);
      if (problem) problems.push(problem);
      if (path === 'symptoms.leg' && sideAsked(answers) && answers.legSide === null) {
        problems.push({ target: controlId('leg-side'), message: 'Please say which leg, or both.' });
      }
    }
  };
  switch (step.kind) {
    case 'welcome':
    case 'review':
      break;
    case 'topic':
      factProblems(step.topic.questions);
      break;
    case 'patterns':
      factProblems(step.questions);
      break;
    case 'fields':
    case 'legs':
      fieldProblems(step.paths);
      break;
    case 'function':
      if (answers.function === null) {
        problems.push({ target: controlId('function'), message: 'Please pick a questionnaire, or choose to skip it.' });
      }
      break;
    case 'questionnaire': {
      const questionnaire = step.questionnaire;
      const given = answers.scores[questionnaire.id] ?? {};
      if (skipped(questionnaire, answers)) break;
      if (!questionnaire.blank_allowed) {
        for (let index = step.from; index < step.to; index += 1) {
          if (given[String(index)] === undefined) {
            problems.push({
              target: controlId(`${questionnaire.id}-${index}`),
              message: `Please answer question ${index + 1}: ${questionnaire.questions[index].text}`,
            });
          }
        }
      } else if (step.last) {
        const answered = questionnaire.questions.filter((_, index) => {
          const value = given[String(index)];
          return value !== undefined && value !== null;
        }).length;
        if (answered < questionnaire.min_answered) {
          problems.push({
            target: controlId(`${questionnaire.id}-${step.from}`),
            message: `Please answer at least ${questionnaire.min_answered} of the ${questionnaire.questions.length} questions (you have answered ${answered}), or go back and skip this questionnaire.`,
          });
        }
      }
      break;
    }
  }
  return problems;
}

/** The first screen before the review that still needs an answer, or null when all are done. */
export function firstIncomplete(steps: Step[], form: IntakeForm, answers: Answers): Step | null {
  const found = steps.find((step) => step.kind !== 'review' && problemsOf(step, form, answers).length > 0);
  if (!found) return null;
  // Too few answers in all is found on a questionnaire's last page; its first page is where to start.
  if (found.kind === 'questionnaire') {
    const id = found.questionnaire.id;
    return steps.find((step) => step.kind === 'questionnaire' && step.questionnaire.id === id) ?? found;
  }
  return found;
}
