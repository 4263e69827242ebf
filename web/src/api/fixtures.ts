// Small API documents for the unit tests, complete as docs/openapi.yaml defines them, so a test
// states only the fields it is about. Never imported by the app itself.
import type { CurrentProgram, IntakeField, Plan, Program, RoutineEntry, Screen, Session, TodaySession } from './types';

export function routineEntry(exercise: string, name: string, extra: Partial<RoutineEntry> = {}): RoutineEntry {
  return {
    exercise,
    name,
    replaces: null,
    replaces_name: null,
    hold_s: 30,
    reps: 1,
    rounds: 1,
    per_side: false,
    rest_s: 10,
    finish_hold_s: 0,
    seconds: 40,
    modifications: [],
    because: [],
    ...extra,
  };
}

export function screen(extra: Partial<Screen> = {}): Screen {
  return { verdict: 'clear', headline: '', warnings: [], excluded: [], modified: [], advice: [], bias: 'neutral', ...extra };
}

export function program(extra: Partial<Program> = {}): Program {
  return {
    phase: 'relief',
    stage: 'relief_once',
    bias: 'neutral',
    week: 1,
    sessions_per_day: 1,
    minutes: 12,
    routine: [],
    left_out: [],
    walking: { minutes: 10, times_per_day: 1, because: [] },
    desk_break_minutes: 30,
    desk_break_because: [],
    strength_days_per_week: 0,
    ...extra,
  };
}

export function plan(extra: Partial<Plan> = {}): Plan {
  return { verdict: 'clear', screening: screen(), program: program(), advice: [], ...extra };
}

export function currentProgram(extra: Partial<CurrentProgram> = {}): CurrentProgram {
  return {
    id: 1,
    intake: 1,
    created_at: '2026-03-02T07:00:00Z',
    starts_on: '2026-03-02',
    week: 1,
    stage: 'relief_once',
    origin: 'start',
    because: [],
    changes: [],
    plan: plan(),
    review_due_on: '2026-03-09',
    offers: [],
    ...extra,
  };
}

export function todaySession(extra: Partial<TodaySession> = {}): TodaySession {
  return {
    program_version: 1,
    timeline: { total_ms: 0, steps: [] },
    low_dose: false,
    suspended: [],
    rescreen_pending: false,
    today: { day: '2026-03-02', sessions_done: 0, sessions_planned: 1 },
    stop_reasons: [],
    ...extra,
  };
}

/** A field of the intake form that is optional, not nullable, with no limits or options. */
export function intakeField(
  path: string,
  type: IntakeField['type'],
  question: string,
  extra: Partial<IntakeField> = {},
): IntakeField {
  return { path, type, required: false, nullable: false, question, ...extra };
}

/** A stored session with nothing played yet, as the server records one. */
export function storedSession(extra: Partial<Session> = {}): Session {
  return {
    id: 1,
    program_version: 1,
    started_at: '2026-03-02T07:00:00Z',
    day: '2026-03-02',
    planned_ms: 60000,
    active_ms: 0,
    outcome: 'completed',
    pain_before: null,
    pain_after: null,
    flare: false,
    steps: [],
    events: [],
    ...extra,
  };
}
