// The exercise library's pure logic: which techniques Unload rejects, how the exercises group by
// phase, and what the person's program says about each one (in the routine, left out and why, or
// nothing). It decides nothing clinical: the exercise documents and the plan are the server's.
import type { ReasonItem } from '../../api/reasons';
import type { Exercise, Plan } from '../../api/types';

/** The evidence directions that mean a technique is not worth doing, whatever else it says. */
const REJECTING_DIRECTIONS = new Set(['no_difference', 'harms']);

/**
 * True for a technique Unload never puts in a home routine: a clinic-only technique (mechanical
 * traction, the inversion table, the full hang) or one the research shows to make no difference or
 * to do harm. These are shown as "not recommended, and why", never with their steps.
 */
export function isRejected(exercise: Pick<Exercise, 'phase' | 'evidence'>): boolean {
  return exercise.phase === 'clinic' || REJECTING_DIRECTIONS.has(exercise.evidence?.direction);
}

/** The phases in the order a program meets them; any other phase follows, in the order seen. */
export const PHASE_ORDER = ['warm_up', 'relief', 'mobility', 'strength', 'posture', 'activity'];

export interface PhaseGroup<T> {
  phase: string;
  exercises: T[];
}

export interface Library<T> {
  groups: PhaseGroup<T>[];
  /** Techniques Unload rejects, in their own group. */
  rejected: T[];
}

/** The exercises by phase (known phases first, in program order), the rejected ones apart. */
export function groupExercises<T extends Pick<Exercise, 'phase' | 'evidence'>>(exercises: readonly T[]): Library<T> {
  const byPhase = new Map<string, T[]>();
  const rejected: T[] = [];
  for (const exercise of exercises) {
    if (isRejected(exercise)) {
      rejected.push(exercise);
      continue;
    }
    const list = byPhase.get(exercise.phase) ?? [];
    list.push(exercise);
    byPhase.set(exercise.phase, list);
  }
  const rank = (phase: string) => {
    const index = PHASE_ORDER.indexOf(phase);
    return index === -1 ? PHASE_ORDER.length : index;
  };
  const groups = [...byPhase]
    .map(([phase, list]) => ({ phase, exercises: list }))
    // A stable sort keeps unknown phases in the order the server listed them.
    .sort((a, b) => rank(a.phase) - rank(b.phase));
  return { groups, rejected };
}

/** What the person's plan says about one exercise. */
export type PersonalTag =
  | { kind: 'routine' }
  | {
      kind: 'left_out';
      /** Screening's sentence for why, when screening left it out. */
      text: string | null;
      because: ReasonItem[];
    };

/**
 * The tag for `exercise` from the plan in force: in this week's routine, left out for this person
 * (by screening, with its words, or by the program, with its reasons), or null when the plan says
 * nothing about it (or there is no plan).
 */
export function personalTag(exercise: string, plan: Pick<Plan, 'screening' | 'program'> | null): PersonalTag | null {
  if (!plan) return null;
  if (plan.program?.routine.some((entry) => entry.exercise === exercise)) return { kind: 'routine' };
  const excluded = plan.screening.excluded.filter((item) => item.item === exercise);
  if (excluded.length > 0) {
    const texts = [...new Set(excluded.map((item) => item.text.trim()).filter((text) => text !== ''))];
    return {
      kind: 'left_out',
      text: texts.length > 0 ? texts.join(' ') : null,
      because: excluded.flatMap((item) => item.because),
    };
  }
  const left = plan.program?.left_out.filter((item) => item.exercise === exercise) ?? [];
  if (left.length > 0) return { kind: 'left_out', text: null, because: left.flatMap((item) => item.because) };
  return null;
}

/** What the library shows: everything, one phase, the rejected techniques, or the person's picks. */
export type LibraryFilter = 'all' | 'routine' | 'left_out' | 'rejected' | `phase:${string}`;

/** Whether `exercise` is shown under `filter`, given its personal tag. */
export function shownUnder(filter: LibraryFilter, exercise: Pick<Exercise, 'phase' | 'evidence'>, tag: PersonalTag | null): boolean {
  if (filter === 'all') return true;
  if (filter === 'rejected') return isRejected(exercise);
  if (filter === 'routine') return tag?.kind === 'routine';
  if (filter === 'left_out') return tag?.kind === 'left_out' && !isRejected(exercise);
  return !isRejected(exercise) && `phase:${exercise.phase}` === filter;
}

const PHASE_WORDS: Record<string, { title: string; line: string }> = {
  warm_up: { title: 'Warm-up', line: 'Small, easy movements that get the back and shoulders going before the rest of a session.' },
  relief: {
    title: 'Relief',
    line: 'Resting positions and gentle movements that settle a sore back. They carry the first weeks of a program.',
  },
  mobility: {
    title: 'Mobility',
    line: 'Gentle stretches and muscle activation for the hips and spine, added once the back has calmed down a little.',
  },
  strength: {
    title: 'Strength',
    line: 'Exercises that build strength for bending, lifting and standing up, done on a few days a week later in a program.',
  },
  posture: { title: 'Posture', line: 'Upper back and shoulder exercises that counter long spells of sitting at a desk or screen.' },
  activity: { title: 'Everyday activity', line: 'Movement through the day, such as walking, which helps at every stage.' },
};

/** A phase's heading and the one line that explains it. */
export function phaseWords(phase: string): { title: string; line: string | null } {
  const known = PHASE_WORDS[phase];
  if (known) return known;
  const words = phase.replace(/_/g, ' ').trim();
  return { title: words.charAt(0).toUpperCase() + words.slice(1), line: null };
}
