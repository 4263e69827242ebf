// Today's guided session (`#/session`, `?speed=N` plays it N times faster for tests): pain before,
// the hands-free player, pain after, then the session goes into the outbox and on to the server,
// and a short summary in the engine's words. Everything the session does comes from the engine:
// the timeline (GET /api/v1/session), what a skip, swap or stop changes (the replay), and what the
// stored session means (POST /api/v1/sessions).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { Exercise, PlayedSession, StopAnswer, TodaySession } from '../../api/types';
import { PainForm } from '../../components/pain';
import { SafetyStopNotice, useSafetyStop } from '../../components/safety-stop';
import { ErrorNotice, Loading, Page } from '../../components/ui';
import { parseSpeed } from '../../player/clock';
import { readSetting, ScreenLock, Sounds, Voice, writeSetting } from '../../player/devices';
import { addToOutbox, isoSecond, newEntryId } from '../../player/outbox';
import { browserStore, onOutboxChange, outboxEntries, syncOutbox } from '../../player/outbox-sync';
import { type PlayState, playedSession } from '../../player/play';
import { minutesText } from '../../player/words';
import type { Route } from '../../router';
import type { Delivery } from './delivery';
import { StopAdvice } from './outcome';
import { OutboxNotice } from './outbox-notice';
import { type ExerciseInfo, Player, type PlayerSettings } from './player';
import './session.css';
import { Summary } from './summary';

const VOICE_KEY = 'unload.voice';
const SOUND_KEY = 'unload.sound';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; session: TodaySession; exercises: Map<string, ExerciseInfo> };

type Phase =
  | { name: 'before' }
  | { name: 'playing'; startedAt: number; painBefore: number }
  | { name: 'after'; startedAt: number; painBefore: number; play: PlayState }
  | { name: 'done'; play: PlayState; played: PlayedSession; entryId: string; delivery: Delivery };

/** The program is stopped by a warning sign: no session is asked for. */
class StoppedBySafety extends Error {}

async function loadSession(): Promise<{ session: TodaySession; exercises: Map<string, ExerciseInfo> }> {
  // A stop in force comes first; offline, the session may still open from what was cached.
  const stop = await api.get<StopAnswer>('/api/v1/stop').catch(() => null);
  if (stop?.stop) throw new StoppedBySafety('the program is stopped by a warning sign');
  const [session, library] = await Promise.all([
    api.get<TodaySession>('/api/v1/session'),
    // The names and easier versions are a nicety: the session plays without them.
    api.get<Exercise[]>('/api/v1/exercises').catch(() => [] as Exercise[]),
  ]);
  const exercises = new Map<string, ExerciseInfo>();
  for (const exercise of library) exercises.set(exercise.id, { name: exercise.name, regression: exercise.regression });
  return { session, exercises };
}

