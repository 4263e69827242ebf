import { describe, expect, it } from 'vitest';
import { storedSession } from '../api/fixtures';
import type { Replay, StopOutcome } from '../api/types';
import { sampleSteps } from './fixtures';
import {
  applyReplay,
  isPaused,
  pause,
  playedSession,
  quit,
  replayRequest,
  resume,
  settle,
  startPlay,
  stopOffline,
  undoLast,
  withControl,
  withdrawLast,
} from './play';
import { locate } from './timeline';

const steps = sampleSteps();

function replay(partial: Omit<Partial<Replay>, 'view'> & { view: Partial<Replay['view']> }): Replay {
  return {
    steps: partial.steps ?? steps,
    stops: partial.stops ?? [],
    refused: partial.refused ?? [],
    session: partial.session ?? storedSession(),
    view: {
      step_index: 0,
      step_elapsed_ms: 0,
      step_remaining_ms: 0,
      session_elapsed_ms: 0,
      session_remaining_ms: 0,
      paused: false,
      ended: false,
      ...partial.view,
    },
  };
}

const sharp: StopOutcome = {
  reason: 'sharp_pain',
  text: 'Stop this exercise now.',
  exercise: 'cat_cow',
  session_ended: false,
  suspended: [],
  advice: [],
  rescreen: false,
};

describe('a played session', () => {
  it('ends exactly when the steps run out, for the record', () => {
    const state = settle(startPlay(steps), 30016.7);
    expect(state.endedMs).toBe(30000);
    expect(playedSession(state, '2026-03-02T07:45:00Z', 4, 3)).toEqual({
      started_at: '2026-03-02T07:45:00Z',
      pain_before: 4,
      pain_after: 3,
      controls: [],
      ended_ms: 30000,
    });
    expect(settle(startPlay(steps), 29999).endedMs).toBeNull();
  });

  it('records pause and resume in whole milliseconds and moves the end by the pause', () => {
    let state = pause(startPlay(steps), 12000.4);
    expect(isPaused(state)).toBe(true);
    expect(pause(state, 13000)).toBe(state); // pausing twice does nothing
    state = resume(state, 20000.6);
    expect(state.controls).toEqual([
      { at_ms: 12000, control: 'pause' },
      { at_ms: 20001, control: 'resume' },
    ]);
    state = settle(state, 40000);
    expect(state.endedMs).toBe(30000 + 8001);
  });

  it('keeps control times in order', () => {
    const state = withControl(pause(startPlay(steps), 5000), { at_ms: 4999, control: 'skip' });
    expect(state.controls.map((c) => c.at_ms)).toEqual([5000, 5000]);
  });

  it('asks the engine with every control so far, up to the last', () => {
    const state = withControl(pause(startPlay(steps), 5000), { at_ms: 6000, control: 'skip' });
    expect(replayRequest(state)).toEqual({
      controls: [
        { at_ms: 5000, control: 'pause' },
        { at_ms: 6000, control: 'skip' },
      ],
      until_ms: 6000,
    });
  });

  it("takes the engine's steps and position after a control", () => {
    const rebuilt = steps.slice(0, 2).concat(steps.slice(3));
    const state = withControl(startPlay(steps), { at_ms: 16000, control: 'skip' });
    const applied = applyReplay(state, replay({ steps: rebuilt, view: { step_index: 2, step_elapsed_ms: 0 } }));
    expect(applied.refused).toBeNull();
    expect(applied.state.steps).toBe(rebuilt);
    expect(applied.state.anchor).toEqual({ at: 16000, index: 2, elapsed: 0, paused: false });
    expect(locate(applied.state.steps, applied.state.anchor, 18000)).toMatchObject({ index: 2, elapsed: 2000 });
    expect(applied.state.controls).toHaveLength(1);
  });

  it('takes a refused control back out, with the engine words', () => {
    const state = withControl(startPlay(steps), { at_ms: 3000, control: 'swap' });
    const applied = applyReplay(
      state,
      replay({ refused: [{ control: 0, message: 'Cat-cow has no easier version' }], view: { step_index: 0, step_elapsed_ms: 3000 } }),
    );
    expect(applied.refused).toBe('Cat-cow has no easier version');
    expect(applied.state.controls).toEqual([]);
  });

  it('ends the session where the engine says a stop ends it, and reports only new stops', () => {
    const first = applyReplay(
      withControl(startPlay(steps), { at_ms: 16000, control: 'stop', reason: 'mild_discomfort' }),
      replay({ stops: [sharp], view: { step_index: 2, step_elapsed_ms: 1000 } }),
    );
    expect(first.newStops).toEqual([sharp]);
    expect(first.state.endedMs).toBeNull();
    const ended = { ...sharp, reason: 'dizziness', session_ended: true };
    const second = applyReplay(
      withControl(first.state, { at_ms: 20000, control: 'stop', reason: 'dizziness' }),
      replay({ stops: [sharp, ended], view: { step_index: 2, step_elapsed_ms: 5000, ended: true } }),
    );
    expect(second.newStops).toEqual([ended]);
    expect(second.state.endedMs).toBe(20000);
    expect(second.state.stops).toHaveLength(2);
  });

  it('with no engine to ask, a stop ends the session there and is kept for the record', () => {
    let state = withControl(startPlay(steps), { at_ms: 16000, control: 'stop', reason: 'sharp_pain' });
    state = stopOffline(withdrawLast(state), 'sharp_pain', 16000);
    expect(state.endedMs).toBe(16000);
    expect(state.offlineStops).toEqual(['sharp_pain']);
    expect(playedSession(state, 's', 5, null)).toMatchObject({
      controls: [{ at_ms: 16000, control: 'stop', reason: 'sharp_pain' }],
      ended_ms: 16000,
    });
  });

  it('quits keeping what was done', () => {
    const state = quit(startPlay(steps), 7000);
    expect(state.endedMs).toBe(7000);
    expect(state.controls).toEqual([{ at_ms: 7000, control: 'quit' }]);
    expect(quit(state, 9000)).toBe(state);
  });
});

describe('undoing a skip', () => {
  it('takes the skip out and replays the rest up to now, anchored there', () => {
    const skipped = withControl(startPlay(steps), { at_ms: 5000, control: 'skip' });
    const { state, at } = undoLast(skipped, 7400.4);
    expect(state.controls).toEqual([]);
    expect(at).toBe(7400);
    expect(replayRequest(state, at)).toEqual({ controls: [], until_ms: 7400 });
    // The engine's answer: the first step again, 7.4 s in; nothing is new, so nothing is refused.
    const applied = applyReplay(
      state,
      replay({ view: { step_index: 0, step_elapsed_ms: 7400 }, refused: [{ control: -1, message: 'x' }] }),
      at,
    );
    expect(applied.refused).toBeNull();
    expect(applied.state.anchor).toEqual({ at: 7400, index: 0, elapsed: 7400, paused: false });
  });
});
