// The player's one clock: session time in milliseconds since the session began, pauses included
// (the time every control is stamped with), read from a monotonic source and multiplied by the
// speed (tests play a session at 60x). Nothing here counts down by decrements: every reading is
// derived afresh from the source, so a late frame or a tab in the background never adds drift.

export interface SessionClock {
  /** Session time now, in (speeded-up) milliseconds, as a float. */
  now(): number;
  /** Session time now, rounded to whole milliseconds, as controls carry it. */
  nowMs(): number;
  /** The source's reading at session time 0. */
  readonly origin: number;
  readonly speed: number;
  /** How many source (real) milliseconds a span of session time takes. */
  toReal(sessionMs: number): number;
}

/**
 * A clock that starts now. `source` is performance.now() in the browser and a fake in tests;
 * `speed` must be a positive finite number (anything else plays in real time).
 */
export function startClock(source: () => number, speed = 1): SessionClock {
  const factor = Number.isFinite(speed) && speed > 0 ? speed : 1;
  const origin = source();
  const now = () => Math.max(0, (source() - origin) * factor);
  return {
    now,
    nowMs: () => Math.round(now()),
    origin,
    speed: factor,
    toReal: (sessionMs: number) => sessionMs / factor,
  };
}

/** The `speed` query parameter: a number from 1 to 1000, else 1 (real time). */
export function parseSpeed(text: string | null | undefined): number {
  if (text === null || text === undefined || text.trim() === '') return 1;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 1) return 1;
  return Math.min(value, 1000);
}
