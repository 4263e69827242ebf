import { describe, expect, it } from 'vitest';
import { storedSession } from '../../api/fixtures';
import type { Progress, ProgressDay, ProgressScore, Session } from '../../api/types';
import {
  addDays,
  calendarWeeks,
  dayStatus,
  decisionHeadline,
  diaryItems,
  dueDayFromMessage,
  feltRows,
  isoWeekday,
  mcidWords,
  mondayOf,
  oneDecimal,
  painSeries,
  painSummary,
  reviewOpen,
  scoreChangeText,
  scoresByInstrument,
  sessionLine,
  sessionsText,
  weekSummaryText,
  weeklyTotals,
} from './logic';

function day(date: string, fields: Partial<ProgressDay> = {}): ProgressDay {
  return { day: date, planned_sessions: 0, done_sessions: 0, minutes: 0, mean_pain: null, flare: false, ...fields };
}

/** A progress document over `count` days ending on `to`, with `fill` applied to chosen days. */
function progressOver(to: string, count: number, fill: Record<string, Partial<ProgressDay>> = {}): Progress {
  const days: ProgressDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = addDays(to, -i);
    days.push(day(date, fill[date]));
  }
  return {
    from: days[0].day,
    to,
    planned_sessions: 0,
    done_sessions: 0,
    adherence: null,
    minutes: 0,
    baseline_pain: null,
    latest_pain: null,
    pain_responder: false,
    pain_mcid: { points: 2, percent: 30 },
    days,
    scores: [],
    feedback: [],
  };
}

function score(fields: Partial<ProgressScore>): ProgressScore {
  return {
    id: 1,
    at: '2026-03-02T08:00:00Z',
    day: '2026-03-02',
    instrument: 'odi',
    value: 30,
    band: 'moderate',
    change: null,
    responder: false,
    mcid: null,
    ...fields,
  };
}

