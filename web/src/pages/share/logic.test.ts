import { describe, expect, it } from 'vitest';
import type { Progress, ProgressDay, ProgressScore } from '../../api/types';
import { latestScores, sessionTotals, weekRows } from './logic';

function day(date: string, extra: Partial<ProgressDay> = {}): ProgressDay {
  return { day: date, planned_sessions: 1, done_sessions: 0, minutes: 0, mean_pain: null, flare: false, ...extra };
}

describe('weekRows', () => {
  // 2026-03-02 is a Monday.
  const progress = {
    from: '2026-03-02',
    to: '2026-03-10',
    days: [
      day('2026-03-02', { done_sessions: 1, minutes: 12, mean_pain: 5 }),
      day('2026-03-03', { mean_pain: 4 }),
      day('2026-03-04'),
      day('2026-03-05'),
      day('2026-03-06'),
      day('2026-03-07'),
      day('2026-03-08'),
      day('2026-03-09', { done_sessions: 2, minutes: 20 }),
      day('2026-03-10', { done_sessions: 1, minutes: 9, mean_pain: 3 }),
    ],
    scores: [],
  } as unknown as Progress;
  it('averages the rated days per week and sums sessions', () => {
    const rows = weekRows(progress, 6);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ start: '2026-03-02', end: '2026-03-08', pain: 4.5, ratedDays: 2, done: 1, planned: 7, minutes: 12 });
    expect(rows[1]).toMatchObject({ start: '2026-03-09', end: '2026-03-10', pain: 3, done: 3, planned: 2, minutes: 29 });
    expect(sessionTotals(rows)).toEqual({ done: 4, planned: 9, minutes: 41 });
  });
  it('leaves a week without ratings unrated', () => {
    const quiet = { ...progress, days: progress.days.map((d) => ({ ...d, mean_pain: null })) };
    expect(weekRows(quiet, 6).map((row) => row.pain)).toEqual([null, null]);
  });
});

describe('latestScores', () => {
  const score = (id: number, instrument: ProgressScore['instrument'], at: string): ProgressScore => ({
    id,
    at,
    day: at.slice(0, 10),
    instrument,
    value: id,
    band: null,
    change: null,
    responder: false,
    mcid: null,
  });
  it('keeps the latest of each questionnaire', () => {
    const scores = [score(1, 'odi', '2026-03-01T08:00:00Z'), score(2, 'startback', '2026-03-01T08:00:00Z'), score(3, 'odi', '2026-03-20T08:00:00Z')];
    expect(latestScores(scores).map((s) => s.id)).toEqual([3, 2]);
  });
});
