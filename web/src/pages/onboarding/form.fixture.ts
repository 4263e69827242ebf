// A small intake form in the shape GET /api/v1/intake/form sends, for unit tests only.
import type { IntakeForm } from '../../api/types';

export function fixtureForm(): IntakeForm {
  return {
    format: 'unload-intake/1',
    topics: [
      {
        id: 'nerves',
        title: 'Nerves',
        intro: 'Nerve questions.',
        questions: [
          { id: 'saddle_numbness', answer: 'warning_signs', question: 'Saddle numbness?', text: 'numbness in the saddle area' },
          { id: 'bilateral_leg_symptoms', answer: 'warning_signs', question: 'Both legs?', text: 'symptoms in both legs' },
        ],
      },
      {
        id: 'spine',
        title: 'Your spine',
        intro: 'Spine questions.',
        questions: [{ id: 'osteoporosis', answer: 'conditions', question: 'Osteoporosis?', text: 'osteoporosis' }],
      },
      { id: 'empty', title: 'Empty', intro: 'Nothing here.', questions: [] },
    ],
    patterns: [
      { id: 'ache_after_sitting', answer: 'symptoms.patterns', question: 'Ache after sitting?', text: 'an ache after sitting' },
    ],
    fields: [
      { path: 'person.age', type: 'integer', required: true, nullable: false, question: 'How old are you?', min: 1, max: 120 },
      {
        path: 'person.sex',
        type: 'choice',
        required: false,
        nullable: false,
        question: 'What is your sex?',
        default: 'other',
        options: [
          { value: 'female', label: 'Female' },
          { value: 'male', label: 'Male' },
          { value: 'other', label: 'Another answer' },
        ],
      },
      { path: 'person.pregnant', type: 'boolean', required: false, nullable: false, question: 'Pregnant?', default: false },
      { path: 'person.weight_kg', type: 'number', required: false, nullable: true, question: 'Weight?', min: 20, max: 350, default: null },
      { path: 'symptoms.pain_now', type: 'integer', required: true, nullable: false, question: 'Pain now?', min: 0, max: 10 },
      {
        path: 'symptoms.weeks_since_onset',
        type: 'integer',
        required: false,
        nullable: true,
        question: 'Weeks since it began?',
        min: 0,
        max: 5200,
        default: null,
      },
      {
        path: 'symptoms.leg',
        type: 'choice',
        required: false,
        nullable: false,
        question: 'How far down a leg?',
        default: 'none',
        options: [
          { value: 'none', label: 'It stays in my back' },
          { value: 'buttock', label: 'Buttock' },
          { value: 'thigh', label: 'Thigh' },
          { value: 'below_knee', label: 'Below the knee' },
        ],
      },
      {
        path: 'symptoms.leg_numbness_or_tingling',
        type: 'boolean',
        required: false,
        nullable: false,
        question: 'Numbness?',
        default: false,
      },
      {
        path: 'history.conservative_care_weeks',
        type: 'integer',
        required: false,
        nullable: false,
        question: 'Weeks of care?',
        min: 0,
        max: 5200,
        default: 0,
      },
      {
        path: 'equipment',
        type: 'equipment',
        required: false,
        nullable: false,
        question: 'Equipment?',
        default: ['chair', 'mat'],
        options: [
          { value: 'chair', label: 'a chair' },
          { value: 'mat', label: 'a mat' },
          { value: 'strap', label: 'a strap' },
        ],
      },
      { path: 'minutes_per_session', type: 'integer', required: false, nullable: false, question: 'Minutes?', min: 5, max: 60, default: 15 },
      { path: 'future.field', type: 'boolean', required: false, nullable: false, question: 'A field added later?', default: false },
    ],
    questionnaires: [
      {
        id: 'odi',
        title: 'Oswestry',
        instructions: 'Pick one line per section.',
        min_answered: 8,
        blank_allowed: true,
        questions: Array.from({ length: 10 }, (_, i) => ({
          id: `odi_${i}`,
          text: `Section ${i + 1}`,
          options: Array.from({ length: 6 }, (_, v) => ({ value: v, label: `Line ${v}` })),
        })),
      },
      {
        id: 'rmdq',
        title: 'Roland-Morris',
        instructions: 'Yes or no.',
        min_answered: 24,
        blank_allowed: false,
        questions: Array.from({ length: 24 }, (_, i) => ({
          id: `rmdq_${i}`,
          text: `Statement ${i + 1}`,
          options: [
            { value: true, label: 'Yes' },
            { value: false, label: 'No' },
          ],
        })),
      },
      {
        id: 'startback',
        title: 'STarT Back',
        instructions: 'The last two weeks.',
        min_answered: 9,
        blank_allowed: false,
        questions: Array.from({ length: 9 }, (_, i) => ({
          id: `sb_${i}`,
          text: `Item ${i + 1}`,
          options:
            i < 8
              ? [
                  { value: true, label: 'Agree' },
                  { value: false, label: 'Disagree' },
                ]
              : [
                  { value: 'not_at_all', label: 'Not at all' },
                  { value: 'extremely', label: 'Extremely' },
                ],
        })),
      },
    ],
  };
}
