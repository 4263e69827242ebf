// The hands-free player. One clock (performance.now() times the speed) and one anchor give the
// position on the engine's steps at every animation frame; the countdown, the pacer and the cues
// are all derived from that position, never counted down. Skip, swap and stop go to the engine
// (POST /api/v1/session/replay) and its steps and position replace the player's; pause and resume
// only move the anchor. The page re-renders only when something shown changes.
//
// For the drift benchmark (web/bench/drift.mjs) the player root carries `data-origin` (the
// performance.now() reading at session time 0) and `data-speed`, and the countdown carries
// `data-session-ms`, `data-timeline-ms` and `data-step` of the frame it shows. They cost a few
// attribute writes per frame and change nothing a person sees or hears.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type {
  Exercise,
  Replay,
  ReplayRequest,
  StopOutcome,
  StopReasonChoice,
  TimelineStep,
  TodaySession,
} from '../../api/types';
import { ExercisePicture } from '../../components/picture';
import { type SessionClock, startClock } from '../../player/clock';
import type { Sounds, Voice } from '../../player/devices';
import {
  applyReplay,
  isPaused,
  lastControl,
  pause,
  type PlayState,
  quit,
  replayRequest,
  resume,
  settle,
  startPlay,
  stopOffline,
  undoLast,
  withControl,
  withdrawLast,
} from '../../player/play';
import {
  BEFORE_START,
  type Breath,
  breathAt,
  cuesBetween,
  cueToSound,
  hasBreathing,
  locate,
  type Mark,
  markBefore,
} from '../../player/timeline';
import { announcement, countdownText, countdownWords, msToNextSecond, spokenOnStep, stepPlace } from '../../player/words';
import { StopAdvice } from './outcome';
import { StopDialog } from './stop-dialog';

/** What the player shows of an exercise: its name, and the easier version a swap plays. */
export type ExerciseInfo = Pick<Exercise, 'name' | 'regression'>;

export interface PlayerSettings {
  voice: boolean;
  sound: boolean;
}

/** How long the engine may take to answer a control before the player treats it as offline. */
const REPLAY_TIMEOUT_MS = 5000;
/** How long a skip can be taken back, in real milliseconds. */
const UNDO_MS = 6000;
/** Cues more than this late in real time (the tab slept) are not sounded. */
const FRESH_REAL_MS = 1000;

interface Frame {
  index: number;
  countdown: string;
  words: string;
  breath: Breath | null;
  /** Milliseconds into the current breath, when the frame was drawn (to start the pacer there). */
  breathElapsed: number;
  paused: boolean;
  /** Whole percent of the planned session done. */
  percent: number;
}

function frameKey(frame: Frame): string {
  return `${frame.index}|${frame.countdown}|${frame.breath?.kind ?? ''}${frame.breath?.startMs ?? ''}|${frame.paused}|${frame.percent}`;
}

function replayWithin(body: ReplayRequest, ms: number): Promise<Replay> {
  return Promise.race([
    api.post<Replay>('/api/v1/session/replay', body),
    new Promise<Replay>((_, reject) =>
      setTimeout(() => reject(new ApiError(0, 'timeout', undefined, 'Unload did not answer in time.')), ms),
    ),
  ]);
}

function isUnreachable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.offline || error.status >= 500;
}

/** A boundary timer fires this long after the moment it waits for, so the new second has begun. */
const BOUNDARY_SLACK_MS = 1;

