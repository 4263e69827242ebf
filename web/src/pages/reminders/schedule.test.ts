import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../api/types';
import {
  dueNow,
  formatClock,
  isoWeekday,
  nextReminder,
  normalised,
  parseClock,
  remindersBetween,
  remindersOn,
  sessionTimes,
  settingsProblems,
} from './schedule';
import type { ReminderPlan } from './types';

const settings: ReminderSettings = {
  sessions: true,
  session_times: ['18:00', '08:00'],
  desk_breaks: true,
  work_start: '09:00',
  work_end: '17:00',
  work_days: [1, 2, 3, 4, 5],
};
const plan: ReminderPlan = { deskBreakMinutes: 45, sessionsPerDay: 1, sessionMinutes: 15 };

// 2026-03-09 is a Monday; months are 0-based in Date.
const monday = (h: number, m = 0) => new Date(2026, 2, 9, h, m);
const hhmm = (d: Date) => formatClock(d.getHours() * 60 + d.getMinutes());

describe('clock times', () => {
  it('parses and formats HH:MM', () => {
    expect(parseClock('08:30')).toBe(510);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('8:30')).toBeNull();
    expect(formatClock(510)).toBe('08:30');
  });
  it('numbers weekdays from Monday', () => {
    expect(isoWeekday(monday(12))).toBe(1);
    expect(isoWeekday(new Date(2026, 2, 15))).toBe(7);
  });
});

describe('sessionTimes', () => {
  it('uses the earliest times, as many as the program has sessions', () => {
    expect(sessionTimes(settings, 1)).toEqual([480]);
    expect(sessionTimes(settings, 2)).toEqual([480, 1080]);
    expect(sessionTimes(settings, 5)).toEqual([480, 1080]);
    expect(sessionTimes(settings, 0)).toEqual([]);
  });
});

describe('remindersOn', () => {
  it('spaces desk breaks from the start of work, strictly before its end', () => {
    const breaks = remindersOn(settings, plan, monday(0)).filter((r) => r.kind === 'desk_break');
    expect(breaks.map((r) => formatClock(r.minutes))).toEqual([
      '09:45', '10:30', '11:15', '12:00', '12:45', '13:30', '14:15', '15:00', '15:45', '16:30',
    ]);
  });
  it('has no desk breaks on a day off, but still the session', () => {
    const sunday = new Date(2026, 2, 15);
    expect(remindersOn(settings, plan, sunday)).toEqual([{ kind: 'session', minutes: 480 }]);
  });
  it('leaves out what is switched off', () => {
    expect(remindersOn({ ...settings, sessions: false, desk_breaks: false }, plan, monday(0))).toEqual([]);
    expect(remindersOn(settings, { ...plan, deskBreakMinutes: 0 }, monday(0))).toEqual([{ kind: 'session', minutes: 480 }]);
  });
  it('orders by time', () => {
    const minutes = remindersOn(settings, { ...plan, sessionsPerDay: 2 }, monday(0)).map((r) => r.minutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
  });
});

describe('nextReminder', () => {
  it('finds the next one today', () => {
    const next = nextReminder(settings, plan, monday(10, 0));
    expect(next?.kind).toBe('desk_break');
    expect(hhmm(next!.at)).toBe('10:30');
  });
  it('does not repeat a reminder that is due this very minute', () => {
    expect(hhmm(nextReminder(settings, plan, monday(10, 30))!.at)).toBe('11:15');
  });
  it('moves to tomorrow morning after the last one', () => {
    const next = nextReminder(settings, plan, monday(20, 0));
    expect(next?.kind).toBe('session');
    expect(next!.at.getDate()).toBe(10);
    expect(hhmm(next!.at)).toBe('08:00');
  });
  it('skips the weekend for desk breaks', () => {
    const friday = new Date(2026, 2, 13, 20, 0);
    const next = nextReminder({ ...settings, sessions: false }, plan, friday);
    expect(next!.at.getDate()).toBe(16);
    expect(hhmm(next!.at)).toBe('09:45');
  });
  it('is null when nothing is switched on', () => {
    expect(nextReminder({ ...settings, sessions: false, desk_breaks: false }, plan, monday(9))).toBeNull();
  });
});

describe('remindersBetween and dueNow', () => {
  it('includes the end and excludes the start', () => {
    const due = remindersBetween(settings, plan, monday(9, 45), monday(10, 30));
    expect(due.map((r) => hhmm(r.at))).toEqual(['10:30']);
  });
  it('spans midnight', () => {
    const due = remindersBetween(settings, { ...plan, sessionsPerDay: 2 }, monday(17, 30), new Date(2026, 2, 10, 8, 0));
    expect(due.map((r) => `${r.at.getDate()} ${hhmm(r.at)}`)).toEqual(['9 18:00', '10 08:00']);
  });
  it('drops reminders that are too old to be useful', () => {
    const due = dueNow(settings, plan, monday(8, 0), monday(11, 20), 10 * 60_000);
    expect(due.map((r) => hhmm(r.at))).toEqual(['11:15']);
  });
});

describe('settingsProblems', () => {
  it('accepts good settings', () => {
    expect(settingsProblems(settings)).toEqual([]);
  });
  it('names a working day that ends before it starts', () => {
    expect(settingsProblems({ ...settings, work_end: '08:00' }).map((p) => p.field)).toEqual(['work_end']);
  });
  it('names a bad time and a missing session time', () => {
    expect(settingsProblems({ ...settings, session_times: ['25:00'] }).map((p) => p.field)).toEqual(['session_times[0]']);
    expect(settingsProblems({ ...settings, session_times: [] }).map((p) => p.field)).toEqual(['session_times']);
  });
});

describe('normalised', () => {
  it('sorts work days and drops repeats', () => {
    expect(normalised({ ...settings, work_days: [5, 1, 5, 3] }).work_days).toEqual([1, 3, 5]);
  });
});
