// A routine entry's dose in everyday words ("3 holds of 30 seconds on each side, then 1 minute to
// finish"). Only wording: every number comes from the plan the engine made.
import type { RoutineEntry } from '../../api/types';

/** "45 seconds", "1 minute", "2 minutes 30 seconds". */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s === 1 ? '1 second' : `${s} seconds`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  const m = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return rest === 0 ? m : `${m} ${durationWords(rest)}`;
}

/** "about 3 minutes", rounded to the nearest half minute under ten minutes, else to the minute. */
export function aboutMinutes(seconds: number): string {
  if (seconds < 60) return `under a minute`;
  const minutes = seconds / 60;
  const rounded = minutes < 10 ? Math.round(minutes * 2) / 2 : Math.round(minutes);
  const text = Number.isInteger(rounded) ? String(rounded) : `${Math.floor(rounded)}½`;
  return `about ${text} ${rounded === 1 ? 'minute' : 'minutes'}`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/**
 * The dose as one sentence. `repSeconds` is the exercise's pace per repetition (its dose's
 * `rep_s`); a single repetition without a pace is a timed hold. When the pace is unknown, one
 * repetition is read as a hold and more as repetitions.
 */
export function doseWords(entry: Pick<RoutineEntry, 'hold_s' | 'reps' | 'rounds' | 'per_side' | 'rest_s' | 'finish_hold_s'>, repSeconds?: number): string {
  const side = entry.per_side ? ' on each side' : '';
  const rounds = Math.max(1, entry.rounds);
  const isHold = entry.reps <= 1 && (repSeconds ?? 0) === 0 && entry.hold_s > 0;
  let out: string;
  if (isHold) {
    out =
      rounds === 1
        ? `hold for ${durationWords(entry.hold_s)}${side}`
        : `${rounds} holds of ${durationWords(entry.hold_s)}${side}`;
  } else {
    out = `${count(entry.reps, 'repetition', 'repetitions')}${side}`;
    if (entry.hold_s > 0) out += `, holding each for ${durationWords(entry.hold_s)}`;
    if (rounds > 1) out = `${rounds} rounds of ${out}`;
  }
  if (rounds > 1 && entry.rest_s > 0) out += `, resting ${durationWords(entry.rest_s)} between ${isHold ? 'holds' : 'rounds'}`;
  if (entry.finish_hold_s > 0) out += `, then ${durationWords(entry.finish_hold_s)} in the last position to finish`;
  return `${out.charAt(0).toUpperCase()}${out.slice(1)}.`;
}

/** "once a day", "twice a day", "3 times a day". */
export function timesPerDay(times: number): string {
  if (times === 1) return 'once a day';
  if (times === 2) return 'twice a day';
  return `${times} times a day`;
}

/** "once a week", "twice a week", "3 days a week". */
export function daysPerWeek(days: number): string {
  if (days === 1) return 'one day a week';
  return `${days} days a week`;
}
