// The shared summary's pure logic: pain and sessions per week from the progress document, and the
// latest score of each questionnaire. Only arranging: every figure is the engine's.
import type { Progress, ProgressScore } from '../../api/types';
import { weeklyTotals } from '../progress/logic';

export interface WeekRow {
  start: string;
  end: string;
  /** The mean of the days' mean pain in that week, or null when no pain was rated. */
  pain: number | null;
  /** How many days of the week had a rating. */
  ratedDays: number;
  done: number;
  planned: number;
  minutes: number;
}

/** One row per Monday-to-Sunday week of the document (at most `weeks`, the latest), oldest first. */
export function weekRows(progress: Progress, weeks: number): WeekRow[] {
  return weeklyTotals(progress, weeks).map((week) => {
    const rated = progress.days.filter((day) => day.day >= week.start && day.day <= week.end && day.mean_pain !== null);
    const sum = rated.reduce((total, day) => total + (day.mean_pain as number), 0);
    return {
      start: week.start,
      end: week.end,
      pain: rated.length > 0 ? sum / rated.length : null,
      ratedDays: rated.length,
      done: week.done,
      planned: week.planned,
      minutes: week.minutes,
    };
  });
}

/** The latest score of each questionnaire, in the order the questionnaires first appear. */
export function latestScores(scores: readonly ProgressScore[]): ProgressScore[] {
  const latest = new Map<string, ProgressScore>();
  for (const score of scores) {
    const known = latest.get(score.instrument);
    if (!known || score.at > known.at || (score.at === known.at && score.id > known.id)) latest.set(score.instrument, score);
  }
  return [...latest.values()];
}

/** Sessions done and planned over the rows. */
export function sessionTotals(rows: readonly WeekRow[]): { done: number; planned: number; minutes: number } {
  return rows.reduce((sum, row) => ({ done: sum.done + row.done, planned: sum.planned + row.planned, minutes: sum.minutes + row.minutes }), {
    done: 0,
    planned: 0,
    minutes: 0,
  });
}
