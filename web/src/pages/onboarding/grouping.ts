// Screening lists each exercise a rule leaves out on its own line, with the rule's text repeated.
// The review shows each rule once, with the names of everything it left out.
import type { ScreenExcluded } from '../../api/types';

export interface ExcludedGroup {
  rule: string;
  text: string;
  because: string[];
  /** Exercise names (or ids where no name is known), in the server's order. */
  items: string[];
}

export function groupExcluded(excluded: readonly ScreenExcluded[], names: Readonly<Record<string, string>>): ExcludedGroup[] {
  const groups: ExcludedGroup[] = [];
  for (const entry of excluded) {
    let group = groups.find((g) => g.rule === entry.rule);
    if (!group) {
      group = { rule: entry.rule, text: entry.text, because: [], items: [] };
      groups.push(group);
    }
    for (const id of entry.because) if (!group.because.includes(id)) group.because.push(id);
    const name = names[entry.item] ?? entry.item.replace(/_/g, ' ');
    if (!group.items.includes(name)) group.items.push(name);
  }
  return groups;
}
