import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../api/types';
import { groupExercises, isRejected, personalTag, phaseWords, shownUnder } from './logic';

type Direction = Exercise['evidence']['direction'];

const ev = (direction: Direction): Exercise['evidence'] => ({ strength: 'low', direction, summary: '', references: [] });
const entry = (id: string, phase: Exercise['phase'], direction: Direction) => ({ id, phase, evidence: ev(direction) });

describe('isRejected', () => {
  it('rejects clinic techniques and those shown to make no difference or to harm', () => {
    expect(isRejected({ phase: 'clinic', evidence: ev('unclear') })).toBe(true);
    expect(isRejected({ phase: 'relief', evidence: ev('no_difference') })).toBe(true);
    expect(isRejected({ phase: 'strength', evidence: ev('harms') })).toBe(true);
    expect(isRejected({ phase: 'relief', evidence: ev('unclear') })).toBe(false);
    expect(isRejected({ phase: 'strength', evidence: ev('helps') })).toBe(false);
  });
});

describe('groupExercises', () => {
  const list = [
    entry('a', 'strength', 'helps'),
    entry('b', 'clinic', 'no_difference'),
    entry('c', 'relief', 'unclear'),
    // A phase this app does not know yet (a newer server's).
    entry('d', 'odd' as Exercise['phase'], 'unclear'),
    entry('e', 'relief', 'unclear'),
    entry('f', 'warm_up', 'unclear'),
  ];
  it('orders phases as a program meets them, unknown ones last, and keeps rejected apart', () => {
    const library = groupExercises(list);
    expect(library.groups.map((group) => group.phase)).toEqual(['warm_up', 'relief', 'strength', 'odd']);
    expect(library.groups[1].exercises.map((e) => e.id)).toEqual(['c', 'e']);
    expect(library.rejected.map((e) => e.id)).toEqual(['b']);
  });
});

describe('personalTag', () => {
  const plan = {
    screening: {
      verdict: 'caution' as const,
      headline: '',
      warnings: [],
      excluded: [
        { item: 'twist', rule: 'bone', because: ['osteoporosis'], text: 'Fragile bones.' },
        { item: 'twist', rule: 'other', because: ['steroids'], text: 'Fragile bones.' },
      ],
      modified: [],
      advice: [],
      bias: 'neutral' as const,
    },
    program: {
      routine: [{ exercise: 'bridge' }],
      left_out: [{ exercise: 'hang', because: ['no_pull_up_bar'] }],
    } as never,
  };
  it('says what the plan does with an exercise', () => {
    expect(personalTag('bridge', plan)).toEqual({ kind: 'routine' });
    expect(personalTag('twist', plan)).toEqual({ kind: 'left_out', text: 'Fragile bones.', because: ['osteoporosis', 'steroids'] });
    expect(personalTag('hang', plan)).toEqual({ kind: 'left_out', text: null, because: ['no_pull_up_bar'] });
    expect(personalTag('plank', plan)).toBeNull();
    expect(personalTag('bridge', null)).toBeNull();
  });
  it('still reads screening when screening withheld the program', () => {
    expect(personalTag('twist', { ...plan, program: null })?.kind).toBe('left_out');
    expect(personalTag('bridge', { ...plan, program: null })).toBeNull();
  });
});

describe('shownUnder', () => {
  const relief = entry('relief', 'relief', 'unclear');
  const clinic = entry('clinic', 'clinic', 'no_difference');
  it('filters by phase, by the plan, and the rejected group', () => {
    expect(shownUnder('all', clinic, null)).toBe(true);
    expect(shownUnder('phase:relief', relief, null)).toBe(true);
    expect(shownUnder('phase:clinic', clinic, null)).toBe(false);
    expect(shownUnder('rejected', clinic, null)).toBe(true);
    expect(shownUnder('rejected', relief, null)).toBe(false);
    expect(shownUnder('routine', relief, { kind: 'routine' })).toBe(true);
    expect(shownUnder('left_out', relief, { kind: 'routine' })).toBe(false);
    expect(shownUnder('left_out', clinic, { kind: 'left_out', text: null, because: [] })).toBe(false);
  });
});

describe('phaseWords', () => {
  it('explains known phases and labels unknown ones', () => {
    expect(phaseWords('relief').line).toBeTruthy();
    expect(phaseWords('new_phase')).toEqual({ title: 'New phase', line: null });
  });
});
