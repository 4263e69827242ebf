import { describe, expect, it } from 'vitest';
import { currentProgram, plan, program as weekProgram, routineEntry, todaySession } from '../../api/fixtures';
import type { TodaySession } from '../../api/types';
import { step } from '../../player/fixtures';
import { dayWords, doneForToday, plural, todayCard } from './today';

const session = (change: Partial<TodaySession> = {}): TodaySession =>
  todaySession({
    timeline: {
      total_ms: 12 * 60000 + 20000,
      steps: [
        step('get_ready', 10000),
        step('hold', 240000, [], { exercise: 'ninety_ninety' }),
        step('rep', 5000, [], { exercise: 'cat_cow' }),
        step('rep', 5000, [], { exercise: 'cat_cow' }),
        step('hold', 60000, [], { exercise: 'childs_pose' }),
      ],
    },
    ...change,
  });

const program = currentProgram({
  plan: plan({
    program: weekProgram({
      routine: [routineEntry('ninety_ninety', '90-90 rest'), routineEntry('knee_to_chest', 'Knee to chest')],
    }),
  }),
});

describe('todayCard', () => {
  it('counts minutes and each exercise once, in order', () => {
    const card = todayCard(session(), program);
    expect(card.minutes).toBe(12);
    expect(card.exercises).toEqual(['ninety_ninety', 'cat_cow', 'childs_pose']);
  });
  it('shows at least a minute for a short session and none for an empty one', () => {
    expect(todayCard(session({ timeline: { total_ms: 20000, steps: [] } }), program).minutes).toBe(1);
    expect(todayCard(session({ timeline: { total_ms: 0, steps: [] } }), program).minutes).toBe(0);
  });
  it('names the exercises set aside, falling back to the id in words', () => {
    const card = todayCard(session({ suspended: ['knee_to_chest', 'side_plank'] }), program);
    expect(card.suspended).toEqual(['Knee to chest', 'side plank']);
  });
});

describe('words', () => {
  it('reads a day as a calendar day', () => {
    expect(dayWords('2026-03-09', 'en-GB')).toBe('Monday 9 March');
    expect(dayWords('soon')).toBe('soon');
  });
  it('says one or many', () => {
    expect(plural(1, 'exercise', 'exercises')).toBe('1 exercise');
    expect(plural(4, 'exercise', 'exercises')).toBe('4 exercises');
  });
});

describe('doneForToday', () => {
  const on = (done: number, planned: number) => session({ today: { day: '2026-03-02', sessions_done: done, sessions_planned: planned } });
  it('is done once the planned sessions are, and stays done after extra ones', () => {
    expect(doneForToday(on(0, 2))).toBe(false);
    expect(doneForToday(on(1, 2))).toBe(false);
    expect(doneForToday(on(2, 2))).toBe(true);
    expect(doneForToday(on(3, 2))).toBe(true);
  });
  it('is never done on a day that plans no session', () => {
    expect(doneForToday(on(0, 0))).toBe(false);
    expect(doneForToday(on(1, 0))).toBe(false);
  });
});
