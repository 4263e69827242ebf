// Today's card in numbers, read off the session the engine built: how long it is, how many
// exercises it holds and what was set aside. Counting only: the session itself decides all of it.
import type { CurrentProgram, TodaySession } from '../../api/types';

export interface TodayCard {
  /** Whole minutes, at least 1 for any session with steps. */
  minutes: number;
  /** Distinct exercises in the timeline, in order of first appearance. */
  exercises: string[];
  /** Names of the exercises set aside until the next review (the id where no name is known). */
  suspended: string[];
}

export function todayCard(session: TodaySession, program: CurrentProgram | null): TodayCard {
  const exercises: string[] = [];
  for (const step of session.timeline.steps) {
    if (step.exercise && !exercises.includes(step.exercise)) exercises.push(step.exercise);
  }
  const total = session.timeline.total_ms;
  const minutes = total > 0 ? Math.max(1, Math.round(total / 60000)) : 0;
  const names = new Map((program?.plan.program?.routine ?? []).map((entry) => [entry.exercise, entry.name]));
  return { minutes, exercises, suspended: session.suspended.map((id) => names.get(id) ?? id.replace(/_/g, ' ')) };
}

/** A day (`2026-03-09`) in the person's words, read as a calendar day whatever the time zone. */
export function dayWords(day: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** "1 exercise", "4 exercises". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Whether today's planned sessions are all done (a day that plans none is never "done"). */
export function doneForToday(session: TodaySession): boolean {
  const { sessions_done: done, sessions_planned: planned } = session.today;
  return planned > 0 && done >= planned;
}
