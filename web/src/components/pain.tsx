// Pain from 0 to 10 as eleven large choices (easier on the floor than a slider), with the
// question as the group's name. Nothing is chosen at first: nobody records a number they never
// picked.
import { useState } from 'preact/hooks';
import './pain.css';

export function PainQuestion(props: {
  id: string;
  question: string;
  value: number | null;
  onChange: (value: number) => void;
  invalid?: boolean;
}) {
  return (
    <fieldset class="pain" aria-describedby={`${props.id}-hint`} aria-invalid={props.invalid ? 'true' : undefined}>
      <legend>{props.question}</legend>
      <p id={`${props.id}-hint`} class="muted pain-hint">
        0 is no pain at all, 10 the worst pain you can imagine.
      </p>
      <div class="pain-scale">
        {Array.from({ length: 11 }, (_, score) => (
          <label key={score} class={props.value === score ? 'pain-choice pain-chosen' : 'pain-choice'}>
            <input
              type="radio"
              name={props.id}
              value={score}
              checked={props.value === score}
              onChange={() => props.onChange(score)}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A pain question with its own state and a submit button; `allowSkip` offers to leave it out. */
export function PainForm(props: {
  id: string;
  question: string;
  submit: string;
  onSubmit: (pain: number | null) => void;
  allowSkip?: string;
  busy?: boolean;
  children?: preact.ComponentChildren;
}) {
  const [value, setValue] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="pain-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (value === null) {
          setMissing(true);
          return;
        }
        props.onSubmit(value);
      }}
    >
      <PainQuestion
        id={props.id}
        question={props.question}
        value={value}
        invalid={missing}
        onChange={(score) => {
          setValue(score);
          setMissing(false);
        }}
      />
      {missing && (
        <p class="notice notice-warn" role="alert">
          Choose a number first: it helps Unload see how your back responds.
        </p>
      )}
      {props.children}
      <div class="button-row">
        <button type="submit" class="button button-primary button-large" disabled={props.busy}>
          {props.submit}
        </button>
        {props.allowSkip && (
          <button type="button" class="button" disabled={props.busy} onClick={() => props.onSubmit(null)}>
            {props.allowSkip}
          </button>
        )}
      </div>
    </form>
  );
}
