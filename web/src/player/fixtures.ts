// A small timeline shaped like the engine's, for the player's tests.
import type { Cue, TimelineStep } from '../api/types';

export function step(kind: TimelineStep['kind'], duration: number, cues: Cue[] = [], extra: Partial<TimelineStep> = {}): TimelineStep {
  return {
    kind,
    exercise: kind === 'get_ready' ? null : 'cat_cow',
    modifications: [],
    side: null,
    rep: 0,
    reps: 0,
    round: 0,
    rounds: 0,
    start_ms: 0,
    duration_ms: duration,
    title: kind,
    text: `${kind} text`,
    cues,
    ...extra,
  };
}

/** Get ready 10 s, position 5 s, hold 10 s (in 4 s / out 6 s), side switch 5 s. */
export function sampleSteps(): TimelineStep[] {
  const steps = [
    step('get_ready', 10000, [
      { at_ms: 0, kind: 'bell', text: 'Get ready' },
      { at_ms: 7000, kind: 'countdown', text: '3' },
      { at_ms: 8000, kind: 'countdown', text: '2' },
      { at_ms: 9000, kind: 'countdown', text: '1' },
    ]),
    step('position', 5000, [{ at_ms: 0, kind: 'bell', text: 'Get into position' }]),
    step(
      'hold',
      10000,
      [
        { at_ms: 0, kind: 'bell', text: 'Hold' },
        { at_ms: 0, kind: 'breathe_in', text: 'Breathe in' },
        { at_ms: 4000, kind: 'breathe_out', text: 'Breathe out' },
      ],
      { rep: 1, reps: 2, round: 1, rounds: 2, side: 'left' },
    ),
    step('side_switch', 5000, [{ at_ms: 0, kind: 'bell', text: 'Switch sides' }]),
  ];
  let start = 0;
  for (const s of steps) {
    s.start_ms = start;
    start += s.duration_ms;
  }
  return steps;
}
