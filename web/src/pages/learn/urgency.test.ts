import { describe, expect, it } from 'vitest';
import type { LearnRule } from '../../api/types';
import { groupByUrgency } from './urgency';

const rule = (id: string, urgency: LearnRule['urgency']): LearnRule => ({ id, urgency, text: id, source: [] });

describe('groupByUrgency', () => {
  it('puts emergencies first and keeps content order inside a group', () => {
    const groups = groupByUrgency([rule('a', 'consult'), rule('b', 'emergency'), rule('c', 'urgent'), rule('d', 'emergency')]);
    expect(groups.map((g) => g.urgency)).toEqual(['emergency', 'urgent', 'consult']);
    expect(groups[0].rules.map((r) => r.id)).toEqual(['b', 'd']);
  });
  it('leaves out empty groups', () => {
    expect(groupByUrgency([rule('a', 'urgent')]).map((g) => g.urgency)).toEqual(['urgent']);
    expect(groupByUrgency([])).toEqual([]);
  });
});
