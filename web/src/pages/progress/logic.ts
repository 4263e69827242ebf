// The progress area's pure logic: it arranges what the engine computed (the progress, diary and
// review documents) for the page — calendar rows, chart series, weekly sums and sentences. It
// decides nothing clinical: adherence, responders, reviews and their reasons all come from the
// server; this file only lays them out and puts them into words.
import type {
  Day,
  Diary,
  ExerciseFeedback,
  Instrument,
  Mcid,
  Pain,
  Progress,
  ProgressDay,
  ProgressScore,
  ReviewDecision,
  Session,
  WeekSummary,
} from '../../api/types';
import { RATINGS, ratingLabel } from '../session/ratings';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date (`2026-03-02`), independent of the browser's time zone. */
export function dayNumber(day: Day): number {
  const [year, month, date] = day.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, date) / DAY_MS);
}

/** The ISO date `offset` days after `day`. */
export function addDays(day: Day, offset: number): Day {
  return new Date((dayNumber(day) + offset) * DAY_MS).toISOString().slice(0, 10);
}

/** 1 for Monday to 7 for Sunday. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before `day`. */
export function mondayOf(day: Day): Day {
  return addDays(day, 1 - isoWeekday(day));
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** `Mon 2 Mar`. */
export function shortDay(day: Day): string {
  return dayFormat.format(new Date(dayNumber(day) * DAY_MS));
}

/** `Monday 2 March`. */
export function longDay(day: Day): string {
  return longDayFormat.format(new Date(dayNumber(day) * DAY_MS));
}

/** The local clock time of a moment (`2026-03-02T07:45:00Z`), `08:45` in Paris. */
export function clockTime(moment: string): string {
  const date = new Date(moment);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

/** One decimal, without a trailing `.0`: 4.666 → `4.7`, 5 → `5`. */
export function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** `1 session`, `2 sessions`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Milliseconds as whole minutes for people: `14 min`, `under a minute`. */
export function minutesText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return ms > 0 ? 'under a minute' : '0 min';
  return `${minutes} min`;
}

// ---- the adherence calendar -------------------------------------------------------------------

/** How a day went, as the calendar shows it. */
export type DayStatus = 'done' | 'partly' | 'missed' | 'today' | 'rest';

export interface CalendarCell {
  day: Day;
  status: DayStatus;
  /** The status in words, for the cell's text and its accessible name. */
  label: string;
  planned: number;
  done: number;
  minutes: number;
  isToday: boolean;
  flare: boolean;
}

export interface CalendarWeek {
  /** The Monday that starts the row. */
  start: Day;
  /** Monday to Sunday; null for days outside the progress document. */
  cells: (CalendarCell | null)[];
}

export const STATUS_WORDS: Record<DayStatus, string> = {
  done: 'Done',
  partly: 'Partly done',
  missed: 'Missed',
  today: 'To do today',
  rest: 'Nothing planned',
};

/** A day's status from the engine's counts of planned and done sessions. */
export function dayStatus(day: ProgressDay, today: Day): DayStatus {
  if (day.done_sessions > 0 && day.done_sessions >= day.planned_sessions) return 'done';
  if (day.done_sessions > 0) return 'partly';
  if (day.planned_sessions === 0) return 'rest';
  return day.day === today ? 'today' : 'missed';
}

function cellLabel(day: ProgressDay, status: DayStatus): string {
  const words = STATUS_WORDS[status];
  if (status === 'rest') return words;
  if (day.planned_sessions === 0) return `${words}: ${plural(day.done_sessions, 'session')}`;
  return `${words}: ${doneOfPlanned(day.done_sessions, day.planned_sessions, 'session')}`;
}

/**
 * `2 of 3 sessions`; sessions beyond the plan are counted apart (`1 of 1 session, and 2 more`), so
 * nothing reads "2 of 1".
 */
function doneOfPlanned(done: number, planned: number, noun: string): string {
  if (done <= planned) return `${done} of ${plural(planned, noun)}`;
  return `${planned} of ${plural(planned, noun)}, and ${done - planned} more`;
}

function isActive(day: ProgressDay): boolean {
  return day.planned_sessions > 0 || day.done_sessions > 0 || day.mean_pain !== null || day.minutes > 0;
}

/**
 * The index of the first day worth showing: the first with anything planned, done or rated, so a
 * new program does not open on weeks of empty days. Empty documents start at their last day.
 */
export function firstActiveIndex(days: readonly ProgressDay[]): number {
  const index = days.findIndex(isActive);
  return index === -1 ? Math.max(0, days.length - 1) : index;
}

/**
 * The calendar as rows of weeks, Monday first, from the week of the first active day to the week
 * of the document's last day; at most `maxWeeks` rows (the most recent ones).
 */
export function calendarWeeks(progress: Progress, maxWeeks = 12): CalendarWeek[] {
  const days = progress.days;
  if (days.length === 0) return [];
  const byDay = new Map(days.map((day) => [day.day, day]));
  const today = progress.to;
  let start = mondayOf(days[firstActiveIndex(days)].day);
  const lastMonday = mondayOf(days[days.length - 1].day);
  const earliest = addDays(lastMonday, -7 * (maxWeeks - 1));
  if (dayNumber(start) < dayNumber(earliest)) start = earliest;
  const weeks: CalendarWeek[] = [];
  for (let monday = start; dayNumber(monday) <= dayNumber(lastMonday); monday = addDays(monday, 7)) {
    const cells: (CalendarCell | null)[] = [];
    for (let offset = 0; offset < 7; offset++) {
      const found = byDay.get(addDays(monday, offset));
      if (!found) {
        cells.push(null);
        continue;
      }
      const status = dayStatus(found, today);
      cells.push({
        day: found.day,
        status,
        label: cellLabel(found, status),
        planned: found.planned_sessions,
        done: found.done_sessions,
        minutes: found.minutes,
        isToday: found.day === today,
        flare: found.flare,
      });
    }
    weeks.push({ start: monday, cells });
  }
  return weeks;
}

// ---- weekly sums ---------------------------------------------------------------------------------

export interface WeekTotals {
  start: Day;
  /** The last day of the week inside the document (today for the current week). */
  end: Day;
  minutes: number;
  done: number;
  planned: number;
}

/** Minutes and sessions per Monday-to-Sunday week, oldest first, from the first active week on. */
export function weeklyTotals(progress: Progress, maxWeeks = 12): WeekTotals[] {
  const totals: WeekTotals[] = [];
  for (const week of calendarWeeks(progress, maxWeeks)) {
    const cells = week.cells.filter((cell): cell is CalendarCell => cell !== null);
    if (cells.length === 0) continue;
    totals.push({
      start: week.start,
      end: cells[cells.length - 1].day,
      minutes: cells.reduce((sum, cell) => sum + cell.minutes, 0),
      done: cells.reduce((sum, cell) => sum + cell.done, 0),
      planned: cells.reduce((sum, cell) => sum + cell.planned, 0),
    });
  }
  return totals;
}

/**
 * `3 of 7 planned sessions done`, or what was done when nothing was planned; sessions beyond the
 * plan as `and N more` (`1 of 1 planned session done, and 2 more`), as the CLI says it.
 */
export function sessionsText(done: number, planned: number): string {
  if (planned === 0) return done === 0 ? 'No sessions planned' : `${plural(done, 'session')} done`;
  if (done <= planned) return `${done} of ${plural(planned, 'planned session')} done`;
  return `${planned} of ${plural(planned, 'planned session')} done, and ${done - planned} more`;
}

// ---- the pain chart ------------------------------------------------------------------------------

export interface PainSeries {
  /** Seconds since 1970 at noon UTC of each day, for the chart's x axis. */
  xs: number[];
  /** The day's mean rating, or null on a day without one. */
  pain: (number | null)[];
  /** The pain at the start, on every day (null when unknown), drawn as a flat line. */
  baseline: (number | null)[];
  /** The days with a rating, for the table that stands in for the chart. */
  rows: { day: Day; pain: number; flare: boolean }[];
}

/** The chart's series from the first active day (at least the last 14 days) to today. */
export function painSeries(progress: Progress, minDays = 14): PainSeries {
  const days = progress.days;
  const first = Math.max(0, Math.min(firstActiveIndex(days), days.length - minDays));
  const shown = days.slice(first);
  return {
    xs: shown.map((day) => dayNumber(day.day) * 86_400 + 43_200),
    pain: shown.map((day) => day.mean_pain),
    baseline: shown.map(() => progress.baseline_pain),
    rows: shown
      .filter((day) => day.mean_pain !== null)
      .map((day) => ({ day: day.day, pain: day.mean_pain as number, flare: day.flare })),
  };
}

/** The smallest change that matters, in words: `2 points, or 30 % of where you started,`. */
export function mcidWords(mcid: Mcid): string {
  const points = plural(mcid.points, 'point');
  return mcid.percent > 0 ? `${points}, or ${mcid.percent} % of where you started,` : points;
}

/** What the pain figures say: now against the start, and the engine's verdict on the change. */
export function painSummary(progress: Progress): string[] {
  const { baseline_pain: baseline, latest_pain: latest } = progress;
  if (latest === null) return [];
  const lines = [`Lately your pain averages ${oneDecimal(latest)} out of 10.`];
  if (baseline === null) return lines;
  lines[0] = `Lately your pain averages ${oneDecimal(latest)} out of 10, against ${oneDecimal(baseline)} when you started.`;
  const smallest = ` ${capitalise(mcidWords(progress.pain_mcid))} is the smallest change that matters.`;
  if (progress.pain_responder) lines.push(`That fall is a change that matters.${smallest}`);
  else if (latest < baseline) lines.push(`It is lower, though not yet by a change that matters.${smallest}`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- questionnaire scores ------------------------------------------------------------------------

export const INSTRUMENT_NAMES: Record<Instrument, string> = {
  odi: 'Oswestry Disability Index',
  rmdq: 'Roland-Morris Disability Questionnaire',
  startback: 'STarT Back',
};

/** The scores grouped by questionnaire, each group oldest first, in the order first seen. */
export function scoresByInstrument(scores: readonly ProgressScore[]): { instrument: Instrument; scores: ProgressScore[] }[] {
  const groups = new Map<Instrument, ProgressScore[]>();
  for (const score of scores) {
    const list = groups.get(score.instrument) ?? [];
    list.push(score);
    groups.set(score.instrument, list);
  }
  return [...groups].map(([instrument, list]) => ({
    instrument,
    scores: [...list].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id)),
  }));
}

/** A score's value as the questionnaire reports it: `34 %` for the ODI, `9 of 24` for the RMDQ. */
export function scoreValueText(score: { instrument: Instrument; value: number }): string {
  switch (score.instrument) {
    case 'odi':
      return `${oneDecimal(score.value)} %`;
    case 'rmdq':
      return `${oneDecimal(score.value)} of 24`;
    default:
      return `${oneDecimal(score.value)} of 9`;
  }
}

/**
 * The change since the first score in words, with the smallest change that matters when the
 * server sends it, and the engine's verdict (`responder`). Lower scores mean less difficulty.
 */
export function scoreChangeText(score: ProgressScore): string {
  if (score.change === null) return 'Your first score: later ones are compared with it.';
  const size = plural(Math.abs(Number(oneDecimal(score.change))), 'point');
  if (score.instrument === 'startback') {
    return score.change === 0 ? 'The same total as your first one.' : `${score.change < 0 ? 'Down' : 'Up'} ${size} since your first one.`;
  }
  const smallest = score.mcid ? ` ${capitalise(mcidWords(score.mcid))} is the smallest change that matters.` : '';
  if (score.change < 0) {
    const verdict = score.responder ? 'a change that matters' : 'not yet a change that matters';
    return `Improved by ${size} since your first score: ${verdict}.${smallest}`;
  }
  if (score.change > 0) return `${capitalise(size)} higher than your first score, which means more difficulty than at the start.${smallest}`;
  return `The same as your first score.${smallest}`;
}

// ---- the diary -----------------------------------------------------------------------------------

export type DiaryItem =
  | { kind: 'pain'; at: string; day: Day; entry: Pain }
  | { kind: 'session'; at: string; day: Day; session: Session };

/** Sessions and pain entries together, newest first. */
export function diaryItems(diary: Diary): DiaryItem[] {
  const items: DiaryItem[] = [
    ...diary.pain.map((entry): DiaryItem => ({ kind: 'pain', at: entry.at, day: entry.day, entry })),
    ...diary.sessions.map((session): DiaryItem => ({ kind: 'session', at: session.started_at, day: session.day, session })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const OUTCOME_WORDS: Record<Session['outcome'], string> = {
  completed: 'Session completed',
  quit: 'Session ended early',
  stopped: 'Session stopped to protect your back',
};

/** One line for a session: what happened, how long, and pain before and after. */
export function sessionLine(session: Session): string {
  const parts = [`${OUTCOME_WORDS[session.outcome]}: ${minutesText(session.active_ms)} of ${minutesText(session.planned_ms)}`];
  if (session.pain_before !== null && session.pain_after !== null) parts.push(`pain ${session.pain_before} before, ${session.pain_after} after`);
  else if (session.pain_before !== null) parts.push(`pain ${session.pain_before} before`);
  return `${parts.join('; ')}.`;
}

// ---- the weekly review ---------------------------------------------------------------------------

export type Tone = 'ok' | 'plain' | 'warn' | 'emergency';

/**
 * The headline of a review decision and how loudly to show it. Referral and stop are never quiet:
 * they come first and stand out. (Content describes each stage in a sentence, shown beneath.)
 */
export function decisionHeadline(decision: ReviewDecision): { text: string; tone: Tone } {
  switch (decision) {
    case 'progress':
      return { text: 'Move on to the next stage.', tone: 'ok' };
    case 'hold':
      return { text: 'Stay at this stage for another week.', tone: 'plain' };
    case 'regress':
      return { text: 'Step back a stage for now.', tone: 'warn' };
    case 'refer':
      return { text: 'Time to see a physical therapist.', tone: 'warn' };
    case 'stop':
      return { text: 'Stop the program: a warning sign needs attention first.', tone: 'emergency' };
  }
}

/** Whether today (the server's, from the progress document) is on or after the review's day. */
export function reviewOpen(reviewDueOn: Day, today: Day): boolean {
  return dayNumber(today) >= dayNumber(reviewDueOn);
}

/** `2026-03-09` out of the server's 409 message, when the program document is not at hand. */
export function dueDayFromMessage(message: string): Day | null {
  return /\b(\d{4}-\d{2}-\d{2})\b/.exec(message)?.[1] ?? null;
}

/** The week a review looked at, in one sentence. */
export function weekSummaryText(week: WeekSummary): string {
  const parts = [`From ${shortDay(week.from)} to ${shortDay(week.to)}: ${sessionsText(week.done_sessions, week.planned_sessions)}`];
  if (week.mean_pain !== null) {
    parts.push(
      week.mean_pain_last_week !== null
        ? `average pain ${oneDecimal(week.mean_pain)} (${oneDecimal(week.mean_pain_last_week)} the week before)`
        : `average pain ${oneDecimal(week.mean_pain)}`,
    );
  }
  parts.push(week.flares === 0 ? 'no flare-ups' : plural(week.flares, 'flare-up'));
  return `${parts.join('; ')}.`;
}

/** One exercise in "How the exercises felt": sessions per answer, in the order they are offered. */
export interface FeltRow {
  exercise: string;
  name: string;
  counts: { label: string; count: number }[];
  /** Sessions rated in all. */
  sessions: number;
  /** The latest answer, in words. */
  latest: string;
}

/** The progress document's `feedback`, in its order (first rated first), ready to show. */
export function feltRows(feedback: readonly ExerciseFeedback[]): FeltRow[] {
  return feedback.map((entry) => {
    const counts = RATINGS.map((choice) => ({ label: choice.label, count: entry[choice.rating] }));
    return {
      exercise: entry.exercise,
      name: entry.name,
      counts,
      sessions: counts.reduce((sum, c) => sum + c.count, 0),
      latest: ratingLabel(entry.latest),
    };
  });
}
