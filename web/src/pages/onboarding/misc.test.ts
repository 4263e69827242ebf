// The small pure parts of onboarding: the body picture's regions, the saved copy, the verdict's
// presentation and the review's summary.
import { describe, expect, it } from 'vitest';
import type { Screen } from '../../api/types';
import { emptyAnswers } from './answers';
import { highlightedRegions, legValueOf } from './body';
import { groupExcluded } from './grouping';
import { fixtureForm } from './form.fixture';
import { onboardingSteps } from './steps';
import { parseSaved, serializeSaved } from './storage';
import { summarize } from './summary';
import { firstSentence, headlineOf, stopsOnboarding, warningsByUrgency } from './verdict';

const sorted = (set: Set<string>) => [...set].sort();

describe('highlightedRegions', () => {
  it('lights the back when the pain stays there', () => {
    expect(sorted(highlightedRegions('none', null))).toEqual(['back']);
  });
  it('lights every level down to the lowest point, on the side chosen', () => {
    expect(sorted(highlightedRegions('thigh', 'left'))).toEqual(['left-buttock', 'left-thigh']);
    expect(sorted(highlightedRegions('below_knee', 'right'))).toEqual(['right-below_knee', 'right-buttock', 'right-thigh']);
  });
  it('lights both legs for both, and before a side is chosen', () => {
    expect(sorted(highlightedRegions('buttock', 'both'))).toEqual(['left-buttock', 'right-buttock']);
    expect(sorted(highlightedRegions('buttock', null))).toEqual(['left-buttock', 'right-buttock']);
  });
  it('lights nothing before an answer', () => {
    expect(highlightedRegions(undefined, null).size).toBe(0);
    expect(highlightedRegions('elbow', 'left').size).toBe(0);
  });
  it('maps a tap on the figure to the answer it stands for', () => {
    expect(legValueOf('back')).toBe('none');
    expect(legValueOf('left-below_knee')).toBe('below_knee');
    expect(legValueOf('right-buttock')).toBe('buttock');
  });
});

const screen = (change: Partial<Screen> = {}): Screen => ({
  verdict: 'clear',
  headline: '',
  warnings: [],
  excluded: [],
  modified: [],
  advice: [],
  bias: 'neutral',
  ...change,
});

describe('the saved copy', () => {
  it('reads back what it wrote', () => {
    const answers = {
      ...emptyAnswers(),
      facts: { saddle_numbness: false },
      fields: { 'person.age': '40', equipment: ['mat'], 'person.pregnant': false },
      legSide: 'both' as const,
      function: 'odi' as const,
      scores: { odi: { '0': 3, '1': null } },
    };
    const stopped = { screen: screen({ verdict: 'emergency' }), from: 'topic-nerves' };
    expect(parseSaved(serializeSaved({ step: 'legs', answers, stopped }))).toEqual({ step: 'legs', answers, stopped });
  });
  it('refuses broken text, another version, or a missing step', () => {
    expect(parseSaved(null)).toBeNull();
    expect(parseSaved('{oops')).toBeNull();
    expect(parseSaved(JSON.stringify({ version: 2, step: 'legs', answers: {} }))).toBeNull();
    expect(parseSaved(JSON.stringify({ version: 1, answers: {} }))).toBeNull();
  });
  it('drops values of the wrong type instead of trusting them', () => {
    const saved = parseSaved(
      JSON.stringify({
        version: 1,
        step: 'about',
        answers: {
          facts: { a: true, b: 'yes' },
          fields: { x: 3, y: '3', z: [1] },
          legSide: 'middle',
          function: 'quiz',
          scores: { odi: { '0': 1, zero: 2, '1': { deep: true } } },
        },
        stopped: { screen: { verdict: 'emergency' }, from: 'x' },
      }),
    );
    expect(saved).toEqual({
      step: 'about',
      answers: {
        ...emptyAnswers(),
        facts: { a: true },
        fields: { y: '3' },
        scores: { odi: { '0': 1 } },
      },
      stopped: null,
    });
  });
});

