// The safety stop (GET /api/v1/stop): answers that gave `emergency`, `urgent` or `consult` are
// stored on the server and stop the program. Today, Program, Session and Progress show the stop
// with what to do, how soon and why, and offer no way into a session, until the person answers the
// safety questions again; they can say first that they have been seen, which is recorded too.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { OpenSafetyStop, StopAnswer } from '../api/types';
import { ONBOARDING_KEY, RESCREEN_KEY, reopen } from '../pages/onboarding/storage';
import { headlineOf, warningsByUrgency } from '../pages/onboarding/verdict';
import { Because } from './reasons';
import './safety-stop.css';
import { ErrorNotice, type Loaded, useApi } from './ui';

/** The stop in force, asked of the server each time a page opens. */
export function useSafetyStop(): Loaded<StopAnswer> {
  return useApi<StopAnswer>('/api/v1/stop');
}

/** The open stop, or null while loading, on error, or when there is none. */
export function openStop(loaded: Loaded<StopAnswer>): OpenSafetyStop | null {
  return loaded.state === 'ready' ? loaded.data.stop : null;
}

/** A button that dials the emergency number on a phone, and the numbers that work elsewhere. */
export function CallEmergency(props: { number: string }) {
  return (
    <div class="call-emergency">
      <a class="button button-emergency" href={`tel:${props.number}`}>
        Call {props.number}
      </a>
      <p class="muted">
        112 works across Europe and on most mobile phones; 911 in North America and 999 in the UK work too. If you
        cannot call, ask someone to take you to an emergency department.
      </p>
    </div>
  );
}

const TAGS: Record<OpenSafetyStop['verdict'], string> = {
  emergency: 'Emergency: now',
  urgent: 'Today',
  consult: 'Before you exercise',
};

/**
 * The stop on a page: what to do and how soon, each warning with its reasons, the call button for
 * an emergency, and the two ways on: "I have been seen", then the safety questions again.
 */
export function SafetyStopNotice(props: { answer: StopAnswer; onChange: () => void }) {
  const stop = props.answer.stop;
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (!stop) return null;
  const headline = headlineOf(stop.screen) ?? 'Please get medical advice before doing any exercises.';
  const again = stop.origin === 'onboarding' ? '#/start' : '#/start/rescreen';
  const seen = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/api/v1/stop/seen', {});
      props.onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section
      class={`safety-stop safety-stop-${stop.verdict}`}
      aria-labelledby="safety-stop-title"
      data-verdict={stop.verdict}
    >
      <p class="stop-tag">{TAGS[stop.verdict]}</p>
      <h2 id="safety-stop-title" tabIndex={-1}>
        {headline}
      </h2>
      {stop.verdict === 'emergency' && <CallEmergency number={props.answer.emergency_number} />}
      <p>Your program is stopped, so there are no sessions until this is checked.</p>
      <h3>Why</h3>
      {warningsByUrgency(stop.screen).map((warning) => (
        <div class="stop-rule" key={warning.rule} data-rule={warning.rule}>
          <p>{warning.text}</p>
          <Because ids={warning.because} />
        </div>
      ))}
      <h3>After you have been seen</h3>
      {stop.seen_at ? (
        <p>
          You told us you have been seen. Now answer the safety questions again: if none of the warning signs is there
          any more, your program carries on.
        </p>
      ) : (
        <>
          <p>Tell us when a doctor or physical therapist has seen you, then answer the safety questions again.</p>
          <div class="button-row">
            <button type="button" class="button" disabled={saving} aria-busy={saving} onClick={() => void seen()}>
              I have been seen
            </button>
          </div>
        </>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div class="button-row">
        <a
          class={stop.seen_at ? 'button button-primary' : 'button'}
          href={again}
          onClick={() => reopen(stop.origin === 'onboarding' ? ONBOARDING_KEY : RESCREEN_KEY)}
        >
          Answer the safety questions again
        </a>
      </div>
      <p class="muted">An answer given by mistake? Answering again with the right answer clears this too.</p>
    </section>
  );
}
