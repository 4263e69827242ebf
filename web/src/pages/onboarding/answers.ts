// The person's answers while onboarding runs, and the intake document built from them. Nothing
// here judges an answer: the engine screens the intake; this module only puts each answer where
// the `unload-intake/1` format wants it, using the ids and paths the form itself names.
import type {
  Intake,
  IntakeField,
  IntakeForm,
  IntakeQuestion,
  LegExtent,
  RescreenAnswers,
  ScoreAnswer,
} from '../../api/types';
import { HEIGHT, type ImperialText, type Units, WEIGHT, heightFromFeetInches, weightFromPounds } from './units';

/** Which legs the symptoms reach, asked next to the body picture. */
export type LegSide = 'left' | 'right' | 'both';

/**
 * Where leg symptoms reach, as a re-screen sends it: `none` only when the question was left
 * unanswered. A value the page does not know (content with a new option) is sent as it is, so
 * that the server refuses it by name: quietly sending `none` could hide symptoms that spread.
 */
export function legExtentOf(value: unknown): LegExtent {
  if (value === undefined || value === null || value === '') return 'none';
  return String(value) as LegExtent;
}

/** The optional function questionnaire the person picked, or `none` to skip it. */
export type FunctionChoice = 'odi' | 'rmdq' | 'none';

/**
 * A field's answer as the form control holds it: text for numbers (so a half-typed value is kept
 * and checked later), a string for a choice, a boolean for yes/no, a list for equipment.
 */
export type FieldValue = string | boolean | string[];

export interface Answers {
  /** Warning signs, conditions and patterns by id; a missing id is not answered yet. */
  facts: Record<string, boolean>;
  /** Fixed intake fields by path (`symptoms.pain_now`); a missing path is not answered yet. */
  fields: Record<string, FieldValue>;
  legSide: LegSide | null;
  function: FunctionChoice | null;
  /** Questionnaire answers by instrument, then by question index. */
  scores: Record<string, Record<string, ScoreAnswer>>;
  /** Questions answered "Not sure": their fact is true in `facts` (the conservative answer). */
  unsure: string[];
  /** Questionnaires the person chose to skip (nothing is recorded for them). */
  skipped: string[];
  /** How weight and height are typed; the intake always gets kilograms and centimetres. */
  units: Units;
  /** Weight and height as typed in pounds, feet and inches, when `units` is imperial. */
  imperial: ImperialText;
}

export function emptyAnswers(): Answers {
  return { facts: {}, fields: {}, legSide: null, function: null, scores: {}, unsure: [], skipped: [], units: 'metric', imperial: {} };
}

/**
 * Whether a yes/no question offers "Not sure": every condition question does, since a person may
 * not know what a scan or a doctor found, and yes (what "Not sure" is sent as) only ever leaves
 * something out, changes it or asks for a check. Warning signs keep Yes and No, with the advice to
 * answer yes when unsure.
 */
export function offersUnsure(question: IntakeQuestion): boolean {
  return question.answer === 'conditions';
}

/** The answer a question shows: yes, no, not sure, or nothing yet. */
export type FactChoice = boolean | 'unsure';

export function factChoice(answers: Answers, id: string): FactChoice | undefined {
  if (answers.unsure.includes(id)) return 'unsure';
  return answers.facts[id];
}

/** Sets a yes/no question's answer; "Not sure" is stored as yes, and remembered as not sure. */
export function setFact(answers: Answers, id: string, choice: FactChoice): Answers {
  const unsure = answers.unsure.filter((item) => item !== id);
  if (choice === 'unsure') unsure.push(id);
  return { ...answers, facts: { ...answers.facts, [id]: choice === 'unsure' ? true : choice }, unsure };
}

/**
 * The decompression question's third answer. The intake field is a plain yes/no: pain when the
 * spine was stretched or unloaded. Someone who never tried has felt no such pain, so this is sent
 * as no; yes would withhold the program for a pain nobody had.
 */
export const NEVER_TRIED = 'never_tried';
export const NEVER_TRIED_FIELDS: readonly string[] = ['symptoms.pain_when_decompressing'];

