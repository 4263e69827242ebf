// The answer controls onboarding is made of: yes/no questions, choices, numbers, the pain slider,
// the equipment list and the minutes. Each is a native form control with a visible label, so the
// keyboard and screen readers work without extra scripting; the first control of a group carries
// the id that the list of missing answers links to.
import type { ComponentChildren } from 'preact';
import type { IntakeField } from '../../api/types';
import { type FactChoice, type FieldValue, METRIC_UNITS, NEVER_TRIED } from './answers';
import { controlId, splitQuestion } from './steps';

/** A message under a question that still needs an answer. */
function Missing(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="field-problem" id={props.id}>
      {props.message}
    </p>
  );
}

/** The ids of a question's hint and problem message, and the `aria-describedby` naming both. */
function questionIds(id: string, hint: string | undefined, problem: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const list = [hintId, problemId].filter((item): item is string => item !== undefined);
  return { hintId, describedBy: list.length > 0 ? list.join(' ') : undefined };
}

/** The words under a question that help answer it. */
function Hint(props: { id: string | undefined; text: string | undefined }) {
  if (!props.text) return null;
  return (
    <p class="hint" id={props.id}>
      {props.text}
    </p>
  );
}

/** A question answered with one control: its label, hint and what is missing, then the control. */
function LabelledQuestion(props: {
  id: string;
  label: ComponentChildren;
  hint: string | undefined;
  problem: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={props.problem ? 'question question-missing' : 'question'}>
      <label for={props.id} class="question-label">
        {props.label}
      </label>
      <Hint id={questionIds(props.id, props.hint, props.problem).hintId} text={props.hint} />
      <Missing id={`${props.id}-problem`} message={props.problem} />
      {props.children}
    </div>
  );
}

/** A fixed field whose answer is kept as the text typed or picked, and what is missing there. */
interface TextFieldProps {
  field: IntakeField;
  value: string | undefined;
  onChange: (text: string) => void;
  problem?: string;
}

export interface ChoiceOption<T> {
  value: T;
  label: string;
  /** A line under the choice's label that says more about it. */
  detail?: string;
}

/**
 * A group of radio buttons under a legend. `inline` lays short answers (yes/no) side by side as
 * large buttons; otherwise each choice takes a full line.
 */
