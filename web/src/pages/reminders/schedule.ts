// When the next reminders fall, from the stored settings and the program in force. The same
// schedule the server writes into its iCalendar file (src/core/reminders.cpp): sessions at the
// first `sessionsPerDay` chosen times, every day; desk breaks every `deskBreakMinutes` after work
// starts and strictly before it ends, on work days only. Pure, so it is tested without a clock.
import type { ReminderSettings } from '../../api/types';
import type { ReminderPlan } from './types';

export type ReminderKind = 'session' | 'desk_break';

export interface Reminder {
  kind: ReminderKind;
  /** Minutes after local midnight. */
  minutes: number;
}

export interface DatedReminder {
  kind: ReminderKind;
  at: Date;
}

const CLOCK = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** `08:30` → 510; null for anything that is not a clock time. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 510 → `08:30`. */
export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: Date): number {
  return ((date.getDay() + 6) % 7) + 1;
}

/** The session times in use: the first `sessionsPerDay` of the chosen times, in time order. */
export function sessionTimes(settings: ReminderSettings, sessionsPerDay: number): number[] {
  const times = settings.session_times
    .map(parseClock)
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b);
  return times.slice(0, Math.max(0, sessionsPerDay));
}

/** The reminders of one local day, in time order (sessions first when two fall together). */
export function remindersOn(settings: ReminderSettings, plan: ReminderPlan, day: Date): Reminder[] {
  const out: Reminder[] = [];
  if (settings.sessions) {
    for (const minutes of sessionTimes(settings, plan.sessionsPerDay)) out.push({ kind: 'session', minutes });
  }
  const start = parseClock(settings.work_start);
  const end = parseClock(settings.work_end);
  const workDay = settings.work_days.includes(isoWeekday(day));
  if (settings.desk_breaks && workDay && plan.deskBreakMinutes > 0 && start !== null && end !== null) {
    for (let minutes = start + plan.deskBreakMinutes; minutes < end; minutes += plan.deskBreakMinutes) {
      out.push({ kind: 'desk_break', minutes });
    }
  }
  // A stable sort keeps sessions ahead of a desk break at the same minute.
  return out.sort((a, b) => a.minutes - b.minutes);
}

/** The local moment `minutes` after midnight of `day` (daylight-saving changes follow the clock). */
export function atMinutes(day: Date, minutes: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minutes / 60), minutes % 60, 0, 0);
}

function startOfDay(date: Date, offsetDays = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offsetDays);
}

/** The reminders strictly after `from` and at or before `to`, in time order. */
export function remindersBetween(settings: ReminderSettings, plan: ReminderPlan, from: Date, to: Date): DatedReminder[] {
  const out: DatedReminder[] = [];
  if (to.getTime() <= from.getTime()) return out;
  for (let day = startOfDay(from); day.getTime() <= to.getTime(); day = startOfDay(day, 1)) {
    for (const reminder of remindersOn(settings, plan, day)) {
      const at = atMinutes(day, reminder.minutes);
      if (at.getTime() > from.getTime() && at.getTime() <= to.getTime()) out.push({ kind: reminder.kind, at });
    }
  }
  return out;
}

/** The first reminder after `now` within a week, or null when nothing is set to remind. */
export function nextReminder(settings: ReminderSettings, plan: ReminderPlan, now: Date): DatedReminder | null {
  for (let offset = 0; offset <= 7; offset += 1) {
    const day = startOfDay(now, offset);
    for (const reminder of remindersOn(settings, plan, day)) {
      const at = atMinutes(day, reminder.minutes);
      if (at.getTime() > now.getTime()) return { kind: reminder.kind, at };
    }
  }
  return null;
}

/**
 * The reminders to show now, given when the last check ran. A reminder that is older than
 * `staleMs` (the computer slept, the tab was frozen) is dropped rather than shown late.
 */
export function dueNow(settings: ReminderSettings, plan: ReminderPlan, lastCheck: Date, now: Date, staleMs: number): DatedReminder[] {
  const from = new Date(Math.max(lastCheck.getTime(), now.getTime() - staleMs));
  return remindersBetween(settings, plan, from, now);
}

/** Checks settings before they are sent: the server refuses the same things, this says them sooner. */
export function settingsProblems(settings: ReminderSettings): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (settings.session_times.length < 1) problems.push({ field: 'session_times', message: 'Keep at least one session time.' });
  if (settings.session_times.length > 6) problems.push({ field: 'session_times', message: 'Six session times at most.' });
  settings.session_times.forEach((time, i) => {
    if (parseClock(time) === null) problems.push({ field: `session_times[${i}]`, message: 'Enter a time such as 08:30.' });
  });
  const start = parseClock(settings.work_start);
  const end = parseClock(settings.work_end);
  if (start === null) problems.push({ field: 'work_start', message: 'Enter a time such as 09:00.' });
  if (end === null) problems.push({ field: 'work_end', message: 'Enter a time such as 17:00.' });
  if (start !== null && end !== null && end <= start) problems.push({ field: 'work_end', message: 'The working day must end after it starts.' });
  return problems;
}

/** The settings as the server keeps them: work days sorted without repeats. */
export function normalised(settings: ReminderSettings): ReminderSettings {
  return {
    ...settings,
    session_times: [...settings.session_times],
    work_days: [...new Set(settings.work_days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b),
  };
}
