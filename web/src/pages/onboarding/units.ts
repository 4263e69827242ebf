// Weight and height in the units a person knows them in. The intake always holds kilograms and
// centimetres (`person.weight_kg`, `person.height_cm`); pounds, feet and inches are only how the
// answer is typed, converted here with the exact factors and rounded to what a scale or a tape
// measure gives (0.1 kg, 1 cm). Ranges come from the form's own metric bounds.
import type { IntakeField } from '../../api/types';

export type Units = 'metric' | 'imperial';

export const WEIGHT = 'person.weight_kg';
export const HEIGHT = 'person.height_cm';

/** The imperial answers as typed: pounds, and feet with inches. */
export interface ImperialText {
  lb?: string;
  ft?: string;
  in?: string;
}

/** The international pound and inch, both exact by definition. */
export const KG_PER_LB = 0.45359237;
export const CM_PER_IN = 2.54;
const IN_PER_FT = 12;

const round = (value: number, places: number) => {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
};

export const kgFromLb = (lb: number) => round(lb * KG_PER_LB, 1);
export const cmFromFeetInches = (ft: number, inches: number) => round((ft * IN_PER_FT + inches) * CM_PER_IN, 0);
export const lbFromKg = (kg: number) => round(kg / KG_PER_LB, 0);

export function feetInchesFromCm(cm: number): { ft: number; in: number } {
  const total = Math.round(cm / CM_PER_IN);
  return { ft: Math.floor(total / IN_PER_FT), in: total % IN_PER_FT };
}

/** A metric answer read from imperial text: null when left empty, or what is wrong with it. */
export type Converted = { ok: true; value: number | null } | { ok: false; message: string };

function readNumber(text: string | undefined): number | null | undefined {
  const trimmed = (text ?? '').trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function inRange(field: IntakeField, value: number): boolean {
  return (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
}

/** The weight range in whole pounds that stays inside the form's kilogram range. */
export function poundRange(field: IntakeField): { min: number; max: number } | null {
  if (field.min === undefined || field.max === undefined) return null;
  return { min: Math.ceil(field.min / KG_PER_LB), max: Math.floor(field.max / KG_PER_LB) };
}

/** The height range in whole inches that stays inside the form's centimetre range. */
export function inchRange(field: IntakeField): { min: number; max: number } | null {
  if (field.min === undefined || field.max === undefined) return null;
  return { min: Math.ceil(field.min / CM_PER_IN), max: Math.floor(field.max / CM_PER_IN) };
}

export const feetAndInches = (inches: number) => `${Math.floor(inches / IN_PER_FT)} ft ${inches % IN_PER_FT} in`;

/** Pounds typed, as kilograms for the intake. */
export function weightFromPounds(field: IntakeField, text: ImperialText): Converted {
  const range = poundRange(field);
  const message = range
    ? `Please enter your weight in pounds, from ${range.min} to ${range.max}, or leave it empty.`
    : 'Please enter your weight in pounds, or leave it empty.';
  const lb = readNumber(text.lb);
  if (lb === null) return field.nullable ? { ok: true, value: null } : { ok: false, message };
  if (lb === undefined || lb <= 0) return { ok: false, message };
  const kg = kgFromLb(lb);
  return inRange(field, kg) ? { ok: true, value: kg } : { ok: false, message };
}

/** Feet and inches typed, as centimetres for the intake. Feet alone or inches alone are fine. */
export function heightFromFeetInches(field: IntakeField, text: ImperialText): Converted {
  const range = inchRange(field);
  const message = range
    ? `Please enter your height in feet and inches, from ${feetAndInches(range.min)} to ${feetAndInches(range.max)}, or leave both empty.`
    : 'Please enter your height in feet and inches, or leave both empty.';
  const ft = readNumber(text.ft);
  const inches = readNumber(text.in);
  if (ft === null && inches === null) return field.nullable ? { ok: true, value: null } : { ok: false, message };
  if (ft === undefined || inches === undefined) return { ok: false, message };
  const feet = ft ?? 0;
  const rest = inches ?? 0;
  if (!Number.isInteger(feet) || feet < 0 || rest < 0 || rest >= IN_PER_FT) return { ok: false, message };
  const cm = cmFromFeetInches(feet, rest);
  return inRange(field, cm) ? { ok: true, value: cm } : { ok: false, message };
}

/**
 * The imperial text for metric answers, when the person switches to pounds, feet and inches: what
 * they typed carries over, so switching never loses an answer.
 */
export function imperialFromMetric(kgText: string | undefined, cmText: string | undefined): ImperialText {
  const out: ImperialText = {};
  const kg = readNumber(kgText);
  if (typeof kg === 'number' && kg > 0) out.lb = String(lbFromKg(kg));
  const cm = readNumber(cmText);
  if (typeof cm === 'number' && cm > 0) {
    const { ft, in: inches } = feetInchesFromCm(cm);
    out.ft = String(ft);
    out.in = String(inches);
  }
  return out;
}

/** The metric text for imperial answers, for the switch back. Empty where nothing valid was typed. */
export function metricFromImperial(weight: IntakeField | undefined, height: IntakeField | undefined, text: ImperialText) {
  const out: { kg?: string; cm?: string } = {};
  const kg = weight ? weightFromPounds(weight, text) : null;
  if (kg?.ok && kg.value !== null) out.kg = String(kg.value);
  const cm = height ? heightFromFeetInches(height, text) : null;
  if (cm?.ok && cm.value !== null) out.cm = String(cm.value);
  return out;
}
