// The documents the progress area reads and sends (docs/openapi.yaml). Only the fields this area
// uses are typed; the server's documents may carry more.
import type { Rating } from '../../player/types';

/** An ISO date in the person's time zone: `2026-03-02`. */
export type Day = string;

/** The smallest change that matters for a measure, as content sets it (content/instruments). */
export interface Mcid {
  /** Points on the measure's own scale. */
  points: number;
  /** Percent of the starting value; 0 when only points count. */
  percent: number;
}

export interface ProgressDay {
  day: Day;
  planned_sessions: number;
  done_sessions: number;
  minutes: number;
  mean_pain: number | null;
  flare: boolean;
}

export type Instrument = 'odi' | 'rmdq' | 'startback';

export interface ProgressScore {
  id: number;
  at: string;
  day: Day;
  instrument: Instrument;
  value: number;
  band: string | null;
  /** Value minus the first score of the same questionnaire; null for that first score. */
  change: number | null;
  /** The engine's verdict: the improvement reaches the smallest change that matters. */
  responder: boolean;
  /** The smallest change that matters for this questionnaire; null or absent when it has none. */
  mcid?: Mcid | null;
}

/** How one exercise felt over the period: sessions per rating, and the latest rating. */
export interface ExerciseFeedback {
  exercise: string;
  name: string;
  too_easy: number;
  right: number;
  too_hard: number;
  hurt: number;
  latest: Rating;
}

/** GET /api/v1/progress. */
export interface Progress {
  from: Day;
  to: Day;
  planned_sessions: number;
  done_sessions: number;
  adherence: number | null;
  minutes: number;
  baseline_pain: number | null;
  latest_pain: number | null;
  pain_responder: boolean;
  /** The smallest change in pain that matters (absent from servers that do not send it). */
  pain_mcid?: Mcid | null;
  days: ProgressDay[];
  scores: ProgressScore[];
  /** In the order the exercises were first rated (absent from servers that do not send it). */
  feedback?: ExerciseFeedback[];
}

export interface PainEntry {
  id: number;
  at: string;
  day: Day;
  pain: number;
  note: string;
}

export interface SessionEvent {
  at_ms: number;
  kind: 'pause' | 'resume' | 'skip' | 'swap' | 'stop' | 'quit' | 'suspend';
  exercise: string | null;
  reason: string | null;
  detail: string | null;
}

export interface RecordedSession {
  id: number;
  started_at: string;
  day: Day;
  planned_ms: number;
  active_ms: number;
  outcome: 'completed' | 'quit' | 'stopped';
  pain_before: number | null;
  pain_after: number | null;
  flare: boolean;
  events: SessionEvent[];
}

/** GET /api/v1/diary. */
export interface Diary {
  from: Day;
  to: Day;
  sessions: RecordedSession[];
  pain: PainEntry[];
}

export interface Reason {
  id: string;
  text: string;
}

export interface AdviceText {
  id: string;
  text: string;
}

export type ReviewDecision = 'progress' | 'hold' | 'regress' | 'refer' | 'stop';

/** GET /api/v1/reviews, one entry. */
export interface ReviewRecord {
  id: number;
  at: string;
  day: Day;
  week: number;
  decision: ReviewDecision;
  from_stage: string;
  to_stage: string | null;
  because: Reason[];
  /** Advice ids. */
  advice: string[];
}

export interface WeekSummary {
  from: Day;
  to: Day;
  planned_sessions: number;
  done_sessions: number;
  adherence: number;
  mean_pain: number | null;
  mean_pain_last_week: number | null;
  flares: number;
  flare_in_last_days: boolean;
  stop_reasons: string[];
}

export interface ScreenWarning {
  rule: string;
  urgency: 'emergency' | 'urgent' | 'consult';
  because: string[];
  text: string;
}

/** POST /api/v1/review. */
export interface Review extends Omit<ReviewRecord, 'advice'> {
  advice: AdviceText[];
  week_summary: WeekSummary;
  rescore_due: boolean;
  screen: { verdict: string; warnings: ScreenWarning[]; advice: { id: string; text: string }[] } | null;
}

/** The body of POST /api/v1/review (and /rescreen). */
export interface RescreenAnswers {
  warning_signs: Record<string, boolean>;
  leg: string;
  leg_numbness_or_tingling?: boolean;
  pain_now?: number;
}

/** GET /api/v1/program, the fields this area reads. */
export interface CurrentProgram {
  id: number;
  week: number;
  stage: string;
  starts_on: Day;
  review_due_on: Day;
  /** The plan from the latest answers; `program` is null when screening stopped it. */
  plan?: { verdict: string; program: unknown };
}

/** GET /api/v1/intake/form, the parts this area reads. */
export interface FormQuestion {
  id: string;
  /** Which map of the intake the answer goes to: `warning_signs`, `conditions`, ... */
  answer: string;
  question: string;
  text: string;
}

export interface FormTopic {
  id: string;
  title: string;
  intro: string;
  questions: FormQuestion[];
}

export interface FormOption {
  value: string | number | boolean;
  label: string;
}

export interface FormField {
  path: string;
  type: string;
  question: string;
  hint?: string;
  options?: FormOption[];
}

export interface QuestionnaireQuestion {
  id: string;
  text: string;
  options: FormOption[];
}

export interface Questionnaire {
  id: Instrument;
  title: string;
  instructions: string;
  min_answered: number;
  blank_allowed: boolean;
  questions: QuestionnaireQuestion[];
}

export interface IntakeForm {
  topics: FormTopic[];
  fields: FormField[];
  questionnaires: Questionnaire[];
}

/** A saved score, as POST /api/v1/scores answers with `saved`. */
export interface ScoreRecord {
  id: number;
  at: string;
  day: Day;
  instrument: Instrument;
  value: number;
  band: string | null;
}

export interface SavedScore {
  instrument: Instrument;
  saved: ScoreRecord;
  percent?: number;
  score?: number;
  band?: string;
  risk?: string;
}
