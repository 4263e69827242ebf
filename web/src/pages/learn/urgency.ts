// Warning rules grouped by how soon to act, most urgent first, so the emergencies stand out.
// The urgency of each rule comes from the screening content; this only orders and names groups.
import type { LearnRule, Urgency } from '../../api/types';

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

/** The rules in groups, emergency first, each group in content order. */
export function groupByUrgency(rules: readonly LearnRule[]): UrgencyGroup[] {
  return ORDER.map(({ urgency, heading }) => ({
    urgency,
    heading,
    rules: rules.filter((rule) => rule.urgency === urgency),
  })).filter((group) => group.rules.length > 0);
}
