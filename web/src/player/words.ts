// What the player shows in numbers and short words: the countdown, the step's place in the
// exercise, and the one-line announcement a screen reader hears when the step changes. The
// step's own words (title, text, cue text) come from the engine unchanged.
import type { TimelineStep } from '../api/types';

/**
 * Whole seconds left, rounded up: 0.2 s left still shows 1, as a kitchen timer does, and so does
 * a fraction of a millisecond (a step never shows 0 while it lasts).
 */
export function secondsLeft(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs / 1000));
}

/**
 * Session milliseconds until the countdown next shows another number: the moment `remaining`
 * drops to the next whole second (a step's end is such a moment too).
 */
export function msToNextSecond(remainingMs: number): number {
  if (remainingMs <= 0) return 0;
  const part = remainingMs % 1000;
  return part === 0 ? 1000 : part;
}

/** The big countdown: `45`, or `1:05` from a minute up. */
export function countdownText(remainingMs: number): string {
  const seconds = secondsLeft(remainingMs);
  if (seconds < 60) return String(seconds);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The countdown as words for assistive technology: "1 minute 5 seconds left". */
export function countdownWords(remainingMs: number): string {
  const seconds = secondsLeft(remainingMs);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} ${rest === 1 ? 'second' : 'seconds'}`);
  return `${parts.join(' ')} left`;
}

/** Minutes for a summary: "about 12 minutes", "less than a minute". */
export function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'less than a minute';
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** Where in the exercise a step is: round, repetition, side; empty parts left out. */
export function stepPlace(step: TimelineStep): string[] {
  const parts: string[] = [];
  if (step.rounds > 1 && step.round > 0) parts.push(`Round ${step.round} of ${step.rounds}`);
  // A repetition's title already says "Repetition 3 of 10"; holds count theirs here.
  if (step.kind !== 'rep' && step.reps > 1 && step.rep > 0) parts.push(`Hold ${step.rep} of ${step.reps}`);
  // The side, unless the title already says it ("Repetition 1 of 3, left side").
  if (step.side && !step.title.toLowerCase().includes(`${step.side} side`)) {
    parts.push(step.side === 'left' ? 'Left side' : 'Right side');
  }
  return parts;
}

/** The polite announcement when a step begins: title, exercise, side, length. */
export function announcement(step: TimelineStep, exerciseName: string | undefined): string {
  const parts = [step.title];
  if (exerciseName && step.kind !== 'get_ready') parts.push(exerciseName);
  if (step.side) parts.push(`${step.side} side`);
  parts.push(countdownWords(step.duration_ms).replace(/ left$/, ''));
  return parts.join(', ') + '.';
}

/** What the voice says when a step begins: its title, and the exercise when a new one starts. */
export function spokenOnStep(step: TimelineStep, previous: TimelineStep | undefined, exerciseName: string | undefined): string {
  const newExercise = !!step.exercise && step.exercise !== previous?.exercise;
  if (newExercise && exerciseName && step.kind !== 'get_ready') return `${exerciseName}. ${step.title}.`;
  return `${step.title}.`;
}
