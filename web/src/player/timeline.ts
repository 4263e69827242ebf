// Where the session stands at a session time, derived from the engine's steps and one anchor:
// "at session time `at`, step `index` had run `elapsed` ms". The first anchor is the start (step 0,
// nothing elapsed); a pause or resume moves it without touching the steps; after a skip, swap or
// stop the engine's replay gives the new steps and a new anchor. Everything here is a pure function
// of (steps, anchor, time), so the countdown is recomputed every frame instead of being
// decremented, and a frame that comes late simply lands further along.
import type { Cue, TimelineStep } from '../api/types';

export interface Anchor {
  /** Session time of the anchor, pauses included. */
  at: number;
  index: number;
  /** Milliseconds of step `index` already played at `at`. */
  elapsed: number;
  paused: boolean;
}

export interface Position {
  /** The current step; `steps.length` once the session has ended. */
  index: number;
  elapsed: number;
  /** Milliseconds left in the current step. */
  remaining: number;
  ended: boolean;
  /** Active (unpaused) timeline milliseconds from the start of `steps` to here. */
  timelineMs: number;
}

export const START: Anchor = { at: 0, index: 0, elapsed: 0, paused: false };

function stepStart(steps: readonly TimelineStep[], index: number): number {
  let total = 0;
  for (let i = 0; i < index && i < steps.length; i++) total += steps[i].duration_ms;
  return total;
}

/** The position at session time `t` (never before the anchor: time does not run backward). */
export function locate(steps: readonly TimelineStep[], anchor: Anchor, t: number): Position {
  let index = anchor.index;
  let elapsed = anchor.elapsed + (anchor.paused ? 0 : Math.max(0, t - anchor.at));
  // A step ends exactly `duration_ms` after it began, as in the engine, so a step whose time is
  // exactly up is over; steps of no length are passed straight through.
  while (index < steps.length && elapsed >= steps[index].duration_ms) {
    elapsed -= steps[index].duration_ms;
    index++;
  }
  if (index >= steps.length) {
    const total = stepStart(steps, steps.length);
    return { index: steps.length, elapsed: 0, remaining: 0, ended: true, timelineMs: total };
  }
  return {
    index,
    elapsed,
    remaining: steps[index].duration_ms - elapsed,
    ended: false,
    timelineMs: stepStart(steps, index) + elapsed,
  };
}

/** The anchor after a pause (`paused` true) or a resume at session time `t`. */
export function reanchor(steps: readonly TimelineStep[], anchor: Anchor, t: number, paused: boolean): Anchor {
  const position = locate(steps, anchor, t);
  return { at: t, index: position.index, elapsed: position.elapsed, paused };
}

/**
 * The session time at which the steps run out if nothing else happens, or null while paused. In
 * whole milliseconds when the anchor's numbers are whole, so the session's `ended_ms` is exact.
 */
export function endAt(steps: readonly TimelineStep[], anchor: Anchor): number | null {
  if (anchor.paused) return null;
  let left = -anchor.elapsed;
  for (let i = anchor.index; i < steps.length; i++) left += steps[i].duration_ms;
  return anchor.at + Math.max(0, left);
}

/** A cue that fell due, with how long ago (in timeline ms) it did. */
export interface DueCue {
  index: number;
  cue: Cue;
  /** Timeline milliseconds between the cue's moment and the position it was collected at. */
  lateMs: number;
}

/** A point on the steps: step `index`, `elapsed` ms into it. */
export interface Mark {
  index: number;
  elapsed: number;
}

/** Before anything: a cue at 0 ms of the first step is still to come. */
export const BEFORE_START: Mark = { index: 0, elapsed: -1 };

/** The mark just before `position`, so that a cue exactly at `position` still falls due. */
export function markBefore(index: number, elapsed: number): Mark {
  return { index, elapsed: elapsed - 1 };
}

/**
 * The cues after `from` (exclusive) up to `to` (inclusive), in order. Each cue falls due once: a
 * player that collects from its last mark to the current position never gets one twice.
 */
export function cuesBetween(steps: readonly TimelineStep[], from: Mark, to: Position): DueCue[] {
  const due: DueCue[] = [];
  const last = Math.min(to.index, steps.length - 1);
  for (let index = Math.max(0, from.index); index <= last; index++) {
    const step = steps[index];
    const start = stepStart(steps, index);
    for (const cue of step.cues) {
      if (index === from.index && cue.at_ms <= from.elapsed) continue;
      if (index === to.index && !to.ended && cue.at_ms > to.elapsed) continue;
      if (cue.at_ms > step.duration_ms) continue;
      due.push({ index, cue, lateMs: Math.max(0, to.timelineMs - (start + cue.at_ms)) });
    }
  }
  return due;
}

/**
 * The cues worth sounding now: those at most `freshRealMs` of real time late (older ones fell due
 * while the tab slept, and replaying them would be noise), and of several in one frame (a fast
 * test clock) only the last.
 */
export function cueToSound(due: readonly DueCue[], speed: number, freshRealMs = 1000): DueCue | null {
  for (let i = due.length - 1; i >= 0; i--) {
    if (due[i].lateMs / speed <= freshRealMs) return due[i];
  }
  return null;
}

/** The breath being paced at `elapsed` ms into a step, from its breathe_in / breathe_out cues. */
export interface Breath {
  kind: 'in' | 'out';
  text: string;
  /** When this breath began, in ms into the step, and how long it lasts. */
  startMs: number;
  lengthMs: number;
}

export function breathAt(step: TimelineStep | undefined, elapsed: number): Breath | null {
  if (!step) return null;
  const breaths = step.cues.filter((cue) => cue.kind === 'breathe_in' || cue.kind === 'breathe_out');
  let current: Breath | null = null;
  for (let i = 0; i < breaths.length; i++) {
    const cue = breaths[i];
    if (cue.at_ms > elapsed) break;
    const end = i + 1 < breaths.length ? breaths[i + 1].at_ms : step.duration_ms;
    current = {
      kind: cue.kind === 'breathe_in' ? 'in' : 'out',
      text: cue.text,
      startMs: cue.at_ms,
      lengthMs: Math.max(0, end - cue.at_ms),
    };
  }
  return current;
}

/** Whether a step paces breathing at all (then the pacer shows). */
export function hasBreathing(step: TimelineStep | undefined): boolean {
  return !!step && step.cues.some((cue) => cue.kind === 'breathe_in' || cue.kind === 'breathe_out');
}
