// What a stop did, in the engine's words: what to do now, advice, exercises set aside, and whether
// the warning-sign questions come again before the next session.
import type { StopOutcome, StopReasonChoice } from '../../api/types';

export function StopAdvice(props: {
  outcome: StopOutcome;
  names: ReadonlyMap<string, string>;
  reasons: readonly StopReasonChoice[];
  headingLevel?: 2 | 3;
  /** Told after the session (the summary), in the past tense. */
  past?: boolean;
}) {
  const outcome = props.outcome;
  const label = props.reasons.find((r) => r.id === outcome.reason)?.label ?? outcome.reason ?? 'Stop';
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const emergency = outcome.rescreen;
  return (
    <div class={emergency ? 'notice notice-emergency stop-advice' : 'notice notice-warn stop-advice'} data-stop={outcome.reason ?? ''}>
      <Heading class="stop-advice-title">You stopped: {label}</Heading>
      {outcome.text && <p class="stop-advice-text">{outcome.text}</p>}
      {outcome.advice.length > 0 && (
        <ul>
          {outcome.advice.map((advice) => (
            <li key={advice.id}>{advice.text}</li>
          ))}
        </ul>
      )}
      {outcome.suspended.length > 0 && (
        <p>
          Set aside until your weekly review:{' '}
          {outcome.suspended.map((id) => props.names.get(id) ?? id).join(', ')}.
        </p>
      )}
      <p class="stop-advice-ends">
        {outcome.session_ended
          ? props.past
            ? 'The session ended there.'
            : 'The session ends here.'
          : props.past
            ? 'The session went on with this change.'
            : 'The session goes on with this change.'}
      </p>
      {outcome.rescreen && (
        <p>
          <strong>Before your next session, Unload will ask the warning-sign questions again.</strong>
        </p>
      )}
    </div>
  );
}
