// Countdown drift of the web session player (not a test: it reports figures).
//
// Plays today's session in Chromium at real speed and watches the big countdown: every time its
// text changes, a MutationObserver in the page notes performance.now(). The moment each text
// should have appeared follows from the engine's timeline alone (GET /api/v1/session: each step's
// start and length) and the player's clock origin (`data-origin`, performance.now() at session
// time 0): the text N of a step is due when N seconds of the step are left, and a step's first
// text when it begins. Drift = noted - due. Sessions are played back to back until DRIFT_MINUTES
// (default 15) of session time have been watched.
//
//   UNLOAD_BIN=build/unload node web/bench/drift.mjs
//   DRIFT_MINUTES=2 DRIFT_SPEED=1 UNLOAD_WEB_ROOT=/tmp/dist ...   (a shorter look, another build)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP, launchBrowser, openPage, startServer } from '../e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const minutes = Number(process.env.DRIFT_MINUTES || 15);
const speed = Number(process.env.DRIFT_SPEED || 1);
const budgetMs = minutes * 60000;

async function call(server, method, path, body) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The text each step shows, and when (timeline ms) each should appear. */
function dueTimes(steps) {
  const due = [];
  for (const [index, step] of steps.entries()) {
    const seconds = Math.ceil(step.duration_ms / 1000);
    for (let n = seconds; n >= 1; n--) {
      const at = n === seconds ? step.start_ms : step.start_ms + step.duration_ms - n * 1000;
      const text = n < 60 ? String(n) : `${Math.floor(n / 60)}:${String(n % 60).padStart(2, '0')}`;
      due.push({ index, text, at });
    }
  }
  return due;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function playOnce(page, server, budgetLeftMs) {
  const today = await call(server, 'GET', '/api/v1/session');
  await page.goto(`${server.url}/#/session?speed=${speed}`);
  // A fresh page each time: the last session's pain-after screen has the same address.
  await page.reload();
  await page.getByRole('radio', { name: '3', exact: true }).check();
  // Quiet: no voice or tones in a benchmark.
  for (const name of ['Read the steps aloud', 'Sound a tone when a step begins and ends']) {
    const box = page.getByRole('checkbox', { name });
    if (await box.isChecked()) await box.uncheck();
  }
  await page.evaluate(() => {
    window.__drift = [];
    // How often the browser painted: frames more than 50 ms apart mean the page was starved of
    // CPU (a busy machine), which delays the countdown whatever the player computes.
    window.__frames = { count: 0, slow: 0, worst: 0 };
    let previous = performance.now();
    requestAnimationFrame(function frame(now) {
      const gap = now - previous;
      previous = now;
      window.__frames.count++;
      if (gap > 50) window.__frames.slow++;
      window.__frames.worst = Math.max(window.__frames.worst, gap);
      requestAnimationFrame(frame);
    });
    let last = '';
    const observer = new MutationObserver(() => {
      const timer = document.querySelector('[role=timer]');
      if (!timer) return;
      const text = timer.textContent;
      const step = timer.getAttribute('data-step');
      const key = `${step}|${text}`;
      if (key === last) return;
      last = key;
      window.__drift.push({ t: performance.now(), text, step: Number(step), timelineMs: Number(timer.getAttribute('data-timeline-ms')) });
    });
    // Text changes only: the step attribute is written in the frame before the text renders.
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Start the session' }).click();
  await page.locator('.player[data-origin]').waitFor();
  const origin = Number(await page.locator('.player').getAttribute('data-origin'));
  const sessionMs = today.timeline.total_ms;
  const watchMs = Math.min(sessionMs, budgetLeftMs);
  const started = Date.now();
  while (Date.now() - started < watchMs / speed + 500) {
    await page.waitForTimeout(Math.min(30000, Math.max(100, watchMs / speed + 500 - (Date.now() - started))));
    process.stderr.write(`  ${((Date.now() - started) / 60000).toFixed(1)} of ${(watchMs / speed / 60000).toFixed(1)} min\r`);
  }
  const noted = await page.evaluate(() => window.__drift);
  const frames = await page.evaluate(() => window.__frames);
  const due = new Map(dueTimes(today.timeline.steps).map((d) => [`${d.index}|${d.text}`, d.at]));
  const drifts = [];
  const clockErrors = [];
  let unmatched = 0;
  for (const sample of noted) {
    const at = due.get(`${sample.step}|${sample.text}`);
    if (at !== undefined && at > watchMs) continue; // after the watched span
    if (at === undefined) {
      unmatched++;
      if (process.env.DRIFT_VERBOSE) console.error('unmatched', sample, at);
      continue;
    }
    const drift = sample.t - (origin + at / speed);
    // The player's own reading against real time at that frame: drift of the clock itself.
    clockErrors.push(Math.abs(sample.t - origin - sample.timelineMs / speed));
    if (process.env.DRIFT_VERBOSE && Math.abs(drift) > 40) console.error('late', sample, at, drift.toFixed(1));
    drifts.push(drift);
  }
  return { drifts, clockErrors, frames, unmatched, watchedMs: watchMs };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  await call(server, 'POST', '/api/v1/program', readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8'));
  const { page } = await openPage(browser, DESKTOP);
  const drifts = [];
  const clockErrors = [];
  const frames = { count: 0, slow: 0, worst: 0 };
  let unmatched = 0;
  let watched = 0;
  let sessions = 0;
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  while (watched < budgetMs) {
    const run = await playOnce(page, server, budgetMs - watched);
    drifts.push(...run.drifts);
    clockErrors.push(...run.clockErrors);
    frames.count += run.frames.count;
    frames.slow += run.frames.slow;
    frames.worst = Math.max(frames.worst, run.frames.worst);
    unmatched += run.unmatched;
    watched += run.watchedMs;
    sessions++;
  }
  const sorted = drifts.map((d) => Math.abs(d)).sort((a, b) => a - b);
  const early = drifts.filter((d) => d < 0).length;
  const mean = sorted.reduce((s, d) => s + d, 0) / sorted.length;
  const max = sorted[sorted.length - 1];
  const p99 = percentile(sorted, 99);
  const clockSorted = clockErrors.sort((a, b) => a - b);
  const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    JSON.stringify({
      benchmark: 'web_countdown_drift',
      session_minutes: +(watched / 60000).toFixed(2),
      sessions,
      speed,
      countdown_changes: sorted.length,
      unmatched,
      early,
      max_ms: +max.toFixed(2),
      p99_ms: +p99.toFixed(2),
      p50_ms: +percentile(sorted, 50).toFixed(2),
      mean_ms: +mean.toFixed(2),
      clock_error_max_ms: +clockSorted[clockSorted.length - 1].toFixed(2),
      clock_error_p99_ms: +percentile(clockSorted, 99).toFixed(2),
      frames: frames.count,
      frames_over_50ms: frames.slow,
      worst_frame_gap_ms: +frames.worst.toFixed(1),
      load_before: loadBefore,
      load_after: loadAfter,
    }),
  );
  console.log(
    `web countdown drift over ${(watched / 60000).toFixed(1)} min of session (${sorted.length} countdown changes): ` +
      `max ${max.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, mean ${mean.toFixed(1)} ms; target 50 ms: ${max <= 50 ? 'met' : 'MISSED'}`,
  );
} finally {
  await browser.close();
  await server.stop();
}
