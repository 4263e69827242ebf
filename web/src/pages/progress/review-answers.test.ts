import { describe, expect, it } from 'vitest';
import { intakeField } from '../../api/fixtures';
import type { IntakeForm } from '../../api/types';
import { answeredCount, reviewBody, unanswered, warningTopics } from './review-answers';

const form: IntakeForm = {
  format: 'unload-intake/1',
  topics: [
    {
      id: 'nerves',
      title: 'Nerves',
      intro: '',
      questions: [
        { id: 'saddle_numbness', answer: 'warning_signs', question: 'Saddle?', text: '' },
        { id: 'fever', answer: 'warning_signs', question: 'Fever?', text: '' },
      ],
    },
    { id: 'spine', title: 'Spine', intro: '', questions: [{ id: 'osteoporosis', answer: 'conditions', question: 'Bones?', text: '' }] },
  ],
  fields: [
    intakeField('symptoms.leg', 'choice', 'Leg?', { options: [{ value: 'none', label: 'No' }] }),
    intakeField('symptoms.leg_numbness_or_tingling', 'boolean', 'Numb?'),
    intakeField('symptoms.pain_now', 'integer', 'Pain?'),
  ],
  patterns: [],
  questionnaires: [],
};

describe('the review answers', () => {
  it('asks only the warning-sign questions, topic by topic', () => {
    expect(warningTopics(form).map((topic) => [topic.id, topic.questions.map((q) => q.id)])).toEqual([['nerves', ['saddle_numbness', 'fever']]]);
  });

  it('counts every safety question and the legs as unanswered until answered', () => {
    expect(unanswered(form, { signs: {} })).toEqual([
      'review-saddle_numbness',
      'review-fever',
      'review-symptoms.leg',
      'review-symptoms.leg_numbness_or_tingling',
    ]);
    // A "no" is an answer; pain now may stay unchosen.
    expect(unanswered(form, { signs: { saddle_numbness: false, fever: false }, leg: 'none', numb: false })).toEqual([]);
  });

  it('sends yes and no answers as given, and pain only when chosen', () => {
    expect(reviewBody({ signs: { saddle_numbness: true, fever: false }, leg: 'thigh', numb: false })).toEqual({
      warning_signs: { saddle_numbness: true, fever: false },
      leg: 'thigh',
      leg_numbness_or_tingling: false,
    });
    expect(reviewBody({ signs: {}, leg: 'none', numb: true, pain: '0' }).pain_now).toBe(0);
  });

  it('counts questionnaire answers, not blanks', () => {
    expect(answeredCount([0, null, undefined, false, 'moderately'])).toBe(3);
  });
});
