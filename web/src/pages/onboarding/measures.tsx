// Weight and height, typed in kilograms and centimetres or in pounds, feet and inches. The choice
// of units sits above both; the intake gets metric either way (units.ts converts), and switching
// carries over what was typed.
import type { ComponentChildren } from 'preact';
import type { IntakeField } from '../../api/types';
import type { Answers, FieldValue } from './answers';
import { Choices, NumberField } from './controls';
import { controlId } from './steps';
import { type ImperialText, type Units, imperialFromMetric, metricFromImperial } from './units';

const UNIT_CHOICES: { value: Units; label: string }[] = [
  { value: 'metric', label: 'kg and cm' },
  { value: 'imperial', label: 'lb, ft and in' },
];

/** Switches units, carrying over what was typed in the others. */
export function switchUnits(answers: Answers, to: Units, weight?: IntakeField, height?: IntakeField): Answers {
  if (answers.units === to) return answers;
  if (to === 'imperial') {
    const carried = imperialFromMetric(
      stringOf(answers.fields[weight?.path ?? '']),
      stringOf(answers.fields[height?.path ?? '']),
    );
    return { ...answers, units: to, imperial: { ...answers.imperial, ...carried } };
  }
  const metric = metricFromImperial(weight, height, answers.imperial);
  const fields = { ...answers.fields };
  if (weight && metric.kg !== undefined) fields[weight.path] = metric.kg;
  if (height && metric.cm !== undefined) fields[height.path] = metric.cm;
  return { ...answers, units: to, fields };
}

const stringOf = (value: FieldValue | undefined) => (typeof value === 'string' ? value : undefined);

/** One small number box with its unit beside it, inside a labelled question. */
function UnitBox(props: {
  id: string;
  label: string;
  unit: string;
  value: string | undefined;
  invalid: boolean;
  describedBy?: string;
  onInput: (text: string) => void;
  width?: string;
}) {
  return (
    <span class="unit-input">
      <input
        id={props.id}
        class={props.width ?? 'number-input'}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={props.value ?? ''}
        aria-label={props.label}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.describedBy}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <span class="unit" aria-hidden="true">
        {props.unit}
      </span>
    </span>
  );
}

export function BodyMeasures(props: {
  weight?: IntakeField;
  height?: IntakeField;
  answers: Answers;
  update: (change: (answers: Answers) => Answers) => void;
  problemFor: (target: string) => string | undefined;
}) {
  const { weight, height, answers, update, problemFor } = props;
  const setField = (path: string, text: string) => update((a) => ({ ...a, fields: { ...a.fields, [path]: text } }));
  const setImperial = (change: ImperialText) => update((a) => ({ ...a, imperial: { ...a.imperial, ...change } }));
  const imperial = answers.units === 'imperial';
  return (
    <div class="measures">
      <Choices<Units>
        idKey="units"
        name={controlId('units')}
        legend="Units for weight and height"
        options={UNIT_CHOICES}
        value={answers.units}
        onChange={(to) => update((a) => switchUnits(a, to, weight, height))}
        inline
      />
      {weight &&
        (imperial ? (
          <ImperialQuestion field={weight} problem={problemFor(controlId(weight.path))}>
            {(describedBy, invalid) => (
              <UnitBox
                id={controlId(weight.path)}
                label="Weight in pounds"
                unit="lb"
                value={answers.imperial.lb}
                invalid={invalid}
                describedBy={describedBy}
                onInput={(lb) => setImperial({ lb })}
              />
            )}
          </ImperialQuestion>
        ) : (
          <NumberField
            field={weight}
            value={stringOf(answers.fields[weight.path])}
            onChange={(text) => setField(weight.path, text)}
            problem={problemFor(controlId(weight.path))}
          />
        ))}
      {height &&
        (imperial ? (
          <ImperialQuestion field={height} problem={problemFor(controlId(height.path))}>
            {(describedBy, invalid) => (
              <span class="unit-pair">
                <UnitBox
                  id={controlId(height.path)}
                  label="Height: feet"
                  unit="ft"
                  value={answers.imperial.ft}
                  invalid={invalid}
                  describedBy={describedBy}
                  onInput={(ft) => setImperial({ ft })}
                  width="number-input number-input-short"
                />
                <UnitBox
                  id={`${controlId(height.path)}-in`}
                  label="Height: inches"
                  unit="in"
                  value={answers.imperial.in}
                  invalid={invalid}
                  describedBy={describedBy}
                  onInput={(inches) => setImperial({ in: inches })}
                  width="number-input number-input-short"
                />
              </span>
            )}
          </ImperialQuestion>
        ) : (
          <NumberField
            field={height}
            value={stringOf(answers.fields[height.path])}
            onChange={(text) => setField(height.path, text)}
            problem={problemFor(controlId(height.path))}
          />
        ))}
    </div>
  );
}

/** A weight or height question typed in pounds, feet and inches: a group named by its question. */
function ImperialQuestion(props: {
  field: IntakeField;
  problem: string | undefined;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const { field, problem } = props;
  const id = controlId(field.path);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={problem ? 'question question-missing' : 'question'}>
      <legend>
        {field.question}
        {field.nullable && <span class="optional"> (optional)</span>}
      </legend>
      {field.hint && (
        <p class="hint" id={hintId}>
          {field.hint}
        </p>
      )}
      {problem && (
        <p class="field-problem" id={problemId}>
          {problem}
        </p>
      )}
      {props.children(describedBy, problem !== undefined)}
    </fieldset>
  );
}