export function Player(props: {
  session: TodaySession;
  exercises: ReadonlyMap<string, ExerciseInfo>;
  speed: number;
  settings: PlayerSettings;
  onSettings: (settings: PlayerSettings) => void;
  sounds: Sounds;
  voice: Voice;
  onEnd: (state: PlayState) => void;
  /** The page is left mid-session (closed, reloaded, another address): what was done so far. */
  onAbandon: (state: PlayState) => void;
}) {
  const reasons: StopReasonChoice[] = props.session.stop_reasons;
  const clockRef = useRef<SessionClock | null>(null);
  if (clockRef.current === null) clockRef.current = startClock(() => performance.now(), props.speed);
  const clock = clockRef.current;
  const stateRef = useRef<PlayState>(startPlay(props.session.timeline.steps));
  const markRef = useRef<Mark>(BEFORE_START);
  const announcedRef = useRef(-1);
  const nextChangeRef = useRef<number | null>(null);
  const endedRef = useRef(false);
  const busyRef = useRef(false);
  /** The engine's answer being waited for, if any (a stop waits for it before it is made). */
  const inflightRef = useRef<Promise<void> | null>(null);
  // Callbacks read the latest props through a ref, so the frame loop is set up once.
  const propsRef = useRef(props);
  propsRef.current = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const countdownRef = useRef<HTMLDivElement>(null);

  const [frame, setFrame] = useState<Frame>(() => ({
    index: 0,
    countdown: countdownText(props.session.timeline.steps[0]?.duration_ms ?? 0),
    words: countdownWords(props.session.timeline.steps[0]?.duration_ms ?? 0),
    breath: null,
    breathElapsed: 0,
    paused: false,
    percent: 0,
  }));
  const frameKeyRef = useRef('');
  const [steps, setSteps] = useState<TimelineStep[]>(props.session.timeline.steps);
  const [live, setLive] = useState('');
  const [status, setStatus] = useState('');
  /** The engine's words after a stop, for screen readers (they are on screen in the advice). */
  const [spokenAdvice, setSpokenAdvice] = useState('');
  const [advice, setAdvice] = useState<StopOutcome[]>([]);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);

  const nameOf = useCallback(
    (id: string | null | undefined) => (id ? propsRef.current.exercises.get(id)?.name : undefined),
    [],
  );

  const finish = useCallback(
    (state: PlayState) => {
      if (endedRef.current) return;
      endedRef.current = true;
      const current = propsRef.current;
      if (current.settings.sound) current.sounds.play('end');
      current.voice.stop();
      current.onEnd(state);
    },
    [],
  );

  /** Moves the session to now: ends it, sounds due cues, announces a new step, redraws. */
  const tick = useCallback(
    (draw: boolean) => {
      if (endedRef.current) return;
      const t = clock.now();
      const state = settle(stateRef.current, t);
      stateRef.current = state;
      const position = locate(state.steps, state.anchor, state.endedMs ?? t);
      // When the countdown next changes, for the boundary timer; none while paused.
      nextChangeRef.current = state.anchor.paused ? null : msToNextSecond(position.remaining);
      const due = cuesBetween(state.steps, markRef.current, position);
      markRef.current = { index: position.index, elapsed: position.elapsed };
      const { settings, sounds, voice } = propsRef.current;
      const step = state.steps[position.index];
      let spoke = false;
      if (step && announcedRef.current !== position.index) {
        const previous = state.steps[announcedRef.current];
        announcedRef.current = position.index;
        const name = nameOf(step.exercise ?? state.steps[position.index + 1]?.exercise);
        setLive(announcement(step, name));
        // Words for a step that began long ago (the tab slept) would only confuse.
        if (settings.voice && position.elapsed / clock.speed <= FRESH_REAL_MS) {
          voice.say(spokenOnStep(step, previous, nameOf(step.exercise)));
          spoke = true;
        }
      }
      const sound = cueToSound(due, clock.speed, FRESH_REAL_MS);
      if (sound) {
        const kind = sound.cue.kind;
        const cueStep = state.steps[sound.index];
        if (settings.sound) {
          if (kind === 'bell') sounds.play(cueStep?.kind === 'side_switch' ? 'switch' : 'bell');
          if (kind === 'countdown') sounds.play('countdown');
        }
        if (settings.voice && !spoke && (kind === 'breathe_in' || kind === 'breathe_out')) voice.say(sound.cue.text);
      }
      if (state.endedMs !== null) {
        finish(state);
        return;
      }
      const countdown = countdownRef.current;
      if (countdown) {
        countdown.dataset.sessionMs = String(Math.round(t));
        countdown.dataset.timelineMs = String(Math.round(position.timelineMs));
        countdown.dataset.step = String(position.index);
      }
      if (!draw) return;
      const breath = breathAt(step, position.elapsed);
      const total = state.steps.reduce((sum, s) => sum + s.duration_ms, 0);
      const next: Frame = {
        index: position.index,
        countdown: countdownText(position.remaining),
        words: countdownWords(position.remaining),
        breath,
        breathElapsed: breath ? position.elapsed - breath.startMs : 0,
        paused: state.anchor.paused,
        percent: total > 0 ? Math.floor((position.timelineMs / total) * 100) : 100,
      };
      const key = frameKey(next);
      if (key !== frameKeyRef.current) {
        frameKeyRef.current = key;
        setFrame(next);
      }
    },
    [clock, finish, nameOf],
  );

  // The frame loop, and a slow timer that keeps the session moving while the tab is hidden
  // (browsers stop animation frames there, not timers).
  useEffect(() => {
    const root = rootRef.current;
    if (root) {
      root.dataset.origin = String(clock.origin);
      root.dataset.speed = String(clock.speed);
    }
    // Each change of the countdown is also scheduled for its own moment, so a late or dropped
    // animation frame does not hold it back; the frame loop keeps the breathing pacer smooth.
    let boundary: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      const next = nextChangeRef.current;
      if (boundary !== null || next === null || endedRef.current) return;
      boundary = setTimeout(() => {
        boundary = null;
        tick(true);
        arm();
      }, next / clock.speed + BOUNDARY_SLACK_MS);
    };
    let handle = requestAnimationFrame(function loop() {
      tick(true);
      arm();
      if (!endedRef.current) handle = requestAnimationFrame(loop);
    });
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') tick(false);
    }, 500);
    const onOnline = () => setOnline(true);
    const onOffline = () => setOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      cancelAnimationFrame(handle);
      if (boundary !== null) clearTimeout(boundary);
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [clock, tick]);

  // Leaving mid-session keeps what was done: the session is ended there and handed over to be
  // kept (the page may not live long enough to send it; the outbox will).
  useEffect(() => {
    const abandon = () => {
      if (endedRef.current) return;
      endedRef.current = true;
      const t = clock.now();
      propsRef.current.onAbandon(quit(settle(stateRef.current, t), t));
    };
    window.addEventListener('pagehide', abandon);
    return () => {
      window.removeEventListener('pagehide', abandon);
      abandon();
    };
  }, [clock]);

  const update = useCallback((state: PlayState, resetMarks: boolean) => {
    stateRef.current = state;
    if (resetMarks) {
      // The engine's new steps start from its position: cues before it are over, and the step
      // there is announced afresh.
      markRef.current = markBefore(state.anchor.index, state.anchor.elapsed);
      announcedRef.current = -1;
      setSteps(state.steps);
    }
    frameKeyRef.current = '';
  }, []);

  const togglePause = useCallback(() => {
    if (busyRef.current || endedRef.current) return;
    const t = clock.now();
    const state = settle(stateRef.current, t);
    const next = isPaused(state) ? resume(state, t) : pause(state, t);
    update(next, false);
    setStatus(isPaused(next) ? 'Paused. Press Resume to go on.' : 'Going on.');
    tick(true);
  }, [clock, tick, update]);

  /** Sends the controls so far (the last one new) to the engine and plays what it answers. */
  const askEngine = useCallback(
    async (
      state: PlayState,
      until?: number,
    ): Promise<{ ok: true; newStops: StopOutcome[] } | { ok: false; error: unknown }> => {
      busyRef.current = true;
      setBusy(true);
      let release = () => {};
      inflightRef.current = new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        const replay = await replayWithin(replayRequest(state, until), REPLAY_TIMEOUT_MS);
        const applied = applyReplay(state, replay, until);
        update(applied.state, true);
        if (applied.refused) setStatus(applied.refused);
        return { ok: true, newStops: applied.newStops };
      } catch (error) {
        return { ok: false, error };
      } finally {
        busyRef.current = false;
        setBusy(false);
        inflightRef.current = null;
        release();
      }
    },
    [update],
  );

  const skipOrSwap = useCallback(
    async (control: 'skip' | 'swap') => {
      if (busyRef.current || endedRef.current) return;
      const t = clock.now();
      const before = settle(stateRef.current, t);
      const stepBefore = before.steps[locate(before.steps, before.anchor, t).index];
      const state = withControl(before, { at_ms: t, control });
      stateRef.current = state;
      const result = await askEngine(state);
      if (result.ok) {
        const now = stateRef.current;
        if (control === 'swap' && now.controls.length === state.controls.length) {
          const step = now.steps[now.anchor.index];
          setStatus(`Swapped to the easier version${nameOf(step?.exercise) ? `: ${nameOf(step?.exercise)}` : ''}.`);
        } else if (control === 'skip' && now.controls.length === state.controls.length) {
          setStatus(`Skipped${nameOf(stepBefore?.exercise) ? ` ${nameOf(stepBefore?.exercise)}` : ''}.`);
          // A skip tapped by accident can be taken back for a few seconds.
          setUndo({ controls: now.controls.length, until: Date.now() + UNDO_MS });
        }
        tick(true);
        return;
      }
      update(withdrawLast(stateRef.current), false);
      setStatus(
        isUnreachable(result.error)
          ? `${control === 'skip' ? 'Skipping' : 'Swapping'} needs the connection to Unload, and it is not there right now. The session goes on: you can pause, or stop if something hurts.`
          : result.error instanceof Error
            ? result.error.message
            : String(result.error),
      );
    },
    [askEngine, clock, nameOf, tick, update],
  );

  const [undo, setUndo] = useState<{ controls: number; until: number } | null>(null);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(timer);
  }, [undo]);

  /** Takes back the skip just made, if nothing was pressed since. */
  const undoSkip = useCallback(async () => {
    const offer = undo;
    setUndo(null);
    if (!offer || busyRef.current || endedRef.current) return;
    const before = stateRef.current;
    if (before.controls.length !== offer.controls || lastControl(before)?.control !== 'skip') return;
    const { state, at } = undoLast(before, clock.now());
    const result = await askEngine(state, at);
    if (result.ok) {
      setStatus('Skip undone: back to where you were.');
      tick(true);
    } else {
      setStatus('The skip could not be undone without the connection to Unload; the session goes on.');
    }
  }, [askEngine, clock, tick, undo]);

  const pausedForStop = useRef(false);
  const openStop = useCallback(async () => {
    if (endedRef.current) return;
    // Stop is never refused: the question shows at once, and the session pauses as soon as an
    // answer the engine is giving to an earlier control (a skip, say) has arrived.
    setAsking(true);
    if (inflightRef.current) await inflightRef.current;
    if (endedRef.current) return;
    const t = clock.now();
    const state = settle(stateRef.current, t);
    pausedForStop.current = !isPaused(state);
    update(pausedForStop.current ? pause(state, t) : state, false);
    propsRef.current.voice.stop();
    tick(true);
  }, [clock, tick, update]);

  const cancelStop = useCallback(async () => {
    setAsking(false);
    if (inflightRef.current) await inflightRef.current;
    if (pausedForStop.current) update(resume(stateRef.current, clock.now()), false);
    pausedForStop.current = false;
    tick(true);
  }, [clock, tick, update]);

  const chooseStop = useCallback(
    async (reason: string) => {
      setAsking(false);
      if (inflightRef.current) await inflightRef.current;
      if (endedRef.current) return;
      const t = clock.now();
      let state = stateRef.current;
      // As the terminal does: the pause made for the question ends as the stop is made.
      if (pausedForStop.current) state = resume(state, t);
      pausedForStop.current = false;
      state = withControl(state, { at_ms: t, control: 'stop', reason });
      stateRef.current = state;
      const result = await askEngine(state);
      if (result.ok) {
        setAdvice((shown) => [...shown, ...result.newStops]);
        setStatus('');
        setSpokenAdvice(result.newStops.map((stop) => stop.text ?? '').join(' '));
        tick(true);
        return;
      }
      // Nobody to ask: end the session here, the safe choice, and keep the stop for the engine.
      const stopped = stopOffline(withdrawLast(stateRef.current), reason, t);
      update(stopped, false);
      finish(stopped);
    },
    [askEngine, clock, finish, tick, update],
  );

  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const endNow = useCallback(() => {
    if (busyRef.current || endedRef.current) return;
    setConfirmingEnd(false);
    setAsking(false);
    const state = quit(settle(stateRef.current, clock.now()), clock.now());
    update(state, false);
    finish(state);
  }, [clock, finish, update]);

  // Space pauses and resumes (unless a control has focus, where Space presses that control).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || asking) return;
      const target = event.target as HTMLElement | null;
      if (target && target.closest('button, input, select, textarea, a, dialog')) return;
      event.preventDefault();
      togglePause();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking, togglePause]);

  const step = steps[frame.index];
  const exerciseStep = step?.exercise ? step : step?.kind === 'get_ready' ? steps[frame.index + 1] : undefined;
  const exerciseId = exerciseStep?.exercise ?? null;
  const exercise = exerciseId ? props.exercises.get(exerciseId) : undefined;
  const next = steps[frame.index + 1];
  const place = step ? stepPlace(step) : [];
  const canSwap = !!step?.exercise && !!props.exercises.get(step.exercise)?.regression;
  const sideSwitch = step?.kind === 'side_switch';

  // The long instructions of an exercise (the words of its "get into position" step) sit behind
  // "How to", open while the exercise plays for the first time in the session and closed when it
  // comes back, where the person has read them already. Steps replaced by the engine may no longer
  // hold the position step, so the words are kept from every timeline the session had.
  const howToWords = useRef(new Map<string, string>()).current;
  keepHowTo(howToWords, props.session.timeline.steps);
  keepHowTo(howToWords, steps);
  const seenRef = useRef(new Set<string>());
  const [how, setHow] = useState<{ exercise: string | null; open: boolean }>({ exercise: null, open: false });
  const howOpen = exerciseId && exerciseId !== how.exercise ? !seenRef.current.has(exerciseId) : how.open;
  useEffect(() => {
    if (!exerciseId || exerciseId === how.exercise) return;
    const first = !seenRef.current.has(exerciseId);
    seenRef.current.add(exerciseId);
    setHow({ exercise: exerciseId, open: first });
  }, [exerciseId, how.exercise]);
  const howToText = step?.kind === 'position' ? step.text : exerciseId ? (howToWords.get(exerciseId) ?? '') : '';
  // The step's own short words (a breathing cue, what a rest is for) stay in view; a position
  // step's words are the long instructions themselves.
  const cue = step && step.kind !== 'position' ? step.text : '';

  // The player opens at the top of the screen: the start button it replaces is low on the page,
  // and the scroll kept from there would cut off the exercise's name and the step's title.
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
  }, []);

  return (
    <div
      ref={rootRef}
      class={`player${frame.paused ? ' player-paused' : ''}${sideSwitch ? ' player-switch' : ''}`}
      data-kind={step?.kind ?? 'end'}
    >
      <h1 class="visually-hidden">Today's session</h1>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {live}
      </p>
      <div class="player-top">
        <p class="player-exercise">{exercise?.name ?? ''}</p>
        <div
          class="player-progress"
          role="progressbar"
          aria-label="Session done"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={frame.percent}
        >
          <div class="player-progress-bar" style={{ width: `${frame.percent}%` }} />
        </div>
        {!online && (
          <p class="player-offline" role="status">
            No connection. The session goes on and is saved on this device.
          </p>
        )}
      </div>

      <div class="player-now">
        <h2 class="player-title">{step?.title ?? ''}</h2>
        {place.length > 0 && <p class="player-place">{place.join(' · ')}</p>}
        <div class="player-clock">
          <div class="player-time">
            <p class="player-countdown-label">{frame.paused ? 'Paused' : step?.kind === 'get_ready' ? 'Starting in' : 'Time left'}</p>
            <div
              ref={countdownRef}
              class="player-countdown"
              role="timer"
              aria-label={`${frame.words} in this step`}
            >
              {frame.countdown}
            </div>
          </div>
          {hasBreathing(step) && frame.breath && (
            <Pacer breath={frame.breath} elapsed={frame.breathElapsed} speed={props.speed} paused={frame.paused} key={`${frame.index}-${frame.breath.startMs}`} />
          )}
        </div>
      </div>

      {/* Below the countdown (beside it on wide and landscape screens), so that nothing shown
          during the session, a stop's advice included, moves the countdown. */}
      <div class="player-side">
        <p class="player-status" role="status" aria-live="polite">
          {status}
          {undo && (
            <>
              {' '}
              <button type="button" class="button player-undo" onClick={() => void undoSkip()}>
                Undo skip
              </button>
            </>
          )}
        </p>
        {advice.length > 0 && (
          <div class="player-advice">
            {advice.map((outcome, i) => (
              <StopAdvice key={i} outcome={outcome} names={namesOf(props.exercises)} reasons={reasons} />
            ))}
            <button type="button" class="button" onClick={() => setAdvice([])}>
              Hide this advice
            </button>
          </div>
        )}
        {cue && <p class="player-text">{cue}</p>}
        {next && (
          <p class="player-next muted">
            Next: {nextLine(next, step, nameOf(next.exercise))}
          </p>
        )}
        {exerciseId && (
          <div class="player-howto">
            <button
              type="button"
              class="button player-howto-toggle"
              aria-expanded={howOpen}
              aria-controls="player-howto"
              onClick={() => setHow({ exercise: exerciseId, open: !howOpen })}
            >
              How to
            </button>
            <div id="player-howto" class="player-howto-body" hidden={!howOpen}>
              <ExercisePicture
                exercise={exerciseId}
                modification={exerciseStep?.modifications?.[0]}
                size="large"
                alt={exercise ? `${exercise.name}: the position` : ''}
              />
              {howToText && <p class="player-text">{howToText}</p>}
            </div>
          </div>
        )}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {spokenAdvice}
      </p>

      <div class="player-dock" role="group" aria-label="Pause or stop">
        <button type="button" class="button button-primary player-pause" onClick={togglePause} disabled={busy}>
          {frame.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" class="button button-danger player-stop" onClick={() => void openStop()}>
          Stop — this hurts
        </button>
      </div>
      <div class="player-more">
        <div class="player-controls" role="group" aria-label="Session controls">
          <button type="button" class="button" onClick={() => void skipOrSwap('skip')} disabled={busy}>
            {step?.exercise ? 'Skip this exercise' : 'Skip this step'}
          </button>
          {canSwap && (
            <button type="button" class="button" onClick={() => void skipOrSwap('swap')} disabled={busy}>
              Easier version
            </button>
          )}
          <button
            type="button"
            class="button"
            onClick={() => setConfirmingEnd(true)}
            disabled={busy}
            aria-expanded={confirmingEnd}
            aria-controls="end-confirm"
          >
            End session
          </button>
        </div>
        {confirmingEnd && (
          // One tap must not end a session by accident: a second, named tap does.
          <div id="end-confirm" class="player-confirm notice" role="group" aria-label="End the session now?">
            <p>
              <strong>End the session now?</strong> What you did so far is kept.
            </p>
            <div class="button-row">
              <button type="button" class="button button-primary" onClick={endNow}>
                Yes, end it now
              </button>
              <button type="button" class="button" onClick={() => setConfirmingEnd(false)}>
                Keep going
              </button>
            </div>
          </div>
        )}
        <div class="player-settings" role="group" aria-label="Sound and voice">
          <button
            type="button"
            class="button toggle"
            aria-pressed={props.settings.voice}
            onClick={() => props.onSettings({ ...props.settings, voice: !props.settings.voice })}
          >
            Voice
          </button>
          <button
            type="button"
            class="button toggle"
            aria-pressed={props.settings.sound}
            onClick={() => props.onSettings({ ...props.settings, sound: !props.settings.sound })}
          >
            Sounds
          </button>
        </div>
      </div>

      {asking && <StopDialog reasons={reasons} onChoose={(id) => void chooseStop(id)} onQuit={endNow} onCancel={() => void cancelStop()} />}
    </div>
  );
}

