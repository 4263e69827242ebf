// How onboarding presents the engine's screening. The verdict and every text come from the
// server; this module only decides which verdicts end onboarding on a stop page (those that say
// to get medical help first, today or now) and in what order to show what fired.
import type { Screen, ScreenWarning, Urgency, Verdict } from '../../api/types';

/** Verdicts that end onboarding: medical help comes before any exercise. */
const STOP_VERDICTS: readonly Verdict[] = ['emergency', 'urgent'];

export function stopsOnboarding(screen: Screen): boolean {
  return STOP_VERDICTS.includes(screen.verdict);
}

const URGENCY_ORDER: readonly Urgency[] = ['emergency', 'urgent', 'consult'];

/** The warnings, most urgent first, keeping the server's order within each urgency. */
export function warningsByUrgency(screen: Screen): ScreenWarning[] {
  return URGENCY_ORDER.flatMap((urgency) => screen.warnings.filter((warning) => warning.urgency === urgency));
}

/** The first sentence of a text: what to do and how soon, in the way warning texts are written. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s+(?=[A-Z"'(])|$)/s.exec(text.trim());
  return match ? match[1] : text.trim();
}

/**
 * The sentence a stop page opens with: the verdict's own sentence, else (a screening saved in
 * this browser before the server sent one) the first sentence of the most urgent warning, which
 * says what to do and how soon.
 */
export function headlineOf(screen: Screen): string | null {
  if (screen.headline) return screen.headline;
  const first = warningsByUrgency(screen)[0];
  return first ? firstSentence(first.text) : null;
}