describe('verdicts', () => {
  it('stops onboarding for emergency and urgent only', () => {
    expect(stopsOnboarding(screen({ verdict: 'emergency' }))).toBe(true);
    expect(stopsOnboarding(screen({ verdict: 'urgent' }))).toBe(true);
    expect(stopsOnboarding(screen({ verdict: 'consult' }))).toBe(false);
    expect(stopsOnboarding(screen({ verdict: 'caution' }))).toBe(false);
    expect(stopsOnboarding(screen({ verdict: 'clear' }))).toBe(false);
  });
  it('orders warnings by urgency, keeping the server order within one', () => {
    const warnings = [
      { rule: 'c', urgency: 'consult' as const, because: [], text: '' },
      { rule: 'u', urgency: 'urgent' as const, because: [], text: '' },
      { rule: 'e1', urgency: 'emergency' as const, because: [], text: '' },
      { rule: 'e2', urgency: 'emergency' as const, because: [], text: '' },
    ];
    expect(warningsByUrgency(screen({ warnings })).map((w) => w.rule)).toEqual(['e1', 'e2', 'u', 'c']);
  });
  it('takes the first sentence of a text', () => {
    expect(firstSentence('Go to an emergency department now, today. Changes in bladder function matter.')).toBe(
      'Go to an emergency department now, today.',
    );
    expect(firstSentence('Contact a doctor today.')).toBe('Contact a doctor today.');
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });
  it('opens with the server’s verdict sentence, else the most urgent warning’s first sentence', () => {
    const warnings = [
      { rule: 'u', urgency: 'urgent' as const, because: [], text: 'Contact a doctor today. Because.' },
      { rule: 'e', urgency: 'emergency' as const, because: [], text: 'Go to an emergency department now. Because.' },
    ];
    expect(headlineOf(screen({ verdict: 'emergency', warnings }))).toBe('Go to an emergency department now.');
    expect(headlineOf(screen({ verdict: 'emergency', warnings, headline: 'From the screen.' }))).toBe('From the screen.');
    expect(headlineOf(screen({ verdict: 'clear' }))).toBeNull();
  });
});

describe('summarize', () => {
  const form = fixtureForm();
  it('says what was answered yes, in the form’s short words, and each field in words', () => {
    const answers = {
      ...emptyAnswers(),
      facts: { saddle_numbness: false, bilateral_leg_symptoms: false, osteoporosis: true, ache_after_sitting: false },
      fields: {
        'person.age': '52',
        'person.sex': 'male',
        'person.weight_kg': '',
        'symptoms.leg': 'below_knee',
        equipment: ['mat'],
        minutes_per_session: '10',
      },
      legSide: 'right' as const,
      function: 'none' as const,
    };
    const groups = summarize(form, onboardingSteps(form, answers), answers);
    const group = (id: string) => groups.find((g) => g.step === id)?.lines;
    expect(group('topic-nerves')).toEqual([{ label: 'You answered yes to', value: 'none of these' }]);
    expect(group('topic-spine')).toEqual([{ label: 'You answered yes to', value: 'osteoporosis' }]);
    expect(group('about')).toEqual([
      { label: 'How old are you?', value: '52' },
      { label: 'What is your sex?', value: 'Male' },
      { label: 'Weight?', value: 'Not given' },
    ]);
    expect(group('legs')).toContainEqual({ label: 'Which leg', value: 'right leg' });
    expect(group('legs')).toContainEqual({ label: 'How far down a leg?', value: 'Below the knee' });
    expect(group('function')).toEqual([{ label: 'Questionnaire', value: 'Skipped for now' }]);
    expect(group('setup')).toContainEqual({ label: 'Equipment?', value: 'a mat' });
    expect(group('setup')).toContainEqual({ label: 'Minutes?', value: '10 minutes' });
    expect(groups.some((g) => g.step === 'welcome' || g.step === 'review')).toBe(false);
  });
  it('counts questionnaire answers once per questionnaire', () => {
    const answers = { ...emptyAnswers(), function: 'odi' as const, scores: { odi: { '0': 1, '1': null, '7': 2 } } };
    const groups = summarize(form, onboardingSteps(form, answers), answers);
    expect(groups.filter((g) => g.title === 'Oswestry')).toEqual([
      { step: 'odi-1', title: 'Oswestry', lines: [{ label: 'Questions answered', value: '2 of 10' }] },
    ]);
  });
});

describe('groupExcluded', () => {
  it('shows each rule once with every item it left out, named where a name is known', () => {
    const excluded = [
      { item: 'full_hang', rule: 'bone_fragility', because: ['osteoporosis'], text: 'Fragile bones.' },
      { item: 'spinal_twist', rule: 'bone_fragility', because: ['long_term_steroids'], text: 'Fragile bones.' },
      { item: 'superman', rule: 'pregnancy_precautions', because: ['pregnant'], text: 'Pregnancy.' },
      { item: 'full_hang', rule: 'bone_fragility', because: ['osteoporosis'], text: 'Fragile bones.' },
    ];
    expect(groupExcluded(excluded, { full_hang: 'Full hang from a bar' })).toEqual([
      {
        rule: 'bone_fragility',
        text: 'Fragile bones.',
        because: ['osteoporosis', 'long_term_steroids'],
        items: ['Full hang from a bar', 'spinal twist'],
      },
      { rule: 'pregnancy_precautions', text: 'Pregnancy.', because: ['pregnant'], items: ['superman'] },
    ]);
  });
});
