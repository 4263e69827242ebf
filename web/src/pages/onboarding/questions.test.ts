// Questions a person can answer: "Not sure", "Never tried", the explaining line of a question,
// weight and height in either units, a step counter that holds still, and optional sections.
import { describe, expect, it } from 'vitest';
import type { IntakeField, IntakeForm } from '../../api/types';
import { type Answers, NEVER_TRIED, buildIntake, emptyAnswers, factChoice, offersUnsure, setFact } from './answers';
import { fixtureForm } from './form.fixture';
import { switchUnits } from './measures';
import { onboardingSteps, problemsOf, progressOf, skipSection, splitQuestion } from './steps';
import { questionnairesToSave } from './start';
import { summarize } from './summary';
import { cmFromFeetInches, heightFromFeetInches, kgFromLb, weightFromPounds } from './units';

const height: IntakeField = {
  path: 'person.height_cm',
  type: 'number',
  required: false,
  nullable: true,
  question: 'How tall are you?',
  min: 50,
  max: 250,
  default: null,
};
const decompression: IntakeField = {
  path: 'symptoms.pain_when_decompressing',
  type: 'boolean',
  required: false,
  nullable: false,
  question: 'Did stretching hurt?',
  default: false,
};
const base = fixtureForm();
const form: IntakeForm = { ...base, fields: [...base.fields, height, decompression] };
const field = (path: string) => form.fields.find((f) => f.path === path) as IntakeField;
const with_ = (change: Partial<Answers>): Answers => ({ ...emptyAnswers(), ...change });

describe('"Not sure"', () => {
  const osteoporosis = form.topics[1].questions[0];
  const saddle = form.topics[0].questions[0];

  it('is offered for conditions, not for warning signs', () => {
    expect(offersUnsure(osteoporosis)).toBe(true);
    expect(offersUnsure(saddle)).toBe(false);
  });

  it('is sent as yes, the conservative answer, and shown as not sure', () => {
    const answers = setFact(emptyAnswers(), 'osteoporosis', 'unsure');
    expect(buildIntake(form, answers).conditions).toEqual({ osteoporosis: true });
    expect(factChoice(answers, 'osteoporosis')).toBe('unsure');
    const changed = setFact(answers, 'osteoporosis', false);
    expect(factChoice(changed, 'osteoporosis')).toBe(false);
    expect(changed.unsure).toEqual([]);
    expect(buildIntake(form, changed).conditions).toEqual({ osteoporosis: false });
  });

  it('is listed on the review apart from the yeses, saying it counts as yes', () => {
    const answers = setFact(emptyAnswers(), 'osteoporosis', 'unsure');
    const spine = summarize(form, onboardingSteps(form, answers), answers).find((g) => g.step === 'topic-spine');
    expect(spine?.lines).toEqual([
      { label: 'You answered yes to', value: 'none of these' },
      { label: 'Not sure, so counted as yes', value: 'osteoporosis' },
    ]);
  });

  it('names the three answers when one is missing', () => {
    const steps = onboardingSteps(form, emptyAnswers());
    const spine = steps.find((s) => s.id === 'topic-spine');
    expect(spine && problemsOf(spine, form, emptyAnswers())[0].message).toBe('Please answer yes, no or not sure: Osteoporosis?');
  });
});

describe('"Never tried"', () => {
  it('answers the decompression question, and is sent as no', () => {
    const answers = with_({ fields: { 'symptoms.pain_when_decompressing': NEVER_TRIED } });
    expect(buildIntake(form, answers).symptoms.pain_when_decompressing).toBe(false);
    const pain = onboardingSteps(form, answers).find((s) => s.id === 'pain');
    expect(pain && problemsOf(pain, form, answers).map((p) => p.target)).not.toContain('q-symptoms-pain_when_decompressing');
    const lines = summarize(form, onboardingSteps(form, answers), answers).find((g) => g.step === 'pain')?.lines;
    expect(lines).toContainEqual({ label: 'Did stretching hurt?', value: 'Never tried (counted as no)' });
  });
});

describe('the line that explains a question', () => {
  it('is the text after the question mark', () => {
    expect(splitQuestion('Have you been told you have X? It means Y.')).toEqual({ ask: 'Have you been told you have X?', more: 'It means Y.' });
    expect(splitQuestion('Is it here?')).toEqual({ ask: 'Is it here?', more: null });
    expect(splitQuestion('Since when: now, or before?')).toEqual({ ask: 'Since when: now, or before?', more: null });
  });
});

