import { describe, expect, it } from 'vitest';
import { aboutMinutes, doseWords, durationWords, timesPerDay } from './dose';

const base = { hold_s: 0, reps: 0, rounds: 1, per_side: false, rest_s: 0, finish_hold_s: 0 };

describe('durationWords', () => {
  it('says seconds, minutes, and both', () => {
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(45)).toBe('45 seconds');
    expect(durationWords(60)).toBe('1 minute');
    expect(durationWords(150)).toBe('2 minutes 30 seconds');
  });
});

describe('aboutMinutes', () => {
  it('rounds to half minutes when short and whole minutes when long', () => {
    expect(aboutMinutes(30)).toBe('under a minute');
    expect(aboutMinutes(60)).toBe('about 1 minute');
    expect(aboutMinutes(100)).toBe('about 1½ minutes');
    expect(aboutMinutes(14 * 60 + 20)).toBe('about 14 minutes');
  });
});

describe('doseWords', () => {
  it('describes a single timed hold', () => {
    expect(doseWords({ ...base, hold_s: 30, reps: 1 }, 0)).toBe('Hold for 30 seconds.');
  });
  it('describes repeated holds on each side with rest', () => {
    expect(doseWords({ ...base, hold_s: 30, reps: 1, rounds: 3, per_side: true, rest_s: 10 }, 0)).toBe(
      '3 holds of 30 seconds on each side, resting 10 seconds between holds.',
    );
  });
  it('describes paced repetitions in rounds', () => {
    expect(doseWords({ ...base, reps: 10, rounds: 2, hold_s: 2, rest_s: 20 }, 4)).toBe(
      '2 rounds of 10 repetitions, holding each for 2 seconds, resting 20 seconds between rounds.',
    );
  });
  it('reads one paced repetition as a repetition, not a hold', () => {
    expect(doseWords({ ...base, reps: 1, hold_s: 5 }, 3)).toBe('1 repetition, holding each for 5 seconds.');
  });
  it('adds the finishing hold', () => {
    expect(doseWords({ ...base, reps: 8, finish_hold_s: 60 }, 5)).toBe(
      '8 repetitions, then 1 minute in the last position to finish.',
    );
  });
  it('leaves out rest when there is only one round', () => {
    expect(doseWords({ ...base, reps: 8, rest_s: 30 }, 5)).toBe('8 repetitions.');
  });
});

describe('timesPerDay', () => {
  it('says once, twice, then a count', () => {
    expect([1, 2, 3].map(timesPerDay)).toEqual(['once a day', 'twice a day', '3 times a day']);
  });
});
