import { describe, expect, it } from 'vitest';
import { asSentence, reasonList, reasonWords } from './reasons';
import type { Reasons } from './types';

const glossary: Reasons = {
  reasons: {
    knee_sensitivity: { id: 'knee_sensitivity', kind: 'condition', text: 'sore knees when kneeling' },
    gentle_rule: { id: 'gentle_rule', kind: 'rule', text: 'Start gently.', detail: 'Because it settles faster.' },
    no_mat: { id: 'no_mat', kind: 'equipment', text: 'needs a mat' },
    adherence_low: { id: 'adherence_low', kind: 'review', text: 'You did {done} of {planned}.' },
  },
  program: { walking_text: '', desk_break_text: '' },
};

describe('asSentence', () => {
  it('capitalises and ends with a full stop once', () => {
    expect(asSentence('needs a mat')).toBe('Needs a mat.');
    expect(asSentence('Start gently.')).toBe('Start gently.');
    expect(asSentence('  ')).toBe('');
  });
});

describe('reasonWords', () => {
  it("says a fact comes from the person's answers", () => {
    expect(reasonWords(glossary, 'knee_sensitivity')).toMatchObject({
      text: 'From your answers: sore knees when kneeling.',
      kind: 'condition',
      known: true,
    });
  });
  it('makes other phrases sentences', () => {
    expect(reasonWords(glossary, 'no_mat').text).toBe('Needs a mat.');
    expect(reasonWords(glossary, 'gentle_rule').text).toBe('Start gently.');
  });
  it('keeps the detail of a rule', () => {
    expect(reasonWords(glossary, 'gentle_rule').detail).toBe('Because it settles faster.');
  });
  it('falls back to the id while the glossary is loading', () => {
    expect(reasonWords(null, 'knee_sensitivity')).toMatchObject({ text: 'knee_sensitivity', known: false });
  });
  it('falls back to the id for an id the glossary does not know', () => {
    expect(reasonWords(glossary, 'something_new')).toMatchObject({ text: 'something_new', known: false });
  });
  it("prefers a record's own filled-in text", () => {
    expect(reasonWords(glossary, { id: 'adherence_low', text: 'You did 1 of 5.' }).text).toBe('You did 1 of 5.');
  });
  it('never shows a template with placeholders', () => {
    expect(reasonWords(glossary, 'adherence_low').text).toBe('adherence_low');
    expect(reasonWords(glossary, { id: 'adherence_low', text: '  ' }).text).toBe('adherence_low');
  });
});

describe('reasonList', () => {
  it('lists each id once, in order', () => {
    const words = reasonList(glossary, ['gentle_rule', 'knee_sensitivity', { id: 'gentle_rule', text: '' }]);
    expect(words.map((w) => w.id)).toEqual(['gentle_rule', 'knee_sensitivity']);
  });
  it("keeps one id twice when a record gives it other words each time (two exercises' feedback)", () => {
    const words = reasonList(glossary, [
      { id: 'feedback_easier', text: 'Cat-cow felt too hard.' },
      { id: 'feedback_easier', text: 'Bird dog felt too hard.' },
      { id: 'feedback_easier', text: 'Cat-cow felt too hard.' },
    ]);
    expect(words.map((w) => w.text)).toEqual(['Cat-cow felt too hard.', 'Bird dog felt too hard.']);
  });
});