export function SessionPage(props: { route: Route }) {
  const speed = parseSpeed(props.route.query.get('speed'));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [phase, setPhase] = useState<Phase>({ name: 'before' });
  const [settings, setSettings] = useState<PlayerSettings>(() => ({
    voice: readSetting(VOICE_KEY, true),
    sound: readSetting(SOUND_KEY, true),
  }));
  const devices = useMemo(() => ({ sounds: new Sounds(), voice: new Voice(), lock: new ScreenLock() }), []);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    loadSession().then(
      (data) => live && setLoaded({ state: 'ready', ...data }),
      (error: unknown) => live && setLoaded({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [generation]);

  useEffect(
    () => () => {
      devices.lock.release();
      devices.voice.stop();
      devices.sounds.close();
    },
    [devices],
  );

  const changeSettings = (next: PlayerSettings) => {
    writeSetting(VOICE_KEY, next.voice);
    writeSetting(SOUND_KEY, next.sound);
    if (!next.voice) devices.voice.stop();
    setSettings(next);
  };

  // Once the session is in the outbox, follow it there: it leaves when the server stored it.
  const done = phase.name === 'done' ? phase : null;
  useEffect(() => {
    if (!done || done.delivery.kind === 'sent') return;
    return onOutboxChange((entries, last, flushing) => {
      const sent = last?.sent.find((s) => s.entry.id === done.entryId);
      const entry = entries.find((e) => e.id === done.entryId);
      let delivery: Delivery | null = null;
      if (sent) delivery = { kind: 'sent', recorded: sent.recorded };
      // Gone while a flush runs: its result (with the engine's record) comes when it ends.
      else if (!entry) delivery = flushing ? null : { kind: 'sent', recorded: null };
      else if (entry.error) delivery = { kind: 'refused', entry };
      else if (!flushing) delivery = { kind: 'waiting' };
      if (delivery && JSON.stringify(delivery) !== JSON.stringify(done.delivery)) {
        setPhase({ ...done, delivery });
      }
    });
  }, [done]);

  return <div class="session-full">{content()}</div>;

  function content() {
    if (loaded.state === 'loading') {
      return (
        <Page title="Today's session">
          <Loading what="today's session" />
        </Page>
      );
    }
    if (loaded.state === 'error') return <SessionUnavailable error={loaded.error} retry={() => setGeneration((n) => n + 1)} />;
    const { session, exercises } = loaded;

    switch (phase.name) {
      case 'before':
        return (
          <Before
            session={session}
            exercises={exercises}
            settings={settings}
            onSettings={changeSettings}
            onStart={(painBefore) => {
              // Inside the click: the browser allows sound and speech from here on.
              if (settings.sound) devices.sounds.unlock();
              if (settings.voice) devices.voice.unlock();
              void devices.lock.hold();
              setPhase({ name: 'playing', startedAt: Date.now(), painBefore });
            }}
          />
        );
      case 'playing':
        return (
          <Player
            session={session}
            exercises={exercises}
            speed={speed}
            settings={settings}
            onSettings={(next) => {
              if (next.sound) devices.sounds.unlock();
              changeSettings(next);
            }}
            sounds={devices.sounds}
            voice={devices.voice}
            onEnd={(play) => {
              devices.lock.release();
              setPhase({ name: 'after', startedAt: phase.startedAt, painBefore: phase.painBefore, play });
            }}
            onAbandon={(play) => {
              devices.lock.release();
              const played = playedSession(play, isoSecond(phase.startedAt), phase.painBefore, null);
              addToOutbox(browserStore, played, newEntryId(), new Date().toISOString());
              void syncOutbox();
            }}
          />
        );
      case 'after':
        return (
          <After
            play={phase.play}
            exercises={exercises}
            session={session}
            onSave={(painAfter) => {
              const played = playedSession(phase.play, isoSecond(phase.startedAt), phase.painBefore, painAfter);
              const id = newEntryId();
              // Into the outbox first: from here on, closing the page loses nothing.
              addToOutbox(browserStore, played, id, new Date().toISOString());
              setPhase({ name: 'done', play: phase.play, played, entryId: id, delivery: { kind: 'sending' } });
              void syncOutbox().then((result) => {
                const sent = result.sent.find((s) => s.entry.id === id);
                const refused = result.refused.find((e) => e.id === id);
                const delivery: Delivery = sent
                  ? { kind: 'sent', recorded: sent.recorded }
                  : refused
                    ? { kind: 'refused', entry: refused }
                    : outboxEntries().some((e) => e.id === id)
                      ? { kind: 'waiting' }
                      : { kind: 'sent', recorded: null };
                setPhase((now) => (now.name === 'done' && now.entryId === id ? { ...now, delivery } : now));
              });
            }}
          />
        );
      case 'done':
        return (
          <Summary
            play={phase.play}
            played={phase.played}
            delivery={phase.delivery}
            entryId={phase.entryId}
            exercises={exercises}
            reasons={session.stop_reasons}
          />
        );
    }
  }
}

function SessionUnavailable(props: { error: unknown; retry: () => void }) {
  const error = props.error;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Page title="Today's session">
        <p>There is no program yet, so there is no session to play.</p>
        <p>
          <a class="button button-primary" href="#/start">
            Start with a few questions
          </a>
        </p>
      </Page>
    );
  }
  if (error instanceof StoppedBySafety || (error instanceof ApiError && error.status === 409))
    return <Stopped message={error.message} />;
  return (
    <Page title="Today's session">
      <ErrorNotice error={error} retry={props.retry} />
      {error instanceof ApiError && error.offline && (
        <p>Today's session opens without a connection once it has been opened here before.</p>
      )}
    </Page>
  );
}

