// What the home page reads: the program in force (GET /api/v1/program) and today's session
// (GET /api/v1/session), only the parts it shows.

export interface RoutineEntry {
  exercise: string;
  name: string;
}

/** GET /api/v1/program (CurrentProgram). */
export interface CurrentProgram {
  id: number;
  week: number;
  stage: string;
  review_due_on: string;
  plan: {
    verdict: string;
    program: { minutes: number; sessions_per_day: number; routine: RoutineEntry[] } | null;
  };
}

export interface TimelineStep {
  kind: string;
  exercise: string | null;
  duration_ms: number;
}

/** GET /api/v1/session (TodaySession). */
export interface TodaySession {
  program_version: number;
  timeline: { total_ms: number; steps: TimelineStep[] };
  low_dose: boolean;
  suspended: string[];
  rescreen_pending: boolean;
  /** The day, the sessions done on it that count, and the sessions a day the program plans. */
  today: { day: string; sessions_done: number; sessions_planned: number };
}
