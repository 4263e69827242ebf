// Small pure helpers for the program page: which words go with a routine entry's modification
// ids, how an id reads as a label when no better words exist, and the words of a harder version
// on offer or taken.
import type { Exercise, Offer, RoutineEntry, Screen } from '../../api/types';

export interface ModificationText {
  id: string;
  text: string;
}

/**
 * The words of each modification of a routine entry: screening's words when screening asked for
 * it, else the exercise's own, else the id (so a modification is never silently dropped).
 */
export function modificationTexts(entry: Pick<RoutineEntry, 'exercise' | 'modifications'>, screening: Pick<Screen, 'modified'> | null, exercise: Pick<Exercise, 'modifications'> | null): ModificationText[] {
  return entry.modifications.map((id) => {
    const fromScreening = screening?.modified.find((change) => change.item === entry.exercise && change.modification === id);
    if (fromScreening?.text) return { id, text: fromScreening.text };
    const fromExercise = exercise?.modifications.find((modification) => modification.id === id);
    if (fromExercise?.text) return { id, text: fromExercise.text };
    return { id, text: label(id) };
  });
}

/**
 * The instructions as this person does them: a change's own starting position (side-lying in
 * pregnancy) in place of the exercise's, and without the steps a change forbids (the both-knees
 * rock for one knee at a time), so no line says to do what a modification rules out.
 */
export function howToFor(exercise: Pick<Exercise, 'position' | 'steps' | 'modifications'>, applied: readonly string[]): { position: string; steps: string[] } {
  const changes = exercise.modifications.filter((modification) => applied.includes(modification.id));
  const position = changes.find((change) => change.position)?.position ?? exercise.position;
  const left = new Set(changes.flatMap((change) => change.leaves_out_steps));
  return { position, steps: exercise.steps.filter((_, i) => !left.has(i + 1)) };
}

/** `warm_up` → "Warm up": an id shown as a label. */
export function label(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const strengthWords: Record<string, string> = {
  none: 'No study has tested this yet.',
  very_low: 'There is very little research on this, so no one can be sure yet.',
  low: 'There is some research, but not enough to be sure.',
  moderate: 'There is a fair amount of research behind this.',
  high: 'There is strong research behind this.',
};

const directionWords: Record<string, string> = {
  helps: 'What there is points to it helping.',
  no_difference: 'What there is points to it making little or no difference.',
  harms: 'What there is points to it doing harm.',
  unclear: 'It does not yet point clearly either way.',
};

/**
 * The evidence label in calm words: how much research there is and which way it points, and,
 * where support is thin, that this speaks of the research, not of a risk to the person.
 */
export function evidenceWords(strength: string, direction: string): string[] {
  const words = [strengthWords[strength] ?? label(strength), directionWords[direction] ?? label(direction)];
  // Only where the research leans toward helping or has not decided: for a technique shown to
  // make no difference, or to harm, the comfort would contradict its safety notes.
  const open = direction === 'helps' || direction === 'unclear';
  if (open && (strength === 'none' || strength === 'very_low' || strength === 'low'))
    words.push('Little research means the question is still open, not that the exercise is unsafe.');
  return words;
}

/** "Monday 9 March" for an ISO day, read in the person's own calendar (no time-zone shift). */
export function dayWords(isoDay: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** The weeks after `week` to preview, at most `count` of them. */
export function comingWeeks(week: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => week + 1 + i);
}

/**
 * A source's reference as a person reads it: a citation is shown, a bare file name (the seed
 * articles are kept as files) says nothing to a reader and is left out.
 */
export function readableReference(reference: string): string | null {
  const text = reference.trim();
  if (!text || /^[\w.-]+\.(txt|md|html?|pdf|json)$/i.test(text)) return null;
  return text;
}

/** The name of the routine's own exercise this one plays in place of, or null ("In place of …"). */
export function replacedName(entry: Pick<RoutineEntry, 'replaces' | 'replaces_name'>): string | null {
  if (!entry.replaces) return null;
  return entry.replaces_name ?? label(entry.replaces);
}

/** A harder version on offer, in words: the question, the button, and what taking it did. */
export function offerWords(offer: Offer): { question: string; optional: string; button: string; taken: string } {
  return {
    question: `${offer.name} felt too easy lately. Ready for ${offer.harder_name}?`,
    optional: `Only if you want to: ${offer.name} stays in your routine until you choose.`,
    button: `Try ${offer.harder_name} instead`,
    taken: `${offer.harder_name} is in your routine now, in place of ${offer.name}.`,
  };
}