/**
 * The both-legs warning sign. Only its own question sets it (new symptoms in both legs since this
 * back pain began, clinical.md §2): marking both legs or both buttocks on the body picture says
 * where symptoms reach (the `leg` fields) and nothing else, since a long-standing ache in both legs
 * is not that warning sign.
 */
export const BOTH_LEGS_SIGN = 'bilateral_leg_symptoms';

/**
 * Answers to start from: fields whose default is a number or a list start at it (the time per
 * session, the equipment most homes have), so the person only changes what differs. Yes/no and
 * choice questions start unanswered, so each is a real answer.
 */
export function startingAnswers(form: IntakeForm): Answers {
  const answers = emptyAnswers();
  for (const field of form.fields) {
    if (field.type === 'equipment' && Array.isArray(field.default)) {
      answers.fields[field.path] = field.default.filter((id): id is string => typeof id === 'string');
    } else if ((field.type === 'integer' || field.type === 'number') && typeof field.default === 'number') {
      answers.fields[field.path] = String(field.default);
    }
  }
  return answers;
}

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** Reads a number field's text: empty is null where the field allows it. */
export function parseNumber(field: IntakeField, text: string): Parsed {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') {
    return field.nullable ? { ok: true, value: null } : { ok: false, message: 'Please enter a number.' };
  }
  const value = Number(trimmed);
  const range = field.min !== undefined && field.max !== undefined ? ` from ${field.min} to ${field.max}` : '';
  if (!Number.isFinite(value)) return { ok: false, message: `Please enter a number${range}.` };
  if (field.type === 'integer' && !Number.isInteger(value)) {
    return { ok: false, message: `Please enter a whole number${range}.` };
  }
  if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
    return { ok: false, message: `Please enter a number${range}.` };
  }
  return { ok: true, value };
}

/** The unit words a metric number field is typed in, for its control and its messages. */
export const METRIC_UNITS: Readonly<Record<string, string>> = { [WEIGHT]: 'kg', [HEIGHT]: 'cm' };

/**
 * A number field's answer in the intake's own units: weight and height typed in pounds, feet and
 * inches are converted; everything else is read as typed.
 */
export function readField(field: IntakeField, answers: Answers): Parsed {
  if (answers.units === 'imperial' && field.path === WEIGHT) return weightFromPounds(field, answers.imperial);
  if (answers.units === 'imperial' && field.path === HEIGHT) return heightFromFeetInches(field, answers.imperial);
  const answer = answers.fields[field.path];
  const parsed = parseNumber(field, typeof answer === 'string' ? answer : '');
  const unit = METRIC_UNITS[field.path];
  if (parsed.ok || !unit) return parsed;
  const what = field.path === WEIGHT ? 'weight' : 'height';
  const range = field.min !== undefined && field.max !== undefined ? `, from ${field.min} to ${field.max}` : '';
  const empty = field.nullable ? ', or leave it empty' : '';
  return { ok: false, message: `Please enter your ${what} in ${unit === 'kg' ? 'kilograms' : 'centimetres'}${range}${empty}.` };
}

/** Whether a field is asked, given the answers so far (the pregnancy question depends on sex). */
export function fieldAsked(path: string, answers: Answers): boolean {
  if (path === 'person.pregnant') {
    const sex = answers.fields['person.sex'];
    return sex !== undefined && sex !== 'male';
  }
  return true;
}

