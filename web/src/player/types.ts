// The session documents of the HTTP API (docs/openapi.yaml, tag `session`), as the player reads
// them. The engine computes every one of these; the player only plays and shows them.

export type StepKind =
  | 'get_ready'
  | 'position'
  | 'hold'
  | 'rep'
  | 'side_switch'
  | 'rest'
  | 'finish_hold'
  | 'rest_position';

export type CueKind = 'bell' | 'breathe_in' | 'breathe_out' | 'countdown';

export interface Cue {
  /** Counted from the start of the step. */
  at_ms: number;
  kind: CueKind;
  text: string;
}

export interface TimelineStep {
  kind: StepKind;
  exercise: string | null;
  /** The changes planned for the exercise (side-lying in pregnancy…), for its picture. */
  modifications?: string[];
  side: 'left' | 'right' | null;
  rep: number;
  reps: number;
  round: number;
  rounds: number;
  start_ms: number;
  duration_ms: number;
  title: string;
  text: string;
  cues: Cue[];
}

export interface Timeline {
  total_ms: number;
  steps: TimelineStep[];
}

/** One answer to "Stop, this hurts", in the order the engine offers them. */
export interface StopReasonChoice {
  id: string;
  label: string;
}

/** GET /api/v1/session. */
export interface TodaySession {
  program_version: number;
  timeline: Timeline;
  low_dose: boolean;
  suspended: string[];
  rescreen_pending: boolean;
  /** The stop reasons the engine knows, with the words to pick from. */
  stop_reasons?: StopReasonChoice[];
}

export type PlainControlKind = 'pause' | 'resume' | 'skip' | 'swap' | 'quit';

/** A control at a session time (ms since the session began, pauses included). */
export type Control =
  | { at_ms: number; control: PlainControlKind }
  | { at_ms: number; control: 'stop'; reason: string };

export interface AdviceText {
  id: string;
  text: string;
}

export interface StopOutcome {
  reason: string | null;
  text: string | null;
  exercise: string | null;
  session_ended: boolean;
  suspended: string[];
  advice: AdviceText[];
  rescreen: boolean;
}

export interface ReplayView {
  step_index: number;
  step_elapsed_ms: number;
  step_remaining_ms: number;
  session_elapsed_ms: number;
  session_remaining_ms: number;
  paused: boolean;
  ended: boolean;
}

/** POST /api/v1/session/replay. */
export interface Replay {
  view: ReplayView;
  steps: TimelineStep[];
  stops: StopOutcome[];
  refused: { control: number; message: string }[];
}

/** POST /api/v1/sessions body. */
export interface PlayedSession {
  started_at: string;
  pain_before: number;
  pain_after: number | null;
  controls: Control[];
  ended_ms: number;
}

/** POST /api/v1/sessions answer (a Session with the stops' outcomes). */
export interface RecordedSession {
  id: number;
  started_at: string;
  day: string;
  planned_ms: number;
  active_ms: number;
  outcome: 'completed' | 'quit' | 'stopped';
  pain_before: number | null;
  pain_after: number | null;
  flare: boolean;
  stops: StopOutcome[];
  rescreen_needed: boolean;
}

/** How an exercise felt in a session, in the person's word (the API's `Rating`). */
export type Rating = 'too_easy' | 'right' | 'too_hard' | 'hurt';

/** PUT /api/v1/sessions/{id}/feedback/{exercise} answer (the API's `ExerciseRating`). */
export interface ExerciseRating {
  session: number;
  exercise: string;
  rating: Rating;
  at: string;
}

/** The part of GET /api/v1/exercises/{id} the player uses. */
export interface ExerciseSummary {
  id: string;
  name: string;
  regression?: string | null;
}
