// The documents the program page reads (docs/openapi.yaml: CurrentProgram, Plan, Exercise, Rules).
// Only the fields the page shows are typed.

export type Verdict = 'emergency' | 'urgent' | 'consult' | 'caution' | 'clear';
export type Urgency = 'emergency' | 'urgent' | 'consult';

export interface RoutineEntry {
  exercise: string;
  name: string;
  hold_s: number;
  reps: number;
  rounds: number;
  per_side: boolean;
  rest_s: number;
  finish_hold_s: number;
  seconds: number;
  modifications: string[];
  /** The routine's own exercise this one plays in place of (an easier version held, a harder one taken). */
  replaces: string | null;
  replaces_name: string | null;
  because: string[];
}

export interface Program {
  phase: string;
  stage: string;
  bias: string;
  week: number;
  sessions_per_day: number;
  minutes: number;
  routine: RoutineEntry[];
  left_out: { exercise: string; because: string[] }[];
  walking: { minutes: number; times_per_day: number; because: string[] };
  desk_break_minutes: number;
  desk_break_because: string[];
  strength_days_per_week: number;
}

export interface GivenAdvice {
  id: string;
  because: string[];
  text: string;
}

export interface Screen {
  verdict: Verdict;
  warnings: { rule: string; urgency: Urgency; because: string[]; text: string }[];
  excluded: { item: string; rule: string; because: string[]; text: string }[];
  modified: { item: string; modification: string; rule: string; because: string[]; text: string }[];
  advice: GivenAdvice[];
  bias: string;
}

export interface Plan {
  verdict: Verdict;
  screening: Screen;
  program: Program | null;
  advice: GivenAdvice[];
}

export interface ProgramVersion {
  id: number;
  intake: number;
  created_at: string;
  starts_on: string;
  week: number;
  stage: string;
  origin: 'start' | 'review';
  because: { id: string; text: string }[];
  /** Changes to single exercises from the person's feedback, oldest first. */
  changes: ItemChange[];
  plan: Plan;
}

/** A weekly review's change to one exercise of the routine (the API's `ItemChange`). */
export interface ItemChange {
  exercise: string;
  /** What plays in its place; null when it is left out. */
  use: string | null;
  kind: 'easier' | 'harder';
  reason: string;
  in_force: boolean;
  accepted_at: string | null;
}

/** A harder version offered after an exercise felt too easy, not taken yet. */
export interface Offer {
  exercise: string;
  name: string;
  harder: string;
  harder_name: string;
}

export interface CurrentProgram extends ProgramVersion {
  review_due_on: string;
  offers: Offer[];
}

export interface StoredIntake {
  id: number;
  at: string;
  intake: unknown;
}

export interface Dose {
  hold_s: [number, number];
  reps: [number, number];
  rounds: [number, number];
  per_side: boolean;
  rest_s: number;
  rep_s: number;
  finish_hold_s: [number, number];
}

export interface Exercise {
  id: string;
  name: string;
  phase: string;
  category: string;
  position: string;
  equipment: string[];
  equipment_one_of: string[];
  dose: Dose | null;
  steps: string[];
  breathing: string;
  safety: string[];
  /** Each change, with what it replaces or leaves out of the instructions (steps numbered from 1). */
  modifications: {
    id: string;
    text: string;
    position?: string | null;
    leaves_out_steps?: number[];
    leaves_out_finish_hold?: boolean;
  }[];
  regression: string | null;
  progression: string | null;
  evidence: { strength: string; direction: string; summary: string; references: string[] };
  source: string[];
}

export interface Source {
  id: string;
  title: string;
  reference: string;
}

/** GET /api/v1/rules, as far as this page reads it. */
export interface RulesSheet {
  sources: Source[];
  stages: { id: string; phase: string; from_week: number; sessions_per_day: number; strength_days_per_week: number; text: string }[];
}
