import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../../api/types';
import {
  legExtentOf,
  type Answers,
  applyRescreen,
  buildIntake,
  buildRescreen,
  emptyAnswers,
  parseNumber,
  scoreAnswers,
  startingAnswers,
} from './answers';
import { fixtureForm } from './form.fixture';

const form = fixtureForm();
const field = (path: string) => form.fields.find((f) => f.path === path) as IntakeField;

function answered(change: Partial<Answers>): Answers {
  return { ...emptyAnswers(), ...change };
}

describe('startingAnswers', () => {
  it('starts number fields and equipment at their defaults and leaves questions unanswered', () => {
    const answers = startingAnswers(form);
    expect(answers.fields['minutes_per_session']).toBe('15');
    expect(answers.fields['history.conservative_care_weeks']).toBe('0');
    expect(answers.fields.equipment).toEqual(['chair', 'mat']);
    expect(answers.fields['person.sex']).toBeUndefined();
    expect(answers.fields['person.weight_kg']).toBeUndefined(); // its default is null, not a number
    expect(answers.facts).toEqual({});
  });
});

describe('parseNumber', () => {
  it('reads whole numbers within the range', () => {
    expect(parseNumber(field('person.age'), ' 46 ')).toEqual({ ok: true, value: 46 });
  });
  it('refuses numbers out of range, fractions for whole-number fields, and text', () => {
    expect(parseNumber(field('person.age'), '121').ok).toBe(false);
    expect(parseNumber(field('person.age'), '0').ok).toBe(false);
    expect(parseNumber(field('person.age'), '4.5').ok).toBe(false);
    expect(parseNumber(field('person.age'), 'forty').ok).toBe(false);
  });
  it('takes each number field at its upper bound (age 120, pain 10) and refuses one above', () => {
    expect(parseNumber(field('person.age'), '120')).toEqual({ ok: true, value: 120 });
    expect(parseNumber(field('symptoms.pain_now'), '10')).toEqual({ ok: true, value: 10 });
    expect(parseNumber(field('symptoms.pain_now'), '11')).toEqual({ ok: false, message: 'Please enter a number from 0 to 10.' });
    expect(parseNumber(field('symptoms.pain_now'), '0')).toEqual({ ok: true, value: 0 });
    for (const f of fixtureForm().fields) {
      if ((f.type !== 'integer' && f.type !== 'number') || f.max === undefined) continue;
      expect(parseNumber(f, String(f.max)), f.path).toEqual({ ok: true, value: f.max });
      expect(parseNumber(f, String(f.max + 1)).ok, f.path).toBe(false);
    }
  });
  it('puts the upper bounds into the intake and the re-screen as they are', () => {
    const top = answered({ fields: { 'person.age': '120', 'symptoms.pain_now': '10', 'symptoms.leg': 'none' } });
    const intake = buildIntake(fixtureForm(), top);
    expect(intake.person.age).toBe(120);
    expect(intake.symptoms.pain_now).toBe(10);
    expect(buildRescreen(fixtureForm(), top).pain_now).toBe(10);
  });
  it('accepts a decimal comma for fields that take fractions', () => {
    expect(parseNumber(field('person.weight_kg'), '68,5')).toEqual({ ok: true, value: 68.5 });
  });
  it('reads empty as null only where the field allows it', () => {
    expect(parseNumber(field('person.weight_kg'), '')).toEqual({ ok: true, value: null });
    expect(parseNumber(field('person.age'), '').ok).toBe(false);
  });
  it('names the range in its message', () => {
    const parsed = parseNumber(field('person.age'), '200');
    expect(parsed.ok ? '' : parsed.message).toContain('from 1 to 120');
  });
});

