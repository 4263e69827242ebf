import { describe, expect, it } from 'vitest';
import { type Answers, emptyAnswers, startingAnswers } from './answers';
import { fixtureForm } from './form.fixture';
import {
  type Step,
  controlId,
  findStep,
  firstIncomplete,
  nextStep,
  onboardingSteps,
  previousStep,
  problemsOf,
  progressOf,
  rescreenSteps,
} from './steps';

const form = fixtureForm();
const ids = (steps: Step[]) => steps.map((step) => step.id);
const step = (steps: Step[], id: string) => steps.find((s) => s.id === id) as Step;

describe('onboardingSteps', () => {
  it('asks about the person, then one screen per topic with questions, then symptoms, questionnaires, set-up, review', () => {
    expect(ids(onboardingSteps(form, emptyAnswers()))).toEqual([
      'welcome',
      'about',
      'topic-nerves',
      'topic-spine',
      'patterns',
      'legs',
      'pain',
      'function',
      'startback-1',
      'setup',
      'review',
    ]);
  });

  it('adds the pages of the function questionnaire the person picked', () => {
    const odi = onboardingSteps(form, { ...emptyAnswers(), function: 'odi' });
    expect(ids(odi).slice(7, 11)).toEqual(['function', 'odi-1', 'odi-2', 'startback-1']);
    const rmdq = onboardingSteps(form, { ...emptyAnswers(), function: 'rmdq' });
    expect(ids(rmdq).filter((id) => id.startsWith('rmdq'))).toEqual(['rmdq-1', 'rmdq-2', 'rmdq-3']);
    const skipped = onboardingSteps(form, { ...emptyAnswers(), function: 'none' });
    expect(ids(skipped).some((id) => id.startsWith('odi') || id.startsWith('rmdq'))).toBe(false);
  });

  it('splits a questionnaire into pages that cover every question once', () => {
    const steps = onboardingSteps(form, { ...emptyAnswers(), function: 'odi' });
    const pages = steps.filter((s) => s.kind === 'questionnaire' && s.questionnaire.id === 'odi');
    expect(pages.map((p) => (p.kind === 'questionnaire' ? [p.from, p.to, p.last] : null))).toEqual([
      [0, 5, false],
      [5, 10, true],
    ]);
    expect(pages[0].title).toBe('Oswestry (part 1 of 2)');
  });

  it('asks the engine after each safety topic and after the legs, not elsewhere', () => {
    const screening = onboardingSteps(form, emptyAnswers()).filter((s) => s.screens);
    expect(ids(screening)).toEqual(['topic-nerves', 'topic-spine', 'legs']);
  });

  it('still asks a field the layout does not know, on the set-up screen', () => {
    const setup = step(onboardingSteps(form, emptyAnswers()), 'setup');
    expect(setup.kind === 'fields' && setup.paths).toEqual(['future.field', 'equipment', 'minutes_per_session']);
  });
});

describe('moving between steps', () => {
  const steps = onboardingSteps(form, emptyAnswers());
  it('goes forward and back in order, stopping at the ends', () => {
    expect(nextStep(steps, 'welcome')?.id).toBe('about');
    expect(previousStep(steps, 'about')?.id).toBe('welcome');
    expect(previousStep(steps, 'welcome')).toBeNull();
    expect(nextStep(steps, 'review')).toBeNull();
  });
  it('falls back to the first step for an id that no longer exists', () => {
    expect(findStep(steps, 'odi-2').id).toBe('welcome');
    expect(findStep(steps, 'legs').id).toBe('legs');
  });
  it('counts progress without the welcome', () => {
    expect(progressOf(steps, 'about')).toEqual({ number: 1, total: 10 });
    expect(progressOf(steps, 'review')).toEqual({ number: 10, total: 10 });
    expect(progressOf(steps, 'welcome')).toBeNull();
  });
});