describe('weight and height in pounds, feet and inches', () => {
  it('converts with the exact factors and rounds to 0.1 kg and 1 cm', () => {
    expect(kgFromLb(154)).toBe(69.9);
    expect(kgFromLb(220.5)).toBe(100);
    expect(cmFromFeetInches(5, 7)).toBe(170);
    expect(cmFromFeetInches(6, 0)).toBe(183);
  });

  it('sends metric in the intake', () => {
    const answers = with_({ units: 'imperial', imperial: { lb: '154', ft: '5', in: '7' } });
    expect(buildIntake(form, answers).person).toMatchObject({ weight_kg: 69.9, height_cm: 170 });
  });

  it('refuses what the form’s metric range refuses, naming the field and the range in the person’s units', () => {
    expect(weightFromPounds(field('person.weight_kg'), { lb: '2000' })).toEqual({
      ok: false,
      message: 'Please enter your weight in pounds, from 45 to 771, or leave it empty.',
    });
    expect(heightFromFeetInches(height, { ft: '9', in: '0' })).toMatchObject({ ok: false });
    expect(heightFromFeetInches(height, { ft: '5', in: '12' })).toMatchObject({ ok: false });
    expect(heightFromFeetInches(height, { ft: '5.5', in: '' })).toMatchObject({ ok: false });
    expect(heightFromFeetInches(height, { ft: '', in: '' })).toEqual({ ok: true, value: null });
    expect(heightFromFeetInches(height, { ft: '6', in: '' })).toEqual({ ok: true, value: 183 });
    const about = onboardingSteps(form, emptyAnswers()).find((s) => s.id === 'about');
    const wrong = with_({ fields: { 'person.age': '40', 'person.sex': 'male' }, units: 'imperial', imperial: { lb: '20' } });
    expect(about && problemsOf(about, form, wrong).map((p) => p.message)).toEqual([
      'Weight? Please enter your weight in pounds, from 45 to 771, or leave it empty.',
    ]);
    const metric = with_({ fields: { 'person.age': '40', 'person.sex': 'male', 'person.weight_kg': '5' } });
    expect(about && problemsOf(about, form, metric)[0].message).toBe(
      'Weight? Please enter your weight in kilograms, from 20 to 350, or leave it empty.',
    );
  });

  it('carries what was typed over when the units change', () => {
    const metric = with_({ fields: { 'person.weight_kg': '70', 'person.height_cm': '170' } });
    const imperial = switchUnits(metric, 'imperial', field('person.weight_kg'), height);
    expect(imperial.imperial).toEqual({ lb: '154', ft: '5', in: '7' });
    const back = switchUnits({ ...imperial, imperial: { lb: '220.5', ft: '6', in: '0' } }, 'metric', field('person.weight_kg'), height);
    expect(back.fields).toMatchObject({ 'person.weight_kg': '100', 'person.height_cm': '183' });
    expect(back.units).toBe('metric');
  });
});

describe('the step counter', () => {
  it('keeps one total whatever questionnaire is picked or skipped, and moves one step at a time', () => {
    const counts = (['none', 'odi', 'rmdq'] as const).map((choice) => {
      const steps = onboardingSteps(form, with_({ function: choice }));
      return steps.map((s) => progressOf(steps, s.id));
    });
    const totals = new Set(counts.flat().map((p) => p?.total));
    totals.delete(undefined);
    expect([...totals]).toEqual([10]);
    for (const run of counts) {
      const numbers = run.filter((p) => p !== null).map((p) => p?.number ?? 0);
      numbers.forEach((n, i) => expect(n - (i === 0 ? 0 : numbers[i - 1])).toBeLessThanOrEqual(1));
      expect(numbers[numbers.length - 1]).toBe(10);
    }
  });
});

describe('"Skip this section"', () => {
  it('skips the function questionnaire from any of its pages, dropping its answers', () => {
    const answers = with_({ function: 'odi', scores: { odi: { '0': 1 } } });
    const steps = onboardingSteps(form, answers);
    const page = steps.find((s) => s.id === 'odi-2');
    if (!page) throw new Error('no odi-2');
    const skipped = skipSection(form, steps, page, answers);
    expect(skipped.to).toBe('startback-1');
    expect(skipped.answers.function).toBe('none');
    expect(skipped.answers.scores).toEqual({});
  });

  it('skips STarT Back: nothing asked, nothing saved, the review says skipped', () => {
    const answers = with_({ function: 'none', scores: { startback: { '0': true } } });
    const steps = onboardingSteps(form, answers);
    const page = steps.find((s) => s.id === 'startback-1');
    if (!page) throw new Error('no startback-1');
    const skipped = skipSection(form, steps, page, answers);
    expect(skipped.to).toBe('setup');
    expect(skipped.answers.skipped).toEqual(['startback']);
    expect(skipped.answers.scores).toEqual({});
    expect(problemsOf(page, form, skipped.answers)).toEqual([]);
    expect(questionnairesToSave(form, skipped.answers)).toEqual([]);
    const group = summarize(form, steps, skipped.answers).find((g) => g.step === 'startback-1');
    expect(group?.lines).toEqual([{ label: 'Questions answered', value: 'Skipped' }]);
  });
});