describe('dates', () => {
  it('knows the weekday of an ISO date whatever the time zone', () => {
    expect(isoWeekday('2026-03-02')).toBe(1); // a Monday
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('rounds to one decimal without a trailing zero', () => {
    expect(oneDecimal(4.666)).toBe('4.7');
    expect(oneDecimal(5)).toBe('5');
    expect(oneDecimal(4.96)).toBe('5');
  });
});

describe('the adherence calendar', () => {
  it('tells done, partly, missed, today and rest apart from the engine counts', () => {
    const today = '2026-03-04';
    expect(dayStatus(day('2026-03-02', { planned_sessions: 1, done_sessions: 1 }), today)).toBe('done');
    expect(dayStatus(day('2026-03-02', { planned_sessions: 2, done_sessions: 1 }), today)).toBe('partly');
    expect(dayStatus(day('2026-03-02', { planned_sessions: 2 }), today)).toBe('missed');
    expect(dayStatus(day(today, { planned_sessions: 2 }), today)).toBe('today');
    expect(dayStatus(day(today, { planned_sessions: 2, done_sessions: 1 }), today)).toBe('partly');
    expect(dayStatus(day('2026-03-02'), today)).toBe('rest');
    // An extra session on a day without a plan still counts as done.
    expect(dayStatus(day('2026-03-02', { done_sessions: 1 }), today)).toBe('done');
  });

  it('starts at the week of the first active day and lays days out Monday first', () => {
    // 12 weeks ending Wednesday 2026-03-04; the program began on Friday 2026-02-27.
    const progress = progressOver('2026-03-04', 84, {
      '2026-02-27': { planned_sessions: 1, done_sessions: 1, minutes: 14 },
      '2026-02-28': { planned_sessions: 1 },
      '2026-03-01': { planned_sessions: 1, done_sessions: 3, minutes: 12 },
      '2026-03-02': { planned_sessions: 2, done_sessions: 1, minutes: 10 },
      '2026-03-04': { planned_sessions: 2 },
    });
    const weeks = calendarWeeks(progress);
    expect(weeks.map((week) => week.start)).toEqual(['2026-02-23', '2026-03-02']);
    const [first, second] = weeks;
    expect(first.cells[4]?.status).toBe('done'); // Friday
    expect(first.cells[5]?.status).toBe('missed');
    expect(first.cells[5]?.label).toBe('Missed: 0 of 1 session');
    expect(first.cells[0]?.status).toBe('rest');
    // Sunday: two sessions beyond the one planned.
    expect(first.cells[6]?.label).toBe('Done: 1 of 1 session, and 2 more');
    expect(second.cells[0]?.label).toBe('Partly done: 1 of 2 sessions');
    expect(second.cells[2]?.status).toBe('today');
    expect(second.cells[2]?.isToday).toBe(true);
    // Thursday to Sunday of this week are not in the document yet.
    expect(second.cells.slice(3)).toEqual([null, null, null, null]);
  });

  it('shows only the current week when nothing happened yet, and caps the rows', () => {
    expect(calendarWeeks(progressOver('2026-03-04', 84)).length).toBe(1);
    const busy: Record<string, Partial<ProgressDay>> = {};
    for (let i = 0; i < 84; i++) busy[addDays('2026-03-04', -i)] = { planned_sessions: 1, done_sessions: 1 };
    const weeks = calendarWeeks(progressOver('2026-03-04', 84, busy), 4);
    expect(weeks.length).toBe(4);
    expect(weeks[3].start).toBe('2026-03-02');
  });

  it('sums minutes and sessions per week', () => {
    const progress = progressOver('2026-03-04', 84, {
      '2026-02-27': { planned_sessions: 1, done_sessions: 1, minutes: 14 },
      '2026-03-01': { planned_sessions: 1, done_sessions: 1, minutes: 12 },
      '2026-03-02': { planned_sessions: 2, done_sessions: 1, minutes: 10 },
      '2026-03-04': { planned_sessions: 2 },
    });
    expect(weeklyTotals(progress)).toEqual([
      { start: '2026-02-23', end: '2026-03-01', minutes: 26, done: 2, planned: 2 },
      { start: '2026-03-02', end: '2026-03-04', minutes: 10, done: 1, planned: 4 },
    ]);
    expect(sessionsText(1, 4)).toBe('1 of 4 planned sessions done');
    // Never "3 of 1": sessions beyond the plan are counted apart.
    expect(sessionsText(3, 1)).toBe('1 of 1 planned session done, and 2 more');
    expect(sessionsText(2, 2)).toBe('2 of 2 planned sessions done');
    expect(sessionsText(0, 0)).toBe('No sessions planned');
  });
});

describe('the pain chart', () => {
  it('gives one point per day with gaps, the baseline, and a table of the rated days', () => {
    const progress = {
      ...progressOver('2026-03-04', 84, {
        '2026-03-02': { planned_sessions: 1, mean_pain: 4.5 },
        '2026-03-04': { mean_pain: 3, flare: true },
      }),
      baseline_pain: 6,
    };
    const series = painSeries(progress);
    // At least two weeks are drawn even though the program is three days old.
    expect(series.xs.length).toBe(14);
    expect(series.pain.slice(-3)).toEqual([4.5, null, 3]);
    expect(new Set(series.baseline)).toEqual(new Set([6]));
    expect(series.xs[1] - series.xs[0]).toBe(86_400);
    expect(new Date(series.xs[13] * 1000).toISOString()).toBe('2026-03-04T12:00:00.000Z');
    expect(series.rows).toEqual([
      { day: '2026-03-02', pain: 4.5, flare: false },
      { day: '2026-03-04', pain: 3, flare: true },
    ]);
  });

  it('puts the pain change into words, with the engine deciding whether it matters', () => {
    const base = progressOver('2026-03-04', 7);
    expect(painSummary(base)).toEqual([]);
    const better = { ...base, baseline_pain: 6, latest_pain: 3.25, pain_responder: true };
    expect(painSummary(better)).toEqual([
      'Lately your pain averages 3.3 out of 10, against 6 when you started.',
      'That fall is a change that matters. 2 points, or 30 % of where you started, is the smallest change that matters.',
    ]);
    // The engine said no: the page does not second-guess it.
    expect(painSummary({ ...better, pain_responder: false })[1]).toMatch(/^It is lower, though not yet/);
    expect(painSummary({ ...better, latest_pain: 7, pain_responder: false }).length).toBe(1);
  });
});

describe('questionnaire scores', () => {
  it('says how much a score improved and names the smallest change that matters', () => {
    expect(scoreChangeText(score({}))).toBe('Your first score: later ones are compared with it.');
    expect(scoreChangeText(score({ change: -12, responder: true, mcid: { points: 10, percent: 0 } }))).toBe(
      'Improved by 12 points since your first score: a change that matters. 10 points is the smallest change that matters.',
    );
    expect(scoreChangeText(score({ change: -4, responder: false, mcid: { points: 10, percent: 0 } }))).toMatch(/not yet a change that matters/);
    expect(scoreChangeText(score({ instrument: 'rmdq', change: -3, responder: true, mcid: { points: 5, percent: 30 } }))).toBe(
      'Improved by 3 points since your first score: a change that matters. 5 points, or 30 % of where you started, is the smallest change that matters.',
    );
    expect(scoreChangeText(score({ change: 6.2 }))).toMatch(/^6.2 points higher/);
    // Without the MCID from the server, the verdict still shows.
    expect(scoreChangeText(score({ change: -1, responder: true }))).toBe('Improved by 1 point since your first score: a change that matters.');
  });

  it('groups scores by questionnaire, oldest first', () => {
    const groups = scoresByInstrument([
      score({ id: 3, at: '2026-03-20T08:00:00Z' }),
      score({ id: 2, instrument: 'rmdq', at: '2026-03-02T09:00:00Z' }),
      score({ id: 1, at: '2026-03-02T08:00:00Z' }),
    ]);
    expect(groups.map((group) => [group.instrument, group.scores.map((s) => s.id)])).toEqual([
      ['odi', [1, 3]],
      ['rmdq', [2]],
    ]);
    expect(mcidWords({ points: 2, percent: 0 })).toBe('2 points');
  });
});

describe('the diary', () => {
  const session: Session = storedSession({
    started_at: '2026-03-02T07:30:00Z',
    planned_ms: 844_000,
    active_ms: 100_000,
    outcome: 'quit',
    pain_before: 5,
  });

  it('merges sessions and pain entries, newest first', () => {
    const items = diaryItems({
      from: '2026-02-24',
      to: '2026-03-02',
      sessions: [session],
      pain: [
        { id: 1, at: '2026-03-02T08:00:09Z', day: '2026-03-02', pain: 4, note: 'after a drive' },
        { id: 2, at: '2026-03-01T20:00:00Z', day: '2026-03-01', pain: 3, note: '' },
      ],
    });
    expect(items.map((item) => `${item.kind}@${item.at}`)).toEqual([
      'pain@2026-03-02T08:00:09Z',
      'session@2026-03-02T07:30:00Z',
      'pain@2026-03-01T20:00:00Z',
    ]);
  });

  it('describes a session in one line', () => {
    expect(sessionLine(session)).toBe('Session ended early: 2 min of 14 min; pain 5 before.');
    expect(sessionLine({ ...session, outcome: 'completed', active_ms: 844_000, pain_after: 3 })).toBe(
      'Session completed: 14 min of 14 min; pain 5 before, 3 after.',
    );
  });
});

describe('the weekly review', () => {
  it('heads each decision, and never shows a referral or a stop quietly', () => {
    expect(decisionHeadline('progress')).toEqual({ text: 'Move on to the next stage.', tone: 'ok' });
    expect(decisionHeadline('hold').tone).toBe('plain');
    expect(decisionHeadline('regress').tone).toBe('warn');
    expect(decisionHeadline('refer')).toEqual({ text: 'Time to see a physical therapist.', tone: 'warn' });
    expect(decisionHeadline('stop')).toEqual({
      text: 'Stop the program: a warning sign needs attention first.',
      tone: 'emergency',
    });
  });

  it('sums up the week a review looked at', () => {
    const week = {
      from: '2026-03-02',
      to: '2026-03-08',
      planned_sessions: 7,
      done_sessions: 1,
      adherence: 1 / 7,
      mean_pain: 4.666,
      mean_pain_last_week: 5,
      flares: 0,
      flare_in_last_days: false,
      stop_reasons: [],
    };
    expect(weekSummaryText(week)).toBe('From Mon 2 Mar to Sun 8 Mar: 1 of 7 planned sessions done; average pain 4.7 (5 the week before); no flare-ups.');
    expect(weekSummaryText({ ...week, mean_pain: null, flares: 2 })).toBe('From Mon 2 Mar to Sun 8 Mar: 1 of 7 planned sessions done; 2 flare-ups.');
  });

  it('knows when the review opens', () => {
    expect(reviewOpen('2026-03-09', '2026-03-08')).toBe(false);
    expect(reviewOpen('2026-03-09', '2026-03-09')).toBe(true);
    expect(reviewOpen('2026-03-09', '2026-04-01')).toBe(true);
    expect(dueDayFromMessage('not due until 2026-03-09: a review looks back on a whole week')).toBe('2026-03-09');
    expect(dueDayFromMessage('something else')).toBeNull();
  });
});

describe('feltRows', () => {
  it('lists each exercise in the order given, with sessions per answer in the order offered', () => {
    const rows = feltRows([
      { exercise: 'cat_cow', name: 'Cat-cow', too_easy: 3, right: 1, too_hard: 0, hurt: 0, latest: 'too_easy' },
      { exercise: 'bird_dog', name: 'Bird dog', too_easy: 0, right: 0, too_hard: 1, hurt: 1, latest: 'hurt' },
    ]);
    expect(rows.map((row) => row.name)).toEqual(['Cat-cow', 'Bird dog']);
    expect(rows[0].counts).toEqual([
      { label: 'Too easy', count: 3 },
      { label: 'About right', count: 1 },
      { label: 'Too hard', count: 0 },
      { label: 'It hurt', count: 0 },
    ]);
    expect(rows[0]).toMatchObject({ sessions: 4, latest: 'Too easy' });
    expect(rows[1]).toMatchObject({ sessions: 2, latest: 'It hurt' });
  });

  it('is empty when nothing was rated', () => {
    expect(feltRows([])).toEqual([]);
  });
});
