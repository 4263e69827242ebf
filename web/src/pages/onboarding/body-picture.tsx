// Where leg symptoms reach, chosen on a simple figure seen from the front. The choices are real
// radio buttons with visible labels beside the figure (arrow keys move between them, a screen
// reader reads them as one group); the figure shows the answer and can be tapped too, so a person
// who thinks in pictures and one who thinks in words both get there.
import { useState } from 'preact/hooks';
import type { IntakeField } from '../../api/types';
import type { LegSide } from './answers';
import { LEG_LEVELS, type LegLevel, type Region, type Side, highlightedRegions, legValueOf } from './body';
import { Choices } from './controls';
import { controlId } from './steps';

/** The shapes of the figure: each level of each leg, in figure coordinates (viewBox 34 0 132 372). */
const LEG_X: Record<Side, number> = { right: 66, left: 104 };
const LEVEL_SHAPE: Record<LegLevel, { y: number; height: number }> = {
  buttock: { y: 168, height: 32 },
  thigh: { y: 202, height: 62 },
  below_knee: { y: 266, height: 72 },
};

const SIDE_OPTIONS: { value: LegSide; label: string }[] = [
  { value: 'left', label: 'My left leg' },
  { value: 'right', label: 'My right leg' },
  { value: 'both', label: 'Both legs' },
];

export function BodyPicture(props: {
  field: IntakeField;
  value: string | undefined;
  side: LegSide | null;
  onChange: (value: string) => void;
  onSide: (side: LegSide) => void;
  problem?: string;
  sideProblem?: string;
}) {
  const { field, value, side } = props;
  const [focused, setFocused] = useState<string | null>(null);
  const lit = highlightedRegions(value, side);
  const focusedRegions = focused === null ? new Set<Region>() : highlightedRegions(focused, null);
  const id = controlId(field.path);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const problemId = props.problem ? `${id}-problem` : undefined;
  const options = field.options ?? [];
  const legReached = value !== undefined && value !== 'none' && options.some((o) => o.value === value);

  const regionClass = (region: Region) =>
    ['region', lit.has(region) ? 'region-on' : '', focusedRegions.has(region) ? 'region-focus' : '']
      .filter(Boolean)
      .join(' ');

  const choose = (region: Region) => {
    const next = legValueOf(region);
    if (options.some((option) => option.value === next)) props.onChange(next);
  };

  return (
    <>
      <fieldset
        class={props.problem ? 'question body-question question-missing' : 'question body-question'}
        aria-describedby={[hintId, problemId].filter(Boolean).join(' ') || undefined}
      >
        <legend>{field.question}</legend>
        {field.hint && (
          <p class="hint" id={hintId}>
            {field.hint}
          </p>
        )}
        {props.problem && (
          <p class="field-problem" id={problemId}>
            {props.problem}
          </p>
        )}
        <div class="body-layout">
          {/* The radio buttons beside the figure say everything it shows, so it is hidden from
              screen readers; taps on it choose the same answers. */}
          <svg class="body-figure" viewBox="34 0 132 372" aria-hidden="true" focusable="false">
            <circle class="figure-line" cx="100" cy="32" r="22" />
            <rect class="figure-line" x="92" y="52" width="16" height="14" rx="4" />
            <rect class="figure-line" x="38" y="70" width="20" height="108" rx="10" />
            <rect class="figure-line" x="142" y="70" width="20" height="108" rx="10" />
            <rect
              class={regionClass('back')}
              data-region="back"
              x="62"
              y="64"
              width="76"
              height="102"
              rx="18"
              onClick={() => choose('back')}
            />
            {(Object.keys(LEG_X) as Side[]).map((s) =>
              LEG_LEVELS.map((level) => {
                const region: Region = `${s}-${level}`;
                const shape = LEVEL_SHAPE[level];
                return (
                  <rect
                    key={region}
                    class={regionClass(region)}
                    data-region={region}
                    x={LEG_X[s]}
                    y={shape.y}
                    width="30"
                    height={shape.height}
                    rx={level === 'buttock' ? 12 : 9}
                    onClick={() => choose(region)}
                  />
                );
              }),
            )}
            <text class="figure-text" x="81" y="364" text-anchor="middle">
              Right
            </text>
            <text class="figure-text" x="119" y="364" text-anchor="middle">
              Left
            </text>
          </svg>
          <div class="choices body-choices">
            {options.map((option, index) => (
              <label class={value === option.value ? 'choice choice-on' : 'choice'} key={option.value}>
                <input
                  type="radio"
                  id={index === 0 ? id : undefined}
                  name={id}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => props.onChange(option.value)}
                  onFocus={() => setFocused(option.value)}
                  onBlur={() => setFocused(null)}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </div>
        <p class="hint body-note">The figure faces you: your right leg is on the left of the picture.</p>
      </fieldset>
      {legReached && (
        <Choices
          idKey="leg-side"
          name={controlId('leg-side')}
          legend="Which leg is it?"
          options={SIDE_OPTIONS}
          value={side ?? undefined}
          onChange={props.onSide}
          problem={props.sideProblem}
        />
      )}
    </>
  );
}