/** The program is stopped: the stop with its advice when one is open, else the server's words. */
function Stopped(props: { message: string }) {
  const stop = useSafetyStop();
  if (stop.state === 'ready' && stop.data.stop) {
    return (
      <Page title="Today's session">
        <SafetyStopNotice answer={stop.data} onChange={stop.reload} />
        <p>
          <a class="button" href="#/">
            Go to today's page
          </a>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Today's session">
      <div class="notice notice-emergency" role="alert">
        <p>{props.message}</p>
        <p>Your program is paused for your safety. Today's page says what to do next.</p>
      </div>
      <p>
        <a class="button" href="#/">
          Go to today's page
        </a>
      </p>
    </Page>
  );
}

function Before(props: {
  session: TodaySession;
  exercises: Map<string, ExerciseInfo>;
  settings: PlayerSettings;
  onSettings: (settings: PlayerSettings) => void;
  onStart: (painBefore: number) => void;
}) {
  const { session } = props;
  const items = useMemo(() => {
    const seen: string[] = [];
    for (const step of session.timeline.steps) {
      if (step.exercise && !seen.includes(step.exercise)) seen.push(step.exercise);
    }
    return seen;
  }, [session]);
  const nameOf = (id: string) => props.exercises.get(id)?.name ?? id;
  if (session.rescreen_pending) {
    return (
      <Page title="Today's session">
        <div class="notice notice-warn" role="alert">
          <p>
            <strong>A few safety questions come first.</strong> Your last session stopped for new numbness or
            weakness, so Unload asks the warning-sign questions again before the next session.
          </p>
        </div>
        <p>
          <a class="button button-primary" href="#/start/rescreen">
            Answer the safety questions
          </a>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Today's session">
      <OutboxNotice />
      <p class="session-length">
        About {minutesText(session.timeline.total_ms)}, {items.length} {items.length === 1 ? 'exercise' : 'exercises'}:{' '}
        {items.map(nameOf).join(', ')}.
      </p>
      {session.low_dose && (
        <p class="notice notice-warn">
          Your last session ended in a flare, so today every exercise stays at the gentle end of its dose.
        </p>
      )}
      {session.suspended.length > 0 && (
        <p class="notice">Set aside until your weekly review: {session.suspended.map(nameOf).join(', ')}.</p>
      )}
      <p class="muted">
        Prop the phone or laptop where you can see it from the floor. The session talks you through each step;
        you can pause at any time, and if anything hurts, press <strong>Stop — this hurts</strong>.
      </p>
      <PainForm id="pain-before" question="How much does your back hurt right now?" submit="Start the session" onSubmit={(pain) => pain !== null && props.onStart(pain)}>
        <fieldset class="session-settings">
          <legend>During the session</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={props.settings.voice}
              onChange={(event) => props.onSettings({ ...props.settings, voice: event.currentTarget.checked })}
            />
            Read the steps aloud
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={props.settings.sound}
              onChange={(event) => props.onSettings({ ...props.settings, sound: event.currentTarget.checked })}
            />
            Sound a tone when a step begins and ends
          </label>
        </fieldset>
      </PainForm>
      <p class="session-not-now">
        {/* Nothing is recorded before "Start the session": going back leaves no trace. */}
        <a class="button" href="#/">
          Not now, back to Today
        </a>
      </p>
    </Page>
  );
}

/** A session ended before this much session time gets no "well done": there was little to praise. */
const MIN_PRAISED_MS = 60_000;

function After(props: {
  play: PlayState;
  session: TodaySession;
  exercises: Map<string, ExerciseInfo>;
  onSave: (painAfter: number | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const stopped = props.play.stops.length > 0 || props.play.offlineStops.length > 0;
  return (
    <Page title={stopped ? 'Session stopped' : 'Session done'}>
      {props.play.stops.map((_, i) => (
        <StopAdviceInline key={i} play={props.play} index={i} session={props.session} exercises={props.exercises} />
      ))}
      {props.play.offlineStops.length > 0 && (
        <div class="notice notice-warn">
          <p>
            You stopped the session with no connection to Unload, so it ended here to be safe. Rest in a position
            that eases your back. Unload's advice for this stop will show once the session reaches it.
          </p>
        </div>
      )}
      {!stopped && (props.play.endedMs ?? 0) >= MIN_PRAISED_MS && (
        <p>That is the session done. Well done for making time for your back.</p>
      )}
      <PainForm
        id="pain-after"
        question="How much does your back hurt now?"
        submit="Save the session"
        allowSkip="Save without a pain score"
        busy={busy}
        onSubmit={(pain) => {
          setBusy(true);
          props.onSave(pain);
        }}
      />
    </Page>
  );
}

function StopAdviceInline(props: { play: PlayState; index: number; session: TodaySession; exercises: Map<string, ExerciseInfo> }) {
  const names = useMemo(() => new Map([...props.exercises].map(([id, info]) => [id, info.name])), [props.exercises]);
  return (
    <StopAdvice outcome={props.play.stops[props.index]} names={names} reasons={props.session.stop_reasons} />
  );
}
