import { describe, expect, it } from 'vitest';
import type { TimelineStep } from '../../api/types';
import { step } from '../../player/fixtures';
import { START } from '../../player/timeline';
import { choose, RATINGS, ratingLabel, ratingPath, ratingStatus, reachedExercises, settle, UNRATED } from './ratings';

/** get ready 10 s, then cat_cow (position 5 s, hold 10 s), bird_dog (5 + 10 s), cat_cow again (10 s). */
function steps(): TimelineStep[] {
  const list = [
    step('get_ready', 10000),
    step('position', 5000, [], { exercise: 'cat_cow' }),
    step('hold', 10000, [], { exercise: 'cat_cow' }),
    step('rest', 5000, [], { exercise: null }),
    step('position', 5000, [], { exercise: 'bird_dog' }),
    step('hold', 10000, [], { exercise: 'bird_dog' }),
    step('finish_hold', 10000, [], { exercise: 'cat_cow' }),
  ];
  let start = 0;
  for (const s of list) {
    s.start_ms = start;
    start += s.duration_ms;
  }
  return list;
}

describe('the answers', () => {
  it('offers four, in order, in plain words', () => {
    expect(RATINGS.map((choice) => choice.label)).toEqual(['Too easy', 'About right', 'Too hard', 'It hurt']);
    expect(RATINGS.map((choice) => choice.rating)).toEqual(['too_easy', 'right', 'too_hard', 'hurt']);
    expect(ratingLabel('hurt')).toBe('It hurt');
    expect(ratingLabel('right')).toBe('About right');
  });

  it('sends each to its session and exercise', () => {
    expect(ratingPath(12, 'cat_cow')).toBe('/api/v1/sessions/12/feedback/cat_cow');
    expect(ratingPath(3, 'a b')).toBe('/api/v1/sessions/3/feedback/a%20b');
  });
});

describe('reachedExercises', () => {
  it('lists every exercise of a whole session once, in order, and no step without one', () => {
    expect(reachedExercises({ steps: steps(), anchor: START, endedMs: 55000 })).toEqual(['cat_cow', 'bird_dog']);
  });

  it('leaves out what an early end never reached', () => {
    // Ended 2 s into the rest after cat_cow.
    expect(reachedExercises({ steps: steps(), anchor: START, endedMs: 27000 })).toEqual(['cat_cow']);
    // Ended on the very first moment of bird_dog's position: not begun.
    expect(reachedExercises({ steps: steps(), anchor: START, endedMs: 30000 })).toEqual(['cat_cow']);
    // A second into it: begun, so it counts.
    expect(reachedExercises({ steps: steps(), anchor: START, endedMs: 31000 })).toEqual(['cat_cow', 'bird_dog']);
    // Ended in get ready: nothing to ask about.
    expect(reachedExercises({ steps: steps(), anchor: START, endedMs: 4000 })).toEqual([]);
  });

  it('reads the end from the last anchor (a pause or the engine after a stop)', () => {
    // Paused 20 s in bird_dog's hold, then ended there.
    const anchor = { at: 60000, index: 5, elapsed: 2000, paused: true };
    expect(reachedExercises({ steps: steps(), anchor, endedMs: 80000 })).toEqual(['cat_cow', 'bird_dog']);
  });

  it('asks about everything when the end is not known', () => {
    expect(reachedExercises({ steps: steps(), anchor: START, endedMs: null })).toEqual(['cat_cow', 'bird_dog']);
  });
});

describe('one exercise being rated', () => {
  it('shows the choice at once and says when it is saved', () => {
    const sending = choose(UNRATED, 'too_hard');
    expect(sending).toMatchObject({ chosen: 'too_hard', status: 'saving', send: 1 });
    expect(ratingStatus(sending)).toBe('Saving…');
    const saved = settle(sending, 1, { saved: 'too_hard' });
    expect(saved).toMatchObject({ chosen: 'too_hard', saved: 'too_hard', status: 'saved' });
    expect(ratingStatus(saved)).toBe('Saved: Too hard.');
    expect(ratingStatus(UNRATED)).toBe('');
  });

  it('ignores the answer to a choice already changed', () => {
    const first = choose(UNRATED, 'too_hard');
    const second = choose(first, 'hurt');
    // The second answer comes first, then the first one's late answer.
    const saved = settle(second, 2, { saved: 'hurt' });
    expect(settle(saved, 1, { saved: 'too_hard' })).toBe(saved);
    expect(saved.saved).toBe('hurt');
    // A late failure of the older send does not mark the newer one as failed either.
    expect(settle(second, 1, { error: new Error('offline') })).toBe(second);
  });

  it('keeps the choice when sending fails, so it can be sent again', () => {
    const error = new Error('Could not reach Unload.');
    const failed = settle(choose(UNRATED, 'right'), 1, { error });
    expect(failed).toMatchObject({ chosen: 'right', saved: null, status: 'error', error });
    expect(ratingStatus(failed)).toBe('Not saved yet.');
    const again = choose(failed, 'right');
    expect(again).toMatchObject({ status: 'saving', error: null, send: 2 });
  });
});