/** Whether the leg-side question is asked: only once symptoms reach a leg. */
export function sideAsked(answers: Answers): boolean {
  const leg = answers.fields['symptoms.leg'];
  return typeof leg === 'string' && leg !== 'none';
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The value a field's answer puts in the intake, or undefined to leave it out. */
function fieldValue(field: IntakeField, answers: Answers): unknown {
  const answer = answers.fields[field.path];
  const imperial = answers.units === 'imperial' && (field.path === WEIGHT || field.path === HEIGHT);
  if (answer === undefined && !imperial) return undefined;
  switch (field.type) {
    case 'integer':
    case 'number': {
      if (!imperial && typeof answer !== 'string') return undefined;
      const parsed = readField(field, answers);
      return parsed.ok ? parsed.value : undefined;
    }
    case 'boolean':
      if (answer === NEVER_TRIED && NEVER_TRIED_FIELDS.includes(field.path)) return false;
      return typeof answer === 'boolean' ? answer : undefined;
    case 'choice':
      return typeof answer === 'string' && (field.options ?? []).some((o) => o.value === answer) ? answer : undefined;
    case 'equipment':
      return Array.isArray(answer) ? answer.filter((id) => (field.options ?? []).some((o) => o.value === id)) : undefined;
  }
}

/**
 * The intake from the answers. Unanswered optional fields are left out, so the decoder assumes
 * its own defaults; an unanswered required field (age, pain now) gets the lowest value it accepts,
 * which only happens for a check before the person reached that question. The maps hold only the
 * ids the form asked, so the server never sees an id it does not know.
 */
export function buildIntake(form: IntakeForm, answers: Answers): Intake {
  const document: Record<string, unknown> = { format: form.format, person: {}, symptoms: {} };
  for (const field of form.fields) {
    if (!fieldAsked(field.path, answers)) continue;
    const value = fieldValue(field, answers);
    if (value !== undefined) setPath(document, field.path, value);
    else if (field.required) setPath(document, field.path, field.min ?? 0);
  }
  const maps: Record<string, Record<string, boolean>> = {
    warning_signs: {},
    conditions: {},
    'symptoms.patterns': {},
  };
  const questions = [...form.topics.flatMap((topic) => topic.questions), ...form.patterns];
  for (const question of questions) {
    const answer = answers.facts[question.id];
    if (answer !== undefined) maps[question.answer][question.id] = answer;
  }
  document.warning_signs = maps.warning_signs;
  document.conditions = maps.conditions;
  setPath(document, 'symptoms.patterns', maps['symptoms.patterns']);
  return document as unknown as Intake;
}

/** The answers of a re-screen (POST /api/v1/rescreen): every warning sign, and the legs now. */
export function buildRescreen(form: IntakeForm, answers: Answers): RescreenAnswers {
  const signs: Record<string, boolean> = {};
  for (const topic of form.topics) {
    for (const question of topic.questions) {
      if (question.answer !== 'warning_signs') continue;
      const answer = answers.facts[question.id];
      if (answer !== undefined) signs[question.id] = answer;
    }
  }
  const leg = answers.fields['symptoms.leg'];
  const body: RescreenAnswers = { warning_signs: signs, leg: legExtentOf(leg) };
  const numbness = answers.fields['symptoms.leg_numbness_or_tingling'];
  if (typeof numbness === 'boolean') body.leg_numbness_or_tingling = numbness;
  const painField = form.fields.find((field) => field.path === 'symptoms.pain_now');
  const pain = painField ? fieldValue(painField, answers) : undefined;
  if (typeof pain === 'number') body.pain_now = pain;
  return body;
}

/**
 * The latest intake with re-screen answers applied, as the server applies them (openapi
 * RescreenAnswers): the warning-sign map is replaced, the leg fields and pain set when given. Used
 * to ask the engine about a re-screen before it is stored.
 */
export function applyRescreen(intake: Intake, body: RescreenAnswers): Intake {
  const symptoms = { ...intake.symptoms, leg: body.leg };
  if (body.leg_numbness_or_tingling !== undefined) symptoms.leg_numbness_or_tingling = body.leg_numbness_or_tingling;
  if (body.pain_now !== undefined) symptoms.pain_now = body.pain_now;
  return { ...intake, warning_signs: { ...body.warning_signs }, symptoms };
}

/**
 * A questionnaire's answers as POST /api/v1/scores takes them: one per question, in order, null
 * for a question left blank.
 */
export function scoreAnswers(answers: Answers, instrument: string, count: number): ScoreAnswer[] {
  const given = answers.scores[instrument] ?? {};
  return Array.from({ length: count }, (_, index) => given[String(index)] ?? null);
}
