// An exercise's instructions as a person reads them, on the program page and in the library: the
// starting position, the numbered steps, breathing and the safety notes. With `applied`, a
// change's own position and without the steps it forbids (howToFor).
import type { Exercise } from '../../api/types';
import { howToFor } from './view';

export function Instructions(props: { exercise: Exercise; applied?: readonly string[] }) {
  const { exercise } = props;
  const how = howToFor(exercise, props.applied ?? []);
  return (
    <>
      {how.position && <p>{how.position}.</p>}
      <ol class="steps">
        {how.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      {exercise.breathing && (
        <p>
          <strong>Breathing.</strong> {exercise.breathing}
        </p>
      )}
      {exercise.safety.length > 0 && (
        <div class="notice notice-warn safety">
          <p>
            <strong>Stay safe</strong>
          </p>
          <ul>
            {exercise.safety.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