describe('problemsOf', () => {
  const steps = onboardingSteps(form, emptyAnswers());
  const problems = (id: string, answers: Answers) => problemsOf(step(onboardingSteps(form, answers), id), form, answers);

  it('wants a yes or no to every question of a topic', () => {
    const missing = problemsOf(step(steps, 'topic-nerves'), form, { ...emptyAnswers(), facts: { saddle_numbness: false } });
    expect(missing.map((p) => p.target)).toEqual([controlId('bilateral_leg_symptoms')]);
    const done = problemsOf(step(steps, 'topic-nerves'), form, {
      ...emptyAnswers(),
      facts: { saddle_numbness: false, bilateral_leg_symptoms: false },
    });
    expect(done).toEqual([]);
  });

  it('wants a valid age, and the pregnancy question only when it is asked', () => {
    const start = startingAnswers(form);
    expect(problems('about', start).map((p) => p.target)).toEqual([controlId('person.age'), controlId('person.sex')]);
    const woman = { ...start, fields: { ...start.fields, 'person.age': '34', 'person.sex': 'female' } };
    expect(problems('about', woman).map((p) => p.target)).toEqual([controlId('person.pregnant')]);
    const man = { ...start, fields: { ...start.fields, 'person.age': '34', 'person.sex': 'male' } };
    expect(problems('about', man)).toEqual([]);
    const tooOld = { ...man, fields: { ...man.fields, 'person.age': '130' } };
    expect(problems('about', tooOld)[0].message).toContain('from 1 to 120');
  });

  it('accepts an empty optional number and refuses a wrong one', () => {
    const base = { ...emptyAnswers(), fields: { 'person.age': '34', 'person.sex': 'male', 'person.weight_kg': '' } };
    expect(problems('about', base)).toEqual([]);
    const wrong = { ...base, fields: { ...base.fields, 'person.weight_kg': '5' } };
    expect(problems('about', wrong).map((p) => p.target)).toEqual([controlId('person.weight_kg')]);
  });

  it('wants the pain slider touched', () => {
    const start = startingAnswers(form);
    expect(problems('pain', start).map((p) => p.message)).toContain('Move the slider to show your pain now.');
    const touched = { ...start, fields: { ...start.fields, 'symptoms.pain_now': '0' } };
    expect(problems('pain', touched)).toEqual([]);
  });

  it('asks which leg once symptoms reach one', () => {
    const base = { ...emptyAnswers(), fields: { 'symptoms.leg': 'thigh', 'symptoms.leg_numbness_or_tingling': false } };
    expect(problems('legs', base).map((p) => p.target)).toEqual([controlId('leg-side')]);
    expect(problems('legs', { ...base, legSide: 'left' })).toEqual([]);
    const back = { ...emptyAnswers(), fields: { 'symptoms.leg': 'none', 'symptoms.leg_numbness_or_tingling': false } };
    expect(problems('legs', back)).toEqual([]);
  });

  it('wants a questionnaire picked or skipped', () => {
    expect(problems('function', emptyAnswers())).toHaveLength(1);
    expect(problems('function', { ...emptyAnswers(), function: 'none' })).toEqual([]);
  });

  it('wants every STarT Back and RMDQ answer on the page', () => {
    const some = { ...emptyAnswers(), scores: { startback: { '0': true, '8': 'not_at_all' } } };
    expect(problems('startback-1', some)).toHaveLength(7);
    const rmdq = { ...emptyAnswers(), function: 'rmdq' as const, scores: { rmdq: { '0': true } } };
    expect(problems('rmdq-1', rmdq)).toHaveLength(7);
  });

  it('lets ODI questions be left blank but wants enough answered by its last page', () => {
    const answers = (count: number): Answers => ({
      ...emptyAnswers(),
      function: 'odi',
      scores: { odi: Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i), 1])) },
    });
    expect(problems('odi-1', answers(0))).toEqual([]);
    expect(problems('odi-2', answers(7))).toHaveLength(1);
    expect(problems('odi-2', answers(7))[0].message).toContain('at least 8');
    expect(problems('odi-2', answers(8))).toEqual([]);
  });

  it('does not hold up the welcome or the review', () => {
    expect(problems('welcome', emptyAnswers())).toEqual([]);
    expect(problems('review', emptyAnswers())).toEqual([]);
  });
});

describe('rescreenSteps', () => {
  it('asks only warning signs, topic by topic, then the legs and pain now', () => {
    const steps = rescreenSteps(form);
    expect(ids(steps)).toEqual(['topic-nerves', 'legs', 'pain']);
    const nerves = steps[0];
    expect(nerves.kind === 'topic' && nerves.topic.questions.every((q) => q.answer === 'warning_signs')).toBe(true);
    const pain = steps[2];
    expect(pain.kind === 'fields' && pain.paths).toEqual(['symptoms.pain_now']);
  });
});

describe('firstIncomplete', () => {
  it('finds the first screen that still needs an answer, and nothing once all are answered', () => {
    const answers: Answers = {
      ...startingAnswers(form),
      facts: { saddle_numbness: false, bilateral_leg_symptoms: false, osteoporosis: false, ache_after_sitting: false },
      fields: {
        ...startingAnswers(form).fields,
        'person.age': '40',
        'person.sex': 'male',
        'symptoms.leg': 'none',
        'symptoms.leg_numbness_or_tingling': false,
        'symptoms.pain_now': '3',
        'future.field': false,
      },
      function: 'none',
      scores: { startback: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i), i < 8 ? false : 'not_at_all'])) },
    };
    expect(firstIncomplete(onboardingSteps(form, answers), form, answers)).toBeNull();
    // Picking a questionnaire from the review opens its pages, which come first.
    const odi = { ...answers, function: 'odi' as const };
    expect(firstIncomplete(onboardingSteps(form, odi), form, odi)?.id).toBe('odi-1');
    const noAge = { ...answers, fields: { ...answers.fields, 'person.age': '' } };
    expect(firstIncomplete(onboardingSteps(form, noAge), form, noAge)?.id).toBe('about');
  });
});
