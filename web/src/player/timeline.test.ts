import { describe, expect, it } from 'vitest';
import { sampleSteps } from './fixtures';
import {
  BEFORE_START,
  breathAt,
  cuesBetween,
  cueToSound,
  endAt,
  hasBreathing,
  locate,
  markBefore,
  reanchor,
  START,
} from './timeline';

const steps = sampleSteps();

describe('locate', () => {
  it('finds the step and what is left of it at a session time', () => {
    expect(locate(steps, START, 0)).toMatchObject({ index: 0, elapsed: 0, remaining: 10000, ended: false, timelineMs: 0 });
    expect(locate(steps, START, 12500)).toMatchObject({ index: 1, elapsed: 2500, remaining: 2500, timelineMs: 12500 });
    expect(locate(steps, START, 24999)).toMatchObject({ index: 2, elapsed: 9999, remaining: 1 });
  });

  it('ends a step exactly when its time is up, as the engine does', () => {
    expect(locate(steps, START, 10000)).toMatchObject({ index: 1, elapsed: 0 });
    expect(locate(steps, START, 30000)).toMatchObject({ index: 4, ended: true, remaining: 0, timelineMs: 30000 });
    expect(locate(steps, START, 99999).ended).toBe(true);
  });

  it('stands still while paused and goes on from the same point after a resume', () => {
    const paused = reanchor(steps, START, 12000, true);
    expect(paused).toEqual({ at: 12000, index: 1, elapsed: 2000, paused: true });
    expect(locate(steps, paused, 50000)).toMatchObject({ index: 1, elapsed: 2000 });
    const resumed = reanchor(steps, paused, 50000, false);
    expect(locate(steps, resumed, 53500)).toMatchObject({ index: 2, elapsed: 500 });
  });

  it('passes steps of no length straight through', () => {
    const withEmpty = [steps[0], { ...steps[1], duration_ms: 0 }, steps[2]];
    expect(locate(withEmpty, START, 10000)).toMatchObject({ index: 2, elapsed: 0 });
  });

  it('never moves backward from its anchor', () => {
    const anchor = { at: 5000, index: 1, elapsed: 1000, paused: false };
    expect(locate(steps, anchor, 3000)).toMatchObject({ index: 1, elapsed: 1000 });
  });
});

describe('endAt', () => {
  it('is the exact session time the steps run out, pauses included', () => {
    expect(endAt(steps, START)).toBe(30000);
    const resumed = { at: 50000, index: 1, elapsed: 2000, paused: false };
    expect(endAt(steps, resumed)).toBe(50000 + 3000 + 10000 + 5000);
    expect(endAt(steps, { ...resumed, paused: true })).toBeNull();
  });
});

describe('cuesBetween', () => {
  it('gives each cue once when collected frame by frame', () => {
    let mark = BEFORE_START;
    const heard: string[] = [];
    for (let t = 0; t <= 31000; t += 16.7) {
      const position = locate(steps, START, t);
      for (const due of cuesBetween(steps, mark, position)) heard.push(`${due.index}:${due.cue.kind}:${due.cue.at_ms}`);
      mark = { index: position.index, elapsed: position.elapsed };
    }
    expect(heard).toEqual([
      '0:bell:0',
      '0:countdown:7000',
      '0:countdown:8000',
      '0:countdown:9000',
      '1:bell:0',
      '2:bell:0',
      '2:breathe_in:0',
      '2:breathe_out:4000',
      '3:bell:0',
    ]);
  });

  it('collects everything passed in one late frame, saying how late each is', () => {
    const due = cuesBetween(steps, { index: 0, elapsed: 5000 }, locate(steps, START, 15000));
    expect(due.map((d) => [d.index, d.cue.at_ms, d.lateMs])).toEqual([
      [0, 7000, 8000],
      [0, 8000, 7000],
      [0, 9000, 6000],
      [1, 0, 5000],
      // Step 2 begins exactly at 15 s: its cues at 0 ms are due, not late.
      [2, 0, 0],
      [2, 0, 0],
    ]);
  });

  it('hears the cue at a new anchor (markBefore), not the ones before it', () => {
    const due = cuesBetween(steps, markBefore(2, 0), locate(steps, { at: 0, index: 2, elapsed: 0, paused: false }, 0));
    expect(due.map((d) => d.cue.kind)).toEqual(['bell', 'breathe_in']);
  });
});

describe('cueToSound', () => {
  const due = cuesBetween(steps, BEFORE_START, locate(steps, START, 9500));
  it('sounds only the last cue, and only when it is fresh in real time', () => {
    expect(cueToSound(due, 1)?.cue.at_ms).toBe(9000);
    // The same frame after the tab slept: everything is stale, nothing sounds.
    const late = cuesBetween(steps, BEFORE_START, locate(steps, START, 9000 + 5000));
    expect(cueToSound(late.filter((d) => d.index === 0), 1)).toBeNull();
  });
  it('measures freshness in real time at a fast test clock', () => {
    // 500 ms of session time late is 8 ms of real time at 60x: fresh.
    expect(cueToSound(due, 60, 100)?.cue.at_ms).toBe(9000);
    expect(cueToSound(due, 1, 100)).toBeNull();
  });
});

describe('breathAt', () => {
  it('follows the breathe cues of the step', () => {
    expect(breathAt(steps[2], 0)).toEqual({ kind: 'in', text: 'Breathe in', startMs: 0, lengthMs: 4000 });
    expect(breathAt(steps[2], 3999)?.kind).toBe('in');
    expect(breathAt(steps[2], 4000)).toEqual({ kind: 'out', text: 'Breathe out', startMs: 4000, lengthMs: 6000 });
    expect(breathAt(steps[1], 100)).toBeNull();
    expect(breathAt(undefined, 0)).toBeNull();
    expect(hasBreathing(steps[2])).toBe(true);
    expect(hasBreathing(steps[0])).toBe(false);
  });
});
