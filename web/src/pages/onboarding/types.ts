// The documents onboarding reads and sends. The form (GET /api/v1/intake/form) says everything
// that is asked; the intake (`unload-intake/1`) is what goes back; the screening and the plan are
// the engine's answers, shown as they come.

/** Which intake map a yes/no question fills. */
export type FactMap = 'warning_signs' | 'conditions' | 'symptoms.patterns';

/** One yes/no question about a warning sign, a condition or a symptom pattern. */
export interface FactQuestion {
  id: string;
  answer: FactMap;
  question: string;
  /** Short plain description, as reasons use it. */
  text: string;
  /** One more line under the question, when the form offers one. */
  help?: string;
  /** Whether "Not sure" is offered, when the form says; else onboarding decides (answers.ts). */
  unsure?: boolean;
}

/** One screen of the screening: a group of warning signs and conditions. */
export interface Topic {
  id: string;
  title: string;
  intro: string;
  questions: FactQuestion[];
}

export type FieldType = 'integer' | 'number' | 'boolean' | 'choice' | 'equipment';

export interface FieldOption {
  value: string;
  label: string;
  fact?: string;
  text?: string;
}

/** A fixed field of the intake format with its words, range and default. */
export interface FormField {
  path: string;
  type: FieldType;
  required: boolean;
  nullable: boolean;
  question: string;
  hint?: string;
  min?: number;
  max?: number;
  default?: unknown;
  fact?: string;
  text?: string;
  options?: FieldOption[];
}

export type ScoreAnswer = number | boolean | string | null;

export interface QuestionnaireOption {
  value: ScoreAnswer;
  label: string;
}

export interface QuestionnaireQuestion {
  id: string;
  text: string;
  options: QuestionnaireOption[];
}

/** A questionnaire as POST /api/v1/scores takes it: answers[i] is the value chosen for questions[i]. */
export interface Questionnaire {
  id: string;
  title: string;
  instructions: string;
  min_answered: number;
  /** A question may be left blank (sent as null). */
  blank_allowed: boolean;
  questions: QuestionnaireQuestion[];
}

/** GET /api/v1/intake/form. */
export interface IntakeForm {
  format: string;
  topics: Topic[];
  patterns: FactQuestion[];
  fields: FormField[];
  questionnaires: Questionnaire[];
  /** The one sentence each verdict opens with, when the server offers it. */
  verdicts?: Partial<Record<Verdict, string>>;
}

/** `unload-intake/1`. */
export interface IntakeDocument {
  format: string;
  person: {
    age: number;
    sex?: string;
    weight_kg?: number | null;
    height_cm?: number | null;
    pregnant?: boolean;
  };
  warning_signs?: Record<string, boolean>;
  conditions?: Record<string, boolean>;
  symptoms: {
    pain_now: number;
    weeks_since_onset?: number | null;
    patterns?: Record<string, boolean>;
    leg?: string;
    leg_numbness_or_tingling?: boolean;
    walking_tolerance_m?: number | null;
    pain_when_decompressing?: boolean;
  };
  history?: { conservative_care_weeks?: number };
  equipment?: string[] | null;
  minutes_per_session?: number;
}

export type Verdict = 'emergency' | 'urgent' | 'consult' | 'caution' | 'clear';
export type Urgency = 'emergency' | 'urgent' | 'consult';

export interface Warning {
  rule: string;
  urgency: Urgency;
  because: string[];
  text: string;
}

export interface Excluded {
  item: string;
  rule: string;
  because: string[];
  text: string;
}

export interface Modified {
  item: string;
  modification: string;
  rule: string;
  because: string[];
  text: string;
}

export interface Advice {
  id: string;
  because: string[];
  text: string;
}

/** POST /api/v1/screen and /api/v1/rescreen. */
export interface Screen {
  verdict: Verdict;
  warnings: Warning[];
  excluded: Excluded[];
  modified: Modified[];
  advice: Advice[];
  bias?: string;
  /** The verdict's sentence, when the server sends it. */
  headline?: string;
}

/** POST /api/v1/program: the plan, and the program version (null when screening withheld it). */
export interface StartAnswer {
  program: { id: number; week: number } | null;
  plan: { verdict: Verdict; screening: Screen; program: unknown; advice: Advice[] };
}

/** The body of POST /api/v1/rescreen. */
export interface RescreenAnswers {
  warning_signs: Record<string, boolean>;
  leg: string;
  leg_numbness_or_tingling?: boolean;
  pain_now?: number;
}

/** GET /api/v1/intake. */
export interface StoredIntake {
  id: number;
  at: string;
  intake: IntakeDocument;
}
