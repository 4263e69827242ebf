// How each exercise felt, asked after a session: the four answers in the person's words, which
// exercises the session reached (the ones worth asking about), and the state of one exercise's
// answer while it is sent (PUT /api/v1/sessions/{id}/feedback/{exercise}). The weekly review decides
// what the answers change; nothing here does.
import type { Rating } from '../../api/types';
import type { PlayState } from '../../player/play';
import { locate } from '../../player/timeline';

/** The answers, in the order they are offered. */
export const RATINGS: readonly { rating: Rating; label: string }[] = [
  { rating: 'too_easy', label: 'Too easy' },
  { rating: 'right', label: 'About right' },
  { rating: 'too_hard', label: 'Too hard' },
  { rating: 'hurt', label: 'It hurt' },
];

export function ratingLabel(rating: Rating): string {
  return RATINGS.find((choice) => choice.rating === rating)?.label ?? rating;
}

/**
 * The exercises the session got to, each once, in the order they came: every step before the one
 * it ended on, and that one too if it had begun. An exercise never reached (after an early end) is
 * not asked about.
 */
export function reachedExercises(play: Pick<PlayState, 'steps' | 'anchor' | 'endedMs'>): string[] {
  const { steps } = play;
  const end = play.endedMs === null ? { index: steps.length, elapsed: 0 } : locate(steps, play.anchor, play.endedMs);
  const reached = end.elapsed > 0 ? end.index + 1 : end.index;
  const out: string[] = [];
  for (const step of steps.slice(0, reached)) {
    if (step.exercise && !out.includes(step.exercise)) out.push(step.exercise);
  }
  return out;
}

export function ratingPath(session: number, exercise: string): string {
  return `/api/v1/sessions/${session}/feedback/${encodeURIComponent(exercise)}`;
}

/** One exercise's answer: what was chosen last, what the server has, and the send in flight. */
export interface RatingState {
  chosen: Rating | null;
  saved: Rating | null;
  status: 'idle' | 'saving' | 'saved' | 'error';
  error: unknown;
  /** Counts the sends, so an answer to an older one (a choice since changed) is ignored. */
  send: number;
}

export const UNRATED: RatingState = { chosen: null, saved: null, status: 'idle', error: null, send: 0 };

/** A tap on `rating`: it is chosen at once and sent as send number `send + 1`. */
export function choose(state: RatingState, rating: Rating): RatingState {
  return { ...state, chosen: rating, status: 'saving', error: null, send: state.send + 1 };
}

/** The server answered send number `send`; an answer to an earlier send changes nothing. */
export function settle(state: RatingState, send: number, outcome: { saved: Rating } | { error: unknown }): RatingState {
  if (send !== state.send) return state;
  if ('saved' in outcome) return { ...state, saved: outcome.saved, status: 'saved', error: null };
  return { ...state, status: 'error', error: outcome.error };
}

/** The line under an exercise's answers, for everyone and for screen readers alike. */
export function ratingStatus(state: RatingState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return state.saved ? `Saved: ${ratingLabel(state.saved)}.` : '';
    case 'error':
      return 'Not saved yet.';
  }
}
