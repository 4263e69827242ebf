import { describe, expect, it } from 'vitest';
import { parseSpeed, startClock } from './clock';

describe('startClock', () => {
  it('reads session time from the source, from zero, times the speed', () => {
    let now = 1000;
    const clock = startClock(() => now, 60);
    expect(clock.now()).toBe(0);
    now = 1500;
    expect(clock.now()).toBe(30000);
    expect(clock.origin).toBe(1000);
    expect(clock.toReal(30000)).toBe(500);
  });

  it('derives every reading afresh, so irregular frames add no drift', () => {
    let now = 0;
    const clock = startClock(() => now);
    // A thousand frames of uneven length: the reading is exactly the source's elapsed time.
    for (let i = 0; i < 1000; i++) {
      now += i % 3 === 0 ? 16.7 : 33.4;
      clock.now();
    }
    expect(clock.now()).toBeCloseTo(now, 6);
    expect(clock.nowMs()).toBe(Math.round(now));
  });

  it('plays in real time for a speed that is not a positive number', () => {
    let now = 0;
    for (const speed of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      const clock = startClock(() => now, speed);
      now += 100;
      expect(clock.now()).toBe(100);
      expect(clock.speed).toBe(1);
      now = 0;
    }
  });

  it('never reads before zero, even if the source steps back', () => {
    let now = 50;
    const clock = startClock(() => now);
    now = 40;
    expect(clock.now()).toBe(0);
  });
});

describe('parseSpeed', () => {
  it('takes numbers from 1 to 1000 and falls back to real time', () => {
    expect(parseSpeed('60')).toBe(60);
    expect(parseSpeed('2.5')).toBe(2.5);
    expect(parseSpeed('5000')).toBe(1000);
    expect(parseSpeed(null)).toBe(1);
    expect(parseSpeed('')).toBe(1);
    expect(parseSpeed('fast')).toBe(1);
    expect(parseSpeed('0.5')).toBe(1);
    expect(parseSpeed('-3')).toBe(1);
  });
});
