// The body picture's logic: which parts of the figure light up for "how far down the leg" and
// "which leg". The figure shows how far symptoms reach, so every part above the lowest point
// lights up too.
import type { LegSide } from './answers';

/** The figure's parts on each leg, from the top down, named by the `symptoms.leg` values. */
export const LEG_LEVELS = ['buttock', 'thigh', 'below_knee'] as const;
export type LegLevel = (typeof LEG_LEVELS)[number];

/** The person's own left and right (the figure faces the viewer, so their left is on our right). */
export type Side = 'left' | 'right';

/** A part of the figure: `back`, or a level on one side (`left-thigh`). */
export type Region = 'back' | `${Side}-${LegLevel}`;

/**
 * The parts to light up for an answer: `none` lights the back; a leg value lights every level
 * down to it, on the side chosen (on both legs until a side is chosen, and for `both`).
 */
export function highlightedRegions(leg: string | undefined, side: LegSide | null): Set<Region> {
  const out = new Set<Region>();
  if (leg === 'none') {
    out.add('back');
    return out;
  }
  const depth = LEG_LEVELS.indexOf(leg as LegLevel);
  if (depth < 0) return out;
  const sides: Side[] = side === 'left' ? ['left'] : side === 'right' ? ['right'] : ['left', 'right'];
  for (const s of sides) {
    for (const level of LEG_LEVELS.slice(0, depth + 1)) out.add(`${s}-${level}`);
  }
  return out;
}

/** The `symptoms.leg` value a click on a part of the figure chooses. */
export function legValueOf(region: Region): string {
  if (region === 'back') return 'none';
  return region.slice(region.indexOf('-') + 1);
}
