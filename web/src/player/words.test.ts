import { describe, expect, it } from 'vitest';
import { sampleSteps } from './fixtures';
import { announcement, countdownText, countdownWords, minutesText, msToNextSecond, secondsLeft, spokenOnStep, stepPlace } from './words';

describe('countdown', () => {
  it('rounds up to whole seconds, as a kitchen timer does', () => {
    expect(secondsLeft(10000)).toBe(10);
    expect(secondsLeft(9999)).toBe(10);
    expect(secondsLeft(9000)).toBe(9);
    expect(secondsLeft(9000.4)).toBe(10);
    expect(secondsLeft(1)).toBe(1);
    expect(secondsLeft(0.0001)).toBe(1);
    expect(secondsLeft(0)).toBe(0);
    expect(secondsLeft(-5)).toBe(0);
  });

  it('knows when the number next changes: at the next whole second left', () => {
    expect(msToNextSecond(9400)).toBe(400);
    expect(msToNextSecond(9000)).toBe(1000);
    expect(msToNextSecond(0.5)).toBe(0.5);
    expect(msToNextSecond(0)).toBe(0);
    // Waiting that long (and a hair more) always shows the next number.
    for (const remaining of [9400, 9000, 1234.5, 61000]) {
      expect(secondsLeft(remaining - msToNextSecond(remaining) - 0.001)).toBe(secondsLeft(remaining) - 1);
    }
  });

  it('shows seconds under a minute and minutes:seconds from a minute', () => {
    expect(countdownText(45000)).toBe('45');
    expect(countdownText(59001)).toBe('1:00');
    expect(countdownText(65000)).toBe('1:05');
    expect(countdownText(600000)).toBe('10:00');
    expect(countdownText(0)).toBe('0');
  });

  it('says it in words', () => {
    expect(countdownWords(65000)).toBe('1 minute 5 seconds left');
    expect(countdownWords(120000)).toBe('2 minutes left');
    expect(countdownWords(1000)).toBe('1 second left');
    expect(countdownWords(0)).toBe('0 seconds left');
  });

  it('gives minutes for the summary', () => {
    expect(minutesText(20000)).toBe('less than a minute');
    expect(minutesText(60000)).toBe('1 minute');
    expect(minutesText(12.4 * 60000)).toBe('12 minutes');
  });
});

describe('step words', () => {
  const steps = sampleSteps();
  it('places a step in its exercise', () => {
    expect(stepPlace(steps[2])).toEqual(['Round 1 of 2', 'Hold 1 of 2', 'Left side']);
    expect(stepPlace(steps[0])).toEqual([]);
    expect(stepPlace({ ...steps[2], kind: 'rep', rep: 3, reps: 10 })).toEqual(['Round 1 of 2', 'Left side']);
    expect(stepPlace({ ...steps[2], kind: 'rep', title: 'Repetition 3 of 10, left side' })).toEqual(['Round 1 of 2']);
  });

  it('announces a step once, with its exercise and length', () => {
    expect(announcement(steps[2], 'Cat-cow')).toBe('hold, Cat-cow, left side, 10 seconds.');
    expect(announcement(steps[0], 'Cat-cow')).toBe('get_ready, 10 seconds.');
  });

  it('names the exercise aloud only when a new one begins', () => {
    expect(spokenOnStep(steps[1], steps[0], 'Cat-cow')).toBe('Cat-cow. position.');
    expect(spokenOnStep(steps[2], steps[1], 'Cat-cow')).toBe('hold.');
  });
});