export function Choices<T extends string | number | boolean | null>(props: {
  idKey: string;
  name: string;
  legend: ComponentChildren;
  hint?: string;
  options: ChoiceOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  problem?: string;
  inline?: boolean;
  /** Three short answers, kept on one line even on a phone. */
  three?: boolean;
  legendClass?: string;
}) {
  const id = controlId(props.idKey);
  const { hintId, describedBy } = questionIds(id, props.hint, props.problem);
  return (
    <fieldset class={props.problem ? 'question question-missing' : 'question'} aria-describedby={describedBy}>
      <legend class={props.legendClass}>{props.legend}</legend>
      <Hint id={hintId} text={props.hint} />
      <Missing id={`${id}-problem`} message={props.problem} />
      <div
        class={
          props.inline ? (props.options.length === 3 && props.three ? 'choices choices-inline choices-three' : 'choices choices-inline') : 'choices'
        }
      >
        {props.options.map((option, index) => (
          <label class="choice" key={String(option.value)}>
            <input
              type="radio"
              id={index === 0 ? id : undefined}
              name={props.name}
              value={String(option.value)}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            {option.detail ? (
              <span class="choice-text">
                <span>{option.label}</span>{' '}
                <span class="choice-detail">{option.detail}</span>
              </span>
            ) : (
              <span>{option.label}</span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A question as a legend: the question itself, and on a line of its own the sentence after it
 * that explains a term, both read out as the group's name.
 */
export function QuestionWords(props: { text: string }) {
  const { ask, more } = splitQuestion(props.text);
  if (!more) return <>{ask}</>;
  return (
    <>
      {ask} <span class="legend-more">{more}</span>
    </>
  );
}

export const YES_NO: ChoiceOption<boolean>[] = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

const YES_NO_UNSURE: ChoiceOption<FactChoice>[] = [...YES_NO, { value: 'unsure', label: 'Not sure' }];

/** One yes/no question; `unsure` adds "Not sure", which the caller counts as yes. */
export function YesNo<T extends FactChoice = boolean>(props: {
  idKey: string;
  question: string;
  hint?: string;
  value: T | undefined;
  onChange: (value: T) => void;
  problem?: string;
  unsure?: boolean;
}) {
  return (
    <Choices<T>
      idKey={props.idKey}
      name={controlId(props.idKey)}
      legend={<QuestionWords text={props.question} />}
      hint={props.hint}
      options={(props.unsure ? YES_NO_UNSURE : YES_NO) as ChoiceOption<T>[]}
      value={props.value}
      onChange={props.onChange}
      problem={props.problem}
      inline
      three={props.unsure}
    />
  );
}

/** The words beside a metric number's box. */
const UNIT_WORDS: Readonly<Record<string, string>> = { kg: 'kilograms', cm: 'centimetres' };

/** A number typed in; empty where the field allows "not known". */
export function NumberField(props: TextFieldProps) {
  const field = props.field;
  const id = controlId(field.path);
  const label = (
    <>
      {field.question}
      {field.nullable && <span class="optional"> (optional)</span>}
    </>
  );
  const unit = METRIC_UNITS[field.path];
  const described = questionIds(id, field.hint, props.problem).describedBy;
  const input = (
    <input
      id={id}
      class="number-input"
      type="number"
      inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
      min={field.min}
      max={field.max}
      step={field.type === 'integer' ? 1 : 'any'}
      value={props.value ?? ''}
      aria-invalid={props.problem ? 'true' : undefined}
      aria-describedby={unit ? [described, `${id}-unit`].filter(Boolean).join(' ') : described}
      onInput={(event) => props.onChange(event.currentTarget.value)}
    />
  );
  return (
    <LabelledQuestion id={id} label={label} hint={field.hint} problem={props.problem}>
      {unit ? (
        <span class="unit-input">
          {input}
          <span class="unit" id={`${id}-unit`} title={UNIT_WORDS[unit]}>
            {unit}
          </span>
        </span>
      ) : (
        input
      )}
    </LabelledQuestion>
  );
}

const SLIDER_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/**
 * The 0-10 slider for pain now, with its number shown large beside it. It starts unanswered: the
 * person has to touch it, so nobody moves on with a number they never chose.
 */
export function PainSlider(props: TextFieldProps) {
  const field = props.field;
  const id = controlId(field.path);
  const min = field.min ?? 0;
  const max = field.max ?? 10;
  const chosen = props.value !== undefined && props.value !== '';
  const pick = (event: Event) => props.onChange((event.currentTarget as HTMLInputElement).value);
  // A key that sets the value counts as an answer even when the value stays (Home at 0); Tab
  // arriving on the slider does not.
  const pickByKey = (event: KeyboardEvent) => {
    if (SLIDER_KEYS.includes(event.key)) pick(event);
  };
  return (
    <LabelledQuestion id={id} label={field.question} hint={field.hint} problem={props.problem}>
      <div class="slider">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={1}
          value={chosen ? props.value : min}
          aria-valuetext={chosen ? `${props.value} out of ${max}` : 'not chosen yet'}
          aria-describedby={questionIds(id, field.hint, props.problem).describedBy}
          onInput={pick}
          onChange={pick}
          onPointerUp={pick}
          onKeyUp={pickByKey}
        />
        <output for={id} class={chosen ? 'slider-value' : 'slider-value slider-value-empty'} aria-hidden="true">
          {chosen ? props.value : '–'}
        </output>
      </div>
      <div class="slider-ends" aria-hidden="true">
        <span>{min}</span>
        <span>{max}</span>
      </div>
    </LabelledQuestion>
  );
}

/** The equipment at hand: one checkbox per thing. */
export function EquipmentField(props: { field: IntakeField; value: string[]; onChange: (ids: string[]) => void }) {
  const field = props.field;
  const id = controlId(field.path);
  const { hintId } = questionIds(id, field.hint, undefined);
  const toggle = (value: string, on: boolean) => {
    const next = props.value.filter((item) => item !== value);
    if (on) next.push(value);
    const order = (field.options ?? []).map((option) => option.value);
    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    props.onChange(next);
  };
  return (
    <fieldset class="question" aria-describedby={hintId}>
      <legend>{field.question}</legend>
      <Hint id={hintId} text={field.hint} />
      <div class="choices">
        {(field.options ?? []).map((option, index) => (
          <label class="choice" key={option.value}>
            <input
              type="checkbox"
              id={index === 0 ? id : undefined}
              value={option.value}
              checked={props.value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Minutes per session as a short list to pick from, in steps of five within the field's range. */
export function MinutesField(props: TextFieldProps) {
  const field = props.field;
  const id = controlId(field.path);
  const min = field.min ?? 5;
  const max = field.max ?? 60;
  const choices: number[] = [];
  for (let minutes = Math.ceil(min / 5) * 5; minutes <= max; minutes += 5) choices.push(minutes);
  if (choices[0] !== min) choices.unshift(min);
  const current = props.value !== undefined && props.value !== '' ? Number(props.value) : undefined;
  if (current !== undefined && Number.isFinite(current) && !choices.includes(current)) {
    choices.push(current);
    choices.sort((a, b) => a - b);
  }
  return (
    <LabelledQuestion id={id} label={field.question} hint={field.hint} problem={props.problem}>
      <select
        id={id}
        class="minutes-select"
        value={current !== undefined ? String(current) : ''}
        aria-describedby={questionIds(id, field.hint, props.problem).describedBy}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {current === undefined && <option value="">Choose…</option>}
        {choices.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {minutes} minutes
          </option>
        ))}
      </select>
    </LabelledQuestion>
  );
}

/** Any fixed field, with the control its type and path call for. */
export function FieldControl(props: {
  field: IntakeField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  problem?: string;
  /** A yes/no field that also takes "Never tried" (sent as no). */
  neverTried?: boolean;
}) {
  const { field, value, onChange, problem } = props;
  if (field.path === 'symptoms.pain_now') {
    return <PainSlider field={field} value={typeof value === 'string' ? value : undefined} onChange={onChange} problem={problem} />;
  }
  if (field.path === 'minutes_per_session') {
    return <MinutesField field={field} value={typeof value === 'string' ? value : undefined} onChange={onChange} problem={problem} />;
  }
  switch (field.type) {
    case 'integer':
    case 'number':
      return <NumberField field={field} value={typeof value === 'string' ? value : undefined} onChange={onChange} problem={problem} />;
    case 'boolean':
      if (props.neverTried) {
        return (
          <NeverTriedQuestion field={field} value={value} onChange={onChange} problem={problem} />
        );
      }
      return (
        <YesNo
          idKey={field.path}
          question={field.question}
          hint={field.hint}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={onChange}
          problem={problem}
        />
      );
    case 'choice':
      return (
        <Choices
          idKey={field.path}
          name={controlId(field.path)}
          legend={field.question}
          hint={field.hint}
          options={(field.options ?? []).map((option) => ({ value: option.value, label: option.label }))}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          problem={problem}
        />
      );
    case 'equipment':
      return <EquipmentField field={field} value={Array.isArray(value) ? value : []} onChange={onChange} />;
  }
}

/**
 * A yes/no question about something a person may never have done: Yes, No, or "Never tried",
 * which is sent as no, and the page says so.
 */
function NeverTriedQuestion(props: {
  field: IntakeField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  problem?: string;
}) {
  const { field, value } = props;
  const options: ChoiceOption<boolean | string>[] = [...YES_NO, { value: NEVER_TRIED, label: 'Never tried' }];
  const hint = [field.hint, '“Never tried” counts as no: there is no pain from it to report.'].filter(Boolean).join(' ');
  return (
    <Choices<boolean | string>
      idKey={field.path}
      name={controlId(field.path)}
      legend={<QuestionWords text={field.question} />}
      hint={hint}
      options={options}
      value={typeof value === 'boolean' || value === NEVER_TRIED ? value : undefined}
      onChange={props.onChange}
      problem={props.problem}
      inline
      three
    />
  );
}
