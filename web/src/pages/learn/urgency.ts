// Warning rules grouped by how soon to act, most urgent first, so the emergencies stand out.
// The urgency of each rule comes from the screening content; this only orders and names groups.
import type { LearnRule, Urgency } from './types';

export interface UrgencyGroup {
  urgency: Urgency;
  heading: string;
  rules: LearnRule[];
}

const ORDER: { urgency: Urgency; heading: string }[] = [
  { urgency: 'emergency', heading: 'Emergency: get help now' },
  { urgency: 'urgent', heading: 'Urgent: contact a doctor today' },
  { urgency: 'consult', heading: 'Soon: see a clinician before you start' },
];

/** The rules in groups, emergency first; a rule without an urgency counts as the least urgent. */
export function groupByUrgency(rules: readonly LearnRule[]): UrgencyGroup[] {
  return ORDER.map(({ urgency, heading }) => ({
    urgency,
    heading,
    rules: rules.filter((rule) => (rule.urgency ?? 'consult') === urgency),
  })).filter((group) => group.rules.length > 0);
}