describe('buildIntake', () => {
  const full = answered({
    facts: { saddle_numbness: false, bilateral_leg_symptoms: false, osteoporosis: true, ache_after_sitting: true },
    fields: {
      'person.age': '46',
      'person.sex': 'female',
      'person.pregnant': false,
      'person.weight_kg': '',
      'symptoms.pain_now': '5',
      'symptoms.weeks_since_onset': '6',
      'symptoms.leg': 'thigh',
      'symptoms.leg_numbness_or_tingling': false,
      'history.conservative_care_weeks': '0',
      equipment: ['chair', 'strap'],
      minutes_per_session: '20',
    },
    legSide: 'left',
  });

  it('puts every answer where the intake format wants it', () => {
    expect(buildIntake(form, full)).toEqual({
      format: 'unload-intake/1',
      person: { age: 46, sex: 'female', pregnant: false, weight_kg: null },
      warning_signs: { saddle_numbness: false, bilateral_leg_symptoms: false },
      conditions: { osteoporosis: true },
      symptoms: {
        pain_now: 5,
        weeks_since_onset: 6,
        leg: 'thigh',
        leg_numbness_or_tingling: false,
        patterns: { ache_after_sitting: true },
      },
      history: { conservative_care_weeks: 0 },
      equipment: ['chair', 'strap'],
      minutes_per_session: 20,
    });
  });

  it('leaves the both-legs warning sign to its question when both legs are marked on the picture', () => {
    const intake = buildIntake(form, { ...full, fields: { ...full.fields, 'symptoms.leg': 'buttock' }, legSide: 'both' });
    expect(intake.warning_signs?.bilateral_leg_symptoms).toBe(false);
    expect(intake.symptoms.leg).toBe('buttock');
  });

  it('keeps a yes to the both-legs question whatever the picture says', () => {
    const intake = buildIntake(form, { ...full, facts: { ...full.facts, bilateral_leg_symptoms: true }, legSide: 'left' });
    expect(intake.warning_signs?.bilateral_leg_symptoms).toBe(true);
  });

  it('ignores a leg side once the symptoms no longer reach a leg', () => {
    const intake = buildIntake(form, { ...full, fields: { ...full.fields, 'symptoms.leg': 'none' }, legSide: 'both' });
    expect(intake.warning_signs?.bilateral_leg_symptoms).toBe(false);
    expect(intake.symptoms.leg).toBe('none');
  });

  it('does not send the both-legs sign when the form does not ask it', () => {
    const other = fixtureForm();
    other.topics[0].questions = other.topics[0].questions.filter((q) => q.id !== 'bilateral_leg_symptoms');
    const intake = buildIntake(other, { ...full, legSide: 'both' });
    expect(intake.warning_signs).toEqual({ saddle_numbness: false });
  });

  it('leaves out the pregnancy answer for a man, which the decoder would refuse', () => {
    const intake = buildIntake(form, { ...full, fields: { ...full.fields, 'person.sex': 'male', 'person.pregnant': true } });
    expect(intake.person.pregnant).toBeUndefined();
    expect(intake.person.sex).toBe('male');
  });

  it('fills only the required fields for an early check, so the decoder assumes its defaults', () => {
    const early = answered({ facts: { saddle_numbness: true }, fields: { 'person.age': '70' } });
    expect(buildIntake(form, early)).toEqual({
      format: 'unload-intake/1',
      person: { age: 70 },
      warning_signs: { saddle_numbness: true },
      conditions: {},
      symptoms: { pain_now: 0, patterns: {} },
    });
  });

  it('never sends ids the form did not ask, nor values outside a choice', () => {
    const odd = answered({
      facts: { made_up: true },
      fields: { 'person.age': '40', 'symptoms.pain_now': '3', 'symptoms.leg': 'shoulder', equipment: ['chair', 'rocket'] },
    });
    const intake = buildIntake(form, odd);
    expect(intake.warning_signs).toEqual({});
    expect(intake.symptoms.leg).toBeUndefined();
    expect(intake.equipment).toEqual(['chair']);
  });

  it('leaves out numbers that do not parse rather than sending nonsense', () => {
    const intake = buildIntake(form, answered({ fields: { 'person.age': '40', 'symptoms.pain_now': '4', 'symptoms.weeks_since_onset': 'x' } }));
    expect(intake.symptoms.weeks_since_onset).toBeUndefined();
  });
});

describe('buildRescreen', () => {
  it('sends the warning signs only, with the legs and pain now', () => {
    const answers = answered({
      facts: { saddle_numbness: false, bilateral_leg_symptoms: false, osteoporosis: true },
      fields: { 'symptoms.leg': 'below_knee', 'symptoms.leg_numbness_or_tingling': true, 'symptoms.pain_now': '4' },
      legSide: 'right',
    });
    expect(buildRescreen(form, answers)).toEqual({
      warning_signs: { saddle_numbness: false, bilateral_leg_symptoms: false },
      leg: 'below_knee',
      leg_numbness_or_tingling: true,
      pain_now: 4,
    });
  });
  it('takes the both-legs sign from its question only, and says none for an unanswered leg', () => {
    const both = answered({ facts: { bilateral_leg_symptoms: false }, fields: { 'symptoms.leg': 'thigh' }, legSide: 'both' });
    expect(buildRescreen(form, both).warning_signs.bilateral_leg_symptoms).toBe(false);
    expect(buildRescreen(form, both).leg).toBe('thigh');
    expect(buildRescreen(form, emptyAnswers())).toEqual({ warning_signs: {}, leg: 'none' });
  });
});

describe('legExtentOf', () => {
  it('sends none only for an unanswered leg question', () => {
    expect(legExtentOf(undefined)).toBe('none');
    expect(legExtentOf(null)).toBe('none');
    expect(legExtentOf('below_knee')).toBe('below_knee');
  });
  it('never turns an answer it does not know into none, so the server refuses it by name', () => {
    expect(legExtentOf('foot')).toBe('foot');
  });
});

describe('applyRescreen', () => {
  it('replaces the warning-sign map and sets the leg fields, keeping the rest', () => {
    const intake = buildIntake(form, answered({
      facts: { saddle_numbness: false, osteoporosis: true },
      fields: { 'person.age': '50', 'symptoms.pain_now': '6', 'symptoms.leg': 'none' },
    }));
    const merged = applyRescreen(intake, { warning_signs: { bilateral_leg_symptoms: true }, leg: 'thigh', pain_now: 2 });
    expect(merged.warning_signs).toEqual({ bilateral_leg_symptoms: true });
    expect(merged.conditions).toEqual({ osteoporosis: true });
    expect(merged.symptoms.leg).toBe('thigh');
    expect(merged.symptoms.pain_now).toBe(2);
    expect(intake.symptoms.leg).toBe('none'); // the original is left alone
  });
});

describe('scoreAnswers', () => {
  it('lists one answer per question in order, null where none was given', () => {
    const answers = answered({ scores: { odi: { '0': 2, '2': 0, '9': 5 } } });
    expect(scoreAnswers(answers, 'odi', 10)).toEqual([2, null, 0, null, null, null, null, null, null, 5]);
    expect(scoreAnswers(answers, 'rmdq', 2)).toEqual([null, null]);
  });
  it('keeps false and the last STarT Back word as given', () => {
    const answers = answered({ scores: { startback: { '0': false, '1': true, '2': 'very_much' } } });
    expect(scoreAnswers(answers, 'startback', 3)).toEqual([false, true, 'very_much']);
  });
});
