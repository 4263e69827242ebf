// What the player holds while a session plays: the engine's steps as they now stand, the anchor
// the position is derived from, and every control pressed so far (the record the server replays).
// Pause and resume only move the anchor; skip, swap and stop change the steps, so the engine's
// replay supplies the new steps and position, and nothing here decides what a control does to the
// session. The one local decision is the conservative one: a stop with no engine to ask ends the
// session there.
import type { Control, PlayedSession, Replay, ReplayRequest, StopOutcome, TimelineStep } from '../api/types';
import { type Anchor, endAt, locate, reanchor, START } from './timeline';

export interface PlayState {
  steps: TimelineStep[];
  anchor: Anchor;
  controls: Control[];
  /** What each stop did, as the engine said (in order). */
  stops: StopOutcome[];
  /** Session time the session ended at, once it has. */
  endedMs: number | null;
  /** Stops made with no connection, whose advice comes once the session is sent. */
  offlineStops: string[];
}

export function startPlay(steps: TimelineStep[]): PlayState {
  return { steps, anchor: START, controls: [], stops: [], endedMs: steps.length === 0 ? 0 : null, offlineStops: [] };
}

/** Controls carry whole, non-decreasing milliseconds. */
function stamp(state: PlayState, t: number): number {
  const last = state.controls.length > 0 ? state.controls[state.controls.length - 1].at_ms : 0;
  return Math.max(last, Math.round(t));
}

export function isPaused(state: PlayState): boolean {
  return state.anchor.paused;
}

/** Checks whether the steps ran out by session time `t`; if so the session ends exactly then. */
export function settle(state: PlayState, t: number): PlayState {
  if (state.endedMs !== null) return state;
  if (!locate(state.steps, state.anchor, t).ended) return state;
  const end = endAt(state.steps, state.anchor);
  return { ...state, endedMs: end ?? stamp(state, t) };
}

export function pause(state: PlayState, t: number): PlayState {
  if (state.endedMs !== null || state.anchor.paused) return state;
  const at = stamp(state, t);
  return {
    ...state,
    anchor: reanchor(state.steps, state.anchor, at, true),
    controls: [...state.controls, { at_ms: at, control: 'pause' }],
  };
}

export function resume(state: PlayState, t: number): PlayState {
  if (state.endedMs !== null || !state.anchor.paused) return state;
  const at = stamp(state, t);
  return {
    ...state,
    anchor: { ...state.anchor, at, paused: false },
    controls: [...state.controls, { at_ms: at, control: 'resume' }],
  };
}

/** Ends the session now, keeping what was done. */
export function quit(state: PlayState, t: number): PlayState {
  if (state.endedMs !== null) return state;
  const at = stamp(state, t);
  return { ...state, controls: [...state.controls, { at_ms: at, control: 'quit' }], endedMs: at };
}

/** A control the engine must play (skip, swap, stop), added at `t`; send the result for replay. */
export function withControl(state: PlayState, control: Control): PlayState {
  const at = stamp(state, control.at_ms);
  return { ...state, controls: [...state.controls, { ...control, at_ms: at }] };
}

export function lastControl(state: PlayState): Control | undefined {
  return state.controls[state.controls.length - 1];
}

/** The replay request for everything pressed so far, up to the last control or to `until`. */
export function replayRequest(state: PlayState, until?: number): ReplayRequest {
  const last = lastControl(state);
  return { controls: state.controls, until_ms: until ?? (last ? last.at_ms : 0) };
}

/**
 * The last control (a skip just made) taken back at `t`: the state without it, and the session
 * time to replay the rest up to. The session time in between stays with the step it undid.
 */
export function undoLast(state: PlayState, t: number): { state: PlayState; at: number } {
  const at = stamp(state, t);
  return { state: { ...state, controls: state.controls.slice(0, -1) }, at };
}

export interface Applied {
  state: PlayState;
  /** The engine refused the last control: its words. The control is taken back out. */
  refused: string | null;
  /** Stops the engine newly reported with this replay. */
  newStops: StopOutcome[];
}

/**
 * Takes the engine's answer to `replayRequest(state)`: its steps and position become the player's.
 * `state` is the one the request was made from (the last control is the new one).
 */
export function applyReplay(state: PlayState, replay: Replay, until?: number): Applied {
  const lastIndex = state.controls.length - 1;
  // Replayed up to a later time (an undo), no control is new, so none can be refused.
  const refusal = until === undefined ? replay.refused.find((r) => r.control === lastIndex) : undefined;
  const at = until ?? lastControl(state)?.at_ms ?? 0;
  const controls = refusal ? state.controls.slice(0, -1) : state.controls;
  const newStops = replay.stops.slice(state.stops.length);
  const view = replay.view;
  const next: PlayState = {
    ...state,
    controls,
    steps: replay.steps,
    anchor: { at, index: view.step_index, elapsed: view.step_elapsed_ms, paused: view.paused },
    stops: replay.stops,
    endedMs: view.ended ? at : null,
  };
  return { state: next, refused: refusal ? refusal.message : null, newStops };
}

/** The engine could not be asked (no connection): the control is taken back out. */
export function withdrawLast(state: PlayState): PlayState {
  return { ...state, controls: state.controls.slice(0, -1) };
}

/**
 * A stop the engine could not be asked about: the session ends here, the conservative choice,
 * with the stop kept in the record so the engine applies its rules when the session is sent.
 */
export function stopOffline(state: PlayState, reason: string, t: number): PlayState {
  const at = stamp(state, t);
  const controls: Control[] = [...state.controls];
  const last = controls[controls.length - 1];
  if (!(last && last.control === 'stop' && last.at_ms === at && last.reason === reason)) {
    controls.push({ at_ms: at, control: 'stop', reason });
  }
  return { ...state, controls, endedMs: at, offlineStops: [...state.offlineStops, reason] };
}

/** The session as POST /api/v1/sessions takes it. */
export function playedSession(
  state: PlayState,
  startedAt: string,
  painBefore: number,
  painAfter: number | null,
): PlayedSession {
  const last = lastControl(state)?.at_ms ?? 0;
  const ended = Math.max(state.endedMs ?? last, last);
  return { started_at: startedAt, pain_before: painBefore, pain_after: painAfter, controls: state.controls, ended_ms: ended };
}
