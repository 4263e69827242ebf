// What the engine's screening says, shown as it said it: the stop page when a warning sign needs
// medical help first (no exercises, nothing to start), the page for answers that need a check
// before a program, and the list of changes made for safety that the review screen shows.
import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Exercise, GivenAdvice, Screen, StopAnswer } from '../../api/types';
import { Because } from '../../components/reasons';
import { CallEmergency } from '../../components/safety-stop';
import { useApi } from '../../components/ui';
import { groupExcluded } from './grouping';
import { headlineOf, warningsByUrgency } from './verdict';

/**
 * The stop page. It opens with what to do and how soon, then each warning that fired with its
 * reasons. It offers no exercise and no way into a program or session: only a way back for a
 * person who answered something by mistake.
 */
export function StopPage(props: {
  screen: Screen;
  onBack: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  /** Why the answers could not be stored, when they could not. */
  saveError?: unknown;
}) {
  const { screen } = props;
  const emergency = screen.verdict === 'emergency';
  // The stop is stored by now; its answer carries the number this server's people call.
  const stored = useApi<StopAnswer>('/api/v1/stop');
  const number = stored.state === 'ready' ? stored.data.emergency_number : '112';
  const headline = headlineOf(screen) ?? 'Please get medical advice before doing any exercises.';
  const warnings = warningsByUrgency(screen);
  return (
    <section class={emergency ? 'stop stop-emergency' : 'stop stop-urgent'} aria-labelledby="stop-title">
      <div class="stop-banner">
        <p class="stop-tag">{emergency ? 'Emergency' : 'Today'}</p>
        <h1 id="stop-title" tabIndex={-1} ref={props.headingRef}>
          {headline}
        </h1>
      </div>
      <div class="stop-body">
        {emergency && <CallEmergency number={number} />}
        {props.saveError !== undefined && props.saveError !== null && (
          <div class="notice notice-error" role="alert">
            <p>
              Your answers could not be saved on the server, so the other pages may not show this warning. Please follow
              the advice here all the same.
            </p>
          </div>
        )}
        {warnings.map((warning) => (
          <div class="stop-rule" key={warning.rule} data-rule={warning.rule}>
            <p>{warning.text}</p>
            <p class="stop-why">Why we say this:</p>
            <Because ids={warning.because} />
          </div>
        ))}
        <p>
          Unload stops here and offers no exercises until a clinician has seen you. Your answers are saved, and every
          page shows this advice until you answer the safety questions again.
        </p>
        <h2>Answered something by mistake?</h2>
        <p>Go back to the questions and change the answer. Everything else you entered stays as it was.</p>
        <div class="button-row">
          <button type="button" class="button" onClick={props.onBack}>
            I answered a question wrongly
          </button>
        </div>
      </div>
    </section>
  );
}

/** The reasons of one item, under a visible caption. */
function Why(props: { ids: string[] }) {
  if (props.ids.length === 0) return null;
  return (
    <div class="why">
      <span class="why-label">Why:</span>
      <Because ids={props.ids} label="Why" />
    </div>
  );
}

/** Advice from the engine, each with its reasons. */
export function AdviceList(props: { advice: GivenAdvice[] }) {
  if (props.advice.length === 0) return null;
  return (
    <ul class="result-list">
      {props.advice.map((item) => (
        <li key={item.id}>
          <p>{item.text}</p>
          <Why ids={item.because} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Everything screening found that the person should know before they start: warnings that call
 * for a check, exercises left out or changed, and advice. Nothing is summarised or reworded.
 * Exercises are named by their names: from `names` when the page has them, else loaded here (the
 * re-screen), with the id in words only until they arrive.
 */
export function ScreenSummary(props: { screen: Screen; extraAdvice?: GivenAdvice[]; names?: Record<string, string> }) {
  const { screen } = props;
  const library = useApi<Exercise[]>(props.names === undefined ? '/api/v1/exercises' : null);
  const loaded = useMemo(
    () => (library.state === 'ready' ? Object.fromEntries(library.data.map((e) => [e.id, e.name])) : {}),
    [library],
  );
  const names = props.names ?? loaded;
  const excluded = groupExcluded(screen.excluded, names);
  const warnings = warningsByUrgency(screen);
  const advice = [...screen.advice];
  for (const item of props.extraAdvice ?? []) if (!advice.some((a) => a.id === item.id)) advice.push(item);
  const nothing =
    warnings.length === 0 && screen.excluded.length === 0 && screen.modified.length === 0 && advice.length === 0;
  if (nothing) {
    return <p class="notice notice-ok">Nothing in your answers needs a change to the exercises or a check first.</p>;
  }
  return (
    <div class="screen-summary">
      {warnings.length > 0 && (
        <div class="notice notice-warn">
          <h3>Talk to a clinician</h3>
          <ul class="result-list">
            {warnings.map((warning) => (
              <li key={warning.rule} data-rule={warning.rule}>
                <p>{warning.text}</p>
                <Why ids={warning.because} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {excluded.length > 0 && (
        <>
          <h3>Left out for your safety</h3>
          <ul class="result-list">
            {excluded.map((group) => (
              <li key={group.rule} data-rule={group.rule}>
                <p>{group.text}</p>
                <p class="result-items">Left out: {group.items.join(', ')}</p>
                <Why ids={group.because} />
              </li>
            ))}
          </ul>
        </>
      )}
      {screen.modified.length > 0 && (
        <>
          <h3>Done differently</h3>
          <ul class="result-list">
            {screen.modified.map((item) => (
              <li key={`${item.item}-${item.modification}`} data-rule={item.rule}>
                <p>
                  <strong>{names[item.item] ?? item.item.replace(/_/g, ' ')}:</strong> {item.text}
                </p>
                <Why ids={item.because} />
              </li>
            ))}
          </ul>
        </>
      )}
      {advice.length > 0 && (
        <>
          <h3>Advice</h3>
          <AdviceList advice={advice} />
        </>
      )}
    </div>
  );
}