/** Adds each exercise's long instructions not known yet: the words of its "get into position" step. */
function keepHowTo(words: Map<string, string>, steps: readonly TimelineStep[]) {
  for (const step of steps) {
    if (step.kind === 'position' && step.exercise && step.text && !words.has(step.exercise)) words.set(step.exercise, step.text);
  }
}

/** "Next: Hold", with the exercise's name when a new one comes and the title does not say it. */
function nextLine(next: TimelineStep, step: TimelineStep | undefined, name: string | undefined): string {
  if (!name || next.exercise === step?.exercise || next.title.includes(name)) return next.title;
  return `${next.title} · ${name}`;
}

function namesOf(exercises: ReadonlyMap<string, ExerciseInfo>): Map<string, string> {
  return new Map([...exercises].map(([id, info]) => [id, info.name]));
}

/** A circle that grows on the breath in and shrinks on the breath out, with the words. */
function Pacer(props: { breath: Breath; elapsed: number; speed: number; paused: boolean }) {
  const length = props.breath.lengthMs / props.speed;
  return (
    <div class={`pacer pacer-${props.breath.kind}`}>
      <div
        class="pacer-circle"
        aria-hidden="true"
        style={{
          animationDuration: `${Math.max(1, length)}ms`,
          animationDelay: `${-Math.max(0, props.elapsed) / props.speed}ms`,
          animationPlayState: props.paused ? 'paused' : 'running',
        }}
      />
      <p class="pacer-words">{props.breath.text}</p>
    </div>
  );
}
