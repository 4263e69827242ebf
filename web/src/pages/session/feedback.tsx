// After a stored session: "How did each exercise feel?", one row of four answers per exercise the
// session reached. A tap sends it at once (PUT /api/v1/sessions/{id}/feedback/{exercise}) and a
// later tap replaces it; nothing has to be answered.
import { useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { ExerciseRating, Rating } from '../../api/types';
import { choose, RATINGS, type RatingState, ratingPath, ratingStatus, settle, UNRATED } from './ratings';

export function ExerciseFeedback(props: { session: number; exercises: { id: string; name: string }[] }) {
  if (props.exercises.length === 0) return null;
  return (
    <section class="card session-feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">How did each exercise feel?</h2>
      <p class="muted">
        The weekly review uses these: an exercise that feels too hard or hurts twice is eased; one that feels too easy
        three times can move on to a harder version. Answer only the ones you want to.
      </p>
      <ul class="feedback-list">
        {props.exercises.map((exercise, index) => (
          <li key={exercise.id}>
            <ExerciseRow session={props.session} exercise={exercise.id} name={exercise.name} index={index} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExerciseRow(props: { session: number; exercise: string; name: string; index: number }) {
  const [state, setState] = useState<RatingState>(UNRATED);
  // Taps can come faster than renders: each send starts from the newest state, not the rendered one.
  const latest = useRef<RatingState>(UNRATED);
  const update = (next: RatingState) => {
    latest.current = next;
    setState(next);
  };
  const send = async (rating: Rating) => {
    const next = choose(latest.current, rating);
    update(next);
    try {
      const stored = await api.put<ExerciseRating>(ratingPath(props.session, props.exercise), { rating });
      update(settle(latest.current, next.send, { saved: stored.rating }));
    } catch (error) {
      update(settle(latest.current, next.send, { error }));
    }
  };
  const name = `feedback-${props.index}`;
  const status = ratingStatus(state);
  const retry = state.status === 'error' ? state.chosen : null;
  return (
    <fieldset class="feedback-row" role="radiogroup" aria-describedby={`${name}-status`}>
      <legend class="feedback-name">{props.name}</legend>
      <div class="feedback-choices">
        {RATINGS.map((choice) => (
          <label key={choice.rating} class={state.chosen === choice.rating ? 'feedback-choice feedback-chosen' : 'feedback-choice'}>
            <input
              type="radio"
              name={name}
              value={choice.rating}
              checked={state.chosen === choice.rating}
              onChange={() => void send(choice.rating)}
            />
            {state.chosen === choice.rating && (
              <span class="feedback-mark" aria-hidden="true">
                ✓
              </span>
            )}
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      <div class={state.status === 'error' ? 'feedback-status feedback-status-error' : 'feedback-status'}>
        <p id={`${name}-status`} role="status">
          {status}
        </p>
        {retry && (
          <p>
            {errorWords(state.error)}{' '}
            <button type="button" class="button feedback-retry" aria-label={`Try again: ${props.name}`} onClick={() => void send(retry)}>
              Try again
            </button>
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** The client's words for what went wrong (an ApiError carries the server's message). */
function errorWords(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
