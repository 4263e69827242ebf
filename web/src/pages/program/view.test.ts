import { describe, expect, it } from 'vitest';
import type { ExerciseModification } from '../../api/types';
import { comingWeeks, dayWords, evidenceWords, label, modificationTexts, offerWords, readableReference, replacedName, howToFor } from './view';

/** A change as an exercise document carries it: no position of its own, nothing left out. */
function change(id: string, text: string, extra: Partial<ExerciseModification> = {}): ExerciseModification {
  return { id, text, position: null, leaves_out_steps: [], leaves_out_finish_hold: false, ...extra };
}

describe('modificationTexts', () => {
  const entry = { exercise: 'childs_pose', modifications: ['pillow_under_hips', 'slow_start', 'mystery'] };
  const screening = {
    modified: [
      { item: 'childs_pose', modification: 'pillow_under_hips', rule: 'knee_comfort', because: ['knee_sensitivity'], text: 'Screening words.' },
      { item: 'cat_cow', modification: 'slow_start', rule: 'x', because: [], text: 'For another exercise.' },
    ],
  };
  const exercise = {
    modifications: [change('pillow_under_hips', 'Exercise words.'), change('slow_start', 'Start slowly.')],
  };
  it("prefers screening's words for this exercise, then the exercise's, then the id", () => {
    expect(modificationTexts(entry, screening, exercise)).toEqual([
      { id: 'pillow_under_hips', text: 'Screening words.' },
      { id: 'slow_start', text: 'Start slowly.' },
      { id: 'mystery', text: 'Mystery' },
    ]);
  });
  it('keeps every modification while the exercise is loading', () => {
    expect(modificationTexts(entry, null, null).map((m) => m.text)).toEqual(['Pillow under hips', 'Slow start', 'Mystery']);
  });
});

describe('label', () => {
  it('turns an id into a label', () => {
    expect(label('warm_up')).toBe('Warm up');
  });
});

describe('dayWords', () => {
  it('reads an ISO day in local time without shifting it', () => {
    expect(dayWords('2026-03-09', 'en-GB')).toBe('Monday 9 March');
  });
  it('returns anything else unchanged', () => {
    expect(dayWords('soon')).toBe('soon');
  });
});

describe('comingWeeks', () => {
  it('lists the weeks after this one', () => {
    expect(comingWeeks(2, 3)).toEqual([3, 4, 5]);
    expect(comingWeeks(2, 0)).toEqual([]);
  });
});

describe('readableReference', () => {
  it('keeps a citation and drops a bare file name', () => {
    expect(readableReference('Finucane LM, et al. J Orthop Sports Phys Ther. 2020;50(7):350-372.')).toContain('Finucane');
    expect(readableReference('000_7810eb654aaa34af.txt')).toBeNull();
    expect(readableReference('  ')).toBeNull();
  });
});

describe('evidenceWords', () => {
  it('says how much research there is and which way it points', () => {
    expect(evidenceWords('moderate', 'helps')).toEqual([
      'There is a fair amount of research behind this.',
      'What there is points to it helping.',
    ]);
  });
  it('says that thin support is not a risk', () => {
    const words = evidenceWords('low', 'unclear');
    expect(words[0]).toBe('There is some research, but not enough to be sure.');
    expect(words[1]).toBe('It does not yet point clearly either way.');
    expect(words[2]).toMatch(/not that the exercise is unsafe/);
  });
  it('gives no comfort about safety where the research points to no difference', () => {
    expect(evidenceWords('low', 'no_difference')).toEqual([
      'There is some research, but not enough to be sure.',
      'What there is points to it making little or no difference.',
    ]);
  });
  it('reads an unknown word as a label rather than failing', () => {
    expect(evidenceWords('sparse', 'sideways')).toEqual(['Sparse', 'Sideways']);
  });
});

describe('howToFor', () => {
  const knee = {
    position: 'On your back with knees bent',
    steps: ['Lie down.', 'One knee in.', 'Lower it.', 'Other leg.', 'Both knees in and rock.', 'Finish.'],
    modifications: [
      change('single_knee_only', 'One knee at a time only.', { leaves_out_steps: [5], leaves_out_finish_hold: true }),
      change('side_lying', 'On your side.', { position: 'On your side', leaves_out_steps: [1] }),
      change('towel', 'Use a towel.'),
    ],
  };

  it('leaves out the steps a change forbids, and only for the changes applied', () => {
    expect(howToFor(knee, ['single_knee_only']).steps).not.toContain('Both knees in and rock.');
    expect(howToFor(knee, ['single_knee_only']).steps).toHaveLength(5);
    expect(howToFor(knee, []).steps).toEqual(knee.steps);
    expect(howToFor(knee, ['towel']).steps).toEqual(knee.steps);
  });

  it("starts from a change's own position where it has one", () => {
    expect(howToFor(knee, ['side_lying'])).toEqual({ position: 'On your side', steps: knee.steps.slice(1) });
    expect(howToFor(knee, ['single_knee_only']).position).toBe('On your back with knees bent');
  });
});

describe('a harder or easier version', () => {
  it("says which of the routine's own exercises one plays in place of", () => {
    expect(replacedName({ replaces: 'cat_cow', replaces_name: 'Cat-cow' })).toBe('Cat-cow');
    expect(replacedName({ replaces: 'cat_cow', replaces_name: null })).toBe('Cat cow');
    expect(replacedName({ replaces: null, replaces_name: null })).toBeNull();
  });

  it('offers the harder version as a question, with the choice left to the person', () => {
    const words = offerWords({ exercise: 'cat_cow', name: 'Cat-cow', harder: 'bird_dog', harder_name: 'Bird dog' });
    expect(words.question).toBe('Cat-cow felt too easy lately. Ready for Bird dog?');
    expect(words.button).toBe('Try Bird dog instead');
    expect(words.optional).toContain('Cat-cow stays');
    expect(words.taken).toBe('Bird dog is in your routine now, in place of Cat-cow.');
  });
});
