// After the session: whether it reached the server (or waits on this device), and what the engine
// made of it: completed, quit or stopped, active minutes, pain before and after, a flare, each
// stop's advice, and whether the warning-sign questions come first next time. Once the session is
// stored, the person may say how each exercise felt.
import { useMemo } from 'preact/hooks';
import type { PlayedSession, StopReasonChoice } from '../../api/types';
import { Page } from '../../components/ui';
import { removeFromOutbox, retryEntry } from '../../player/outbox';
import { browserStore, syncOutbox } from '../../player/outbox-sync';
import type { PlayState } from '../../player/play';
import { minutesText } from '../../player/words';
import { label } from '../program/view';
import type { Delivery } from './delivery';
import { ExerciseFeedback } from './feedback';
import { StopAdvice } from './outcome';
import { OutboxNotice } from './outbox-notice';
import type { ExerciseInfo } from './player';
import { reachedExercises } from './ratings';

const OUTCOME_WORDS = {
  completed: 'You finished the whole session.',
  quit: 'You ended the session early; what you did is kept.',
  stopped: 'The session stopped because something hurt.',
} as const;

export function Summary(props: {
  play: PlayState;
  played: PlayedSession;
  delivery: Delivery;
  entryId: string;
  exercises: ReadonlyMap<string, ExerciseInfo>;
  reasons: StopReasonChoice[];
}) {
  const names = useMemo(() => new Map([...props.exercises].map(([id, info]) => [id, info.name])), [props.exercises]);
  const delivery = props.delivery;
  const recorded = delivery.kind === 'sent' ? delivery.recorded : null;
  const { played } = props;
  const rated = useMemo(
    () => reachedExercises(props.play).map((id) => ({ id, name: names.get(id) ?? label(id) })),
    [props.play, names],
  );
  return (
    <Page title="Session saved">
      <div class="session-delivery" role="status" aria-live="polite">
        {delivery.kind === 'sending' && <p class="notice">Sending the session to Unload…</p>}
        {delivery.kind === 'sent' && <p class="notice notice-ok">Saved in your record.</p>}
        {delivery.kind === 'waiting' && (
          <div class="notice notice-warn">
            <p>
              <strong>Saved on this device.</strong> There is no connection to Unload right now; the session will be
              sent as soon as it returns. Nothing is lost.
            </p>
          </div>
        )}
      </div>
      {delivery.kind === 'refused' && (
        <div class="notice notice-error" role="alert">
          <p>Unload could not store this session: {delivery.entry.error?.message}</p>
          <p>It stays on this device until you try again or remove it.</p>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => {
                retryEntry(browserStore, props.entryId);
                void syncOutbox();
              }}
            >
              Try again
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                if (window.confirm('Remove this session for good? It will not reach your record.')) {
                  removeFromOutbox(browserStore, props.entryId);
                }
              }}
            >
              Remove it from this device
            </button>
          </div>
        </div>
      )}

      <div class="card session-summary">
        {recorded ? (
          <>
            <p class="session-outcome">
              {recorded.outcome === 'quit' && recorded.stops.length > 0
                ? 'The session ended where you stopped it; what you did is kept.'
                : OUTCOME_WORDS[recorded.outcome]}
            </p>
            <dl class="session-facts">
              <div>
                <dt>Time exercising</dt>
                <dd>{minutesText(recorded.active_ms)}</dd>
              </div>
              <div>
                <dt>Pain before</dt>
                <dd>{recorded.pain_before ?? 'not given'}</dd>
              </div>
              <div>
                <dt>Pain after</dt>
                <dd>{recorded.pain_after ?? 'not given'}</dd>
              </div>
            </dl>
            {recorded.flare && (
              <p class="notice notice-warn">
                Your pain after the session is well above where it started, which Unload counts as a flare. Next time,
                every exercise starts at the gentle end of its dose. Rest in a position your back likes and keep moving
                gently through the day.
              </p>
            )}
          </>
        ) : (
          <dl class="session-facts">
            <div>
              <dt>Pain before</dt>
              <dd>{played.pain_before}</dd>
            </div>
            <div>
              <dt>Pain after</dt>
              <dd>{played.pain_after ?? 'not given'}</dd>
            </div>
          </dl>
        )}
      </div>

      {(recorded?.stops ?? props.play.stops).map((outcome, i) => (
        <StopAdvice key={i} outcome={outcome} names={names} reasons={props.reasons} past />
      ))}
      {!recorded && props.play.offlineStops.length > 0 && (
        <p class="notice notice-warn">
          You stopped with no connection, so the session ended there to be safe. Unload's advice for this stop will
          show here once the session reaches it. Until then, rest, and if you are worried about how you feel, contact a
          clinician.
        </p>
      )}
      {recorded?.rescreen_needed && (
        <div class="notice notice-warn">
          <p>
            <strong>Before your next session, Unload will ask the warning-sign questions again.</strong>
          </p>
          <p>
            <a class="button" href="#/start/rescreen">
              Answer them now
            </a>
          </p>
        </div>
      )}
      {recorded && <ExerciseFeedback session={recorded.id} exercises={rated} />}
      <OutboxNotice except={props.entryId} />
      <div class="button-row">
        <a class="button button-primary" href="#/progress">
          See your progress
        </a>
        <a class="button" href="#/">
          Back to today
        </a>
      </div>
    </Page>
  );
}
