// The hands-free session player in a real browser, on a fast test clock (`#/session?speed=60`):
// the clear path from pain before to the stored session, "stop, this hurts" with the engine's
// decisions shown and recorded, and a connection that drops mid-session (the session goes on, is
// kept on the device and reaches the server exactly once). Each test has its own server, so one
// test's stops and flares do not shape the next test's session. Screenshots of every screen at
// phone and desktop size go to the screenshots folder for review.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, seriousViolations, startServer } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shotsDir = process.env.UNLOAD_SHOTS || join(here, 'screenshots');

/** The player as the screen shows it (a full-page picture would stretch the docked controls). */
async function screenShot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}-screen-${page.viewportSize()?.width ?? 0}.png`) });
}
const deskWorker = readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8');
const SPEED = 60;

async function call(server, method, path, body) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function diarySessions(server) {
  return (await call(server, 'GET', '/api/v1/diary?days=2')).sessions;
}

/** The diary once it holds `count` sessions (the page sends them on its own time). */
async function diaryWith(server, count, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sessions = await diarySessions(server);
    if (sessions.length >= count || Date.now() > deadline) return sessions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Axe finds nothing serious on the page as it stands. */
async function assertAccessible(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

async function countdown(page) {
  return page.getByRole('timer').textContent();
}

async function timelineMs(page) {
  return Number(await page.getByRole('timer').getAttribute('data-timeline-ms'));
}

async function stepKind(page) {
  return page.locator('.player').getAttribute('data-kind');
}

/** Pain before, then Start: the player is running. */
async function startSession(page, server, pain, size) {
  await page.goto(`${server.url}/#/session?speed=${SPEED}`);
  await page.getByRole('heading', { level: 1, name: "Today's session" }).waitFor();
  await page.getByRole('radio', { name: String(pain), exact: true }).check();
  await page.getByRole('button', { name: 'Start the session' }).click();
  await page.getByRole('button', { name: 'Stop — this hurts' }).waitFor();
  return size;
}

/**
 * Presses Start, then Pause on the first frame the player shows. The get-ready countdown lasts a
 * sixth of a second at 60x, shorter than a round trip from the test, so both are pressed from
 * inside the page, found by their names.
 */
async function startPaused(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const named = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
        named('Start the session').click();
        const poll = () => {
          const pause = named('Pause');
          if (!pause) return requestAnimationFrame(poll);
          pause.click();
          resolve();
        };
        requestAnimationFrame(poll);
      }),
  );
}

/** Pauses as soon as the player shows a step of `kind` (and, for holds, the breathing pacer). */
async function pauseAt(page, kind) {
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.locator(`.player[data-kind="${kind}"]`).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    if ((await stepKind(page)) === kind && (kind !== 'hold' || (await page.locator('.pacer').count()) === 1)) return;
    // The step ended while the click travelled: go on to the next one like it.
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction((k) => document.querySelector('.player')?.dataset.kind !== k, kind);
  }
  throw new Error(`never caught a ${kind} step`);
}

/** The countdown does not move for a while: the session is really paused. */
async function assertFrozen(page) {
  const before = await timelineMs(page);
  await page.waitForTimeout(400); // 24 s of session time at 60x
  assert.equal(await timelineMs(page), before, 'the timeline stands still while paused');
}

describe('the session player', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startServer();
    await call(server, 'POST', '/api/v1/program', deskWorker);
  });
  afterEach(async () => {
    await server?.stop();
  });

  for (const size of [PHONE, DESKTOP]) {
    it(`plays a whole session hands-free and records it (${size.width} px)`, async () => {
      const { context, page, problems } = await openPage(browser, size);
      const today = await call(server, 'GET', '/api/v1/session');
      await page.goto(`${server.url}/#/session?speed=${SPEED}`);
      await page.getByRole('heading', { level: 1, name: "Today's session" }).waitFor();
      await page.getByRole('radio', { name: '4', exact: true }).waitFor();
      await assertAccessible(page, 'pain before');
      await screenshot(page, 'session-pain-before');

      // No pain score, no start: the question says so.
      await page.getByRole('button', { name: 'Start the session' }).click();
      await page.getByRole('alert').filter({ hasText: 'Choose a number first' }).waitFor();
      await page.getByRole('radio', { name: '4', exact: true }).check();

      // The get-ready countdown lasts a sixth of a second at 60x, shorter than a round trip from
      // the test, so Start and then Pause are pressed from inside the page, by their names, on
      // the first frame the player shows.
      await startPaused(page);
      await page.getByRole('button', { name: 'Resume' }).waitFor();
      assert.equal(await stepKind(page), 'get_ready');
      await assertFrozen(page);
      assert.match(await countdown(page), /^\d{1,2}$/);
      await assertAccessible(page, 'the player (get ready)');
      await screenshot(page, 'session-get-ready');
      await screenShot(page, 'session-get-ready');
      // The space bar resumes (and pauses) when no control has the focus.
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Pause' }).waitFor();

      // A hold with the breathing pacer following the engine's breathe cues.
      await pauseAt(page, 'hold');
      const breath = await page.locator('.pacer-words').textContent();
      assert.ok(['Breathe in', 'Breathe out'].includes(breath), `pacer says ${breath}`);
      assert.ok((await page.locator('img.picture-large').count()) === 1, 'the exercise picture shows');
      await assertAccessible(page, 'the player (hold)');
      await screenshot(page, 'session-hold');
      await screenShot(page, 'session-hold');
      const pausedAt = await timelineMs(page);
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.waitForFunction((t) => Number(document.querySelector('[role=timer]')?.dataset.timelineMs) > t, pausedAt);

      // The rest plays by itself to the end.
      await page.getByRole('heading', { level: 1, name: 'Session done' }).waitFor({ timeout: 120000 });
      await assertAccessible(page, 'pain after');
      await screenshot(page, 'session-pain-after');
      await page.getByRole('radio', { name: '3', exact: true }).check();
      await page.getByRole('button', { name: 'Save the session' }).click();
      await page.getByText('Saved in your record.').waitFor();
      await page.getByText('You finished the whole session.').waitFor();
      assert.equal(await page.getByRole('link', { name: 'See your progress' }).getAttribute('href'), '#/progress');
      await assertAccessible(page, 'the summary');
      await screenshot(page, 'session-summary');

      const sessions = await diarySessions(server);
      assert.equal(sessions.length, 1);
      const [stored] = sessions;
      assert.equal(stored.outcome, 'completed');
      assert.equal(stored.pain_before, 4);
      assert.equal(stored.pain_after, 3);
      assert.equal(stored.planned_ms, today.timeline.total_ms);
      // Every step played, for its full length: the session the engine planned.
      assert.equal(stored.active_ms, today.timeline.total_ms);
      assert.deepEqual(
        stored.events.map((e) => e.kind),
        ['pause', 'resume', 'pause', 'resume'],
      );
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const size of [PHONE, DESKTOP]) {
    it(`"Stop — this hurts" asks why and shows what the engine decides (${size.width} px)`, async () => {
      const { context, page, problems } = await openPage(browser, size);
      await startSession(page, server, 5, size);
      await page.locator('.player:not([data-kind="get_ready"])').waitFor();

      // The question pauses the session; Escape goes back to it.
      await page.getByRole('button', { name: 'Stop — this hurts' }).click();
      const dialog = page.getByRole('dialog', { name: 'What is happening?' });
      await dialog.waitFor();
      await assertFrozen(page);
      const offered = await dialog.getByRole('button').allTextContents();
      const today = await call(server, 'GET', '/api/v1/session');
      assert.deepEqual(offered.slice(0, -1), today.stop_reasons.map((r) => r.label), "the engine's reasons, in its order");
      await assertAccessible(page, 'the stop dialog');
      await screenshot(page, 'session-stop-dialog');
      await screenShot(page, 'session-stop-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Pause' }).waitFor();

      // Mild discomfort: the engine lets the session go on, gentler, and says so.
      await page.getByRole('button', { name: 'Stop — this hurts' }).click();
      await dialog.getByRole('button', { name: 'Mild discomfort' }).click();
      const advice = page.locator('.player-advice .stop-advice');
      await advice.waitFor();
      assert.match(await advice.textContent(), /Carry on gently/);
      assert.match(await advice.textContent(), /The session goes on with this change\./);
      // It names the exercise in play by its name, and never asks a still hold to "move smaller".
      const library = await call(server, 'GET', '/api/v1/exercises');
      const text = await advice.textContent();
      assert.ok(library.some((e) => text.includes(`The rest of ${e.name} goes`)), text);
      assert.ok(!text.includes('{name}'));
      const kind = await page.locator('.player').getAttribute('data-kind');
      if (kind === 'hold' || kind === 'position') {
        assert.ok(!(await page.locator('.player').textContent()).includes('Make the movement smaller'), 'a hold is eased, not moved');
      }
      await assertAccessible(page, 'the player with a stop decision');
      await screenshot(page, 'session-stop-decision');
      await screenShot(page, 'session-stop-decision');
      const t = await timelineMs(page);
      await page.waitForFunction((at) => Number(document.querySelector('[role=timer]')?.dataset.timelineMs) > at, t);

      // Spreading leg symptoms: the engine ends the session.
      await page.getByRole('button', { name: 'Stop — this hurts' }).click();
      await dialog.getByRole('button', { name: 'Pain or tingling spreading down my leg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Session stopped' }).waitFor();
      const stopped = page.locator('.stop-advice[data-stop="spreading_leg_symptoms"]');
      assert.match(await stopped.textContent(), /physical therapist should take a look/);
      assert.match(await stopped.textContent(), /The session ends here\./);
      await page.getByRole('radio', { name: '6', exact: true }).check();
      await page.getByRole('button', { name: 'Save the session' }).click();
      await page.getByText('Saved in your record.').waitFor();
      await page.getByText('The session stopped because something hurt.').waitFor();
      await assertAccessible(page, 'the summary after a stop');
      await screenshot(page, 'session-summary-stopped');

      const [stored] = await diarySessions(server);
      assert.equal(stored.outcome, 'stopped');
      const stops = stored.events.filter((e) => e.kind === 'stop').map((e) => e.reason);
      assert.deepEqual(stops, ['mild_discomfort', 'spreading_leg_symptoms']);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('swaps to the easier version and skips through the engine, and ends early when asked', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await startSession(page, server, 4, PHONE);
    // 90-90 rest has no easier version, so none is offered.
    await page.locator('.player[data-kind="hold"]').waitFor();
    assert.equal(await page.locator('.player-exercise').textContent(), '90-90 rest');
    assert.equal(await page.getByRole('button', { name: 'Easier version' }).count(), 0);

    // Child's pose has one: the engine swaps in its regression.
    await page.locator('.player-exercise', { hasText: "Child's pose" }).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Easier version' }).click();
    await page.getByRole('status').filter({ hasText: 'Swapped to the easier version: Knee-to-chest rock.' }).waitFor();
    assert.equal(await page.locator('.player-exercise').textContent(), 'Knee-to-chest rock');

    // A skip by accident is taken back with one tap, and leaves nothing in the record.
    await page.getByRole('button', { name: 'Skip this exercise' }).click();
    await page.getByRole('status').filter({ hasText: 'Skipped Knee-to-chest rock.' }).waitFor();
    await page.locator('.player-exercise', { hasText: 'Cat-cow' }).waitFor();
    await page.getByRole('button', { name: 'Undo skip' }).click();
    await page.getByRole('status').filter({ hasText: 'Skip undone' }).waitFor();
    assert.equal(await page.locator('.player-exercise').textContent(), 'Knee-to-chest rock');
    assert.equal(await page.getByRole('button', { name: 'Undo skip' }).count(), 0);

    await page.getByRole('button', { name: 'Skip this exercise' }).click();
    await page.getByRole('status').filter({ hasText: 'Skipped Knee-to-chest rock.' }).waitFor();
    await page.locator('.player-exercise', { hasText: 'Cat-cow' }).waitFor();
    // The offer goes after a few seconds (paused meanwhile, so the fast test clock stands still).
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Undo skip' }).waitFor({ state: 'detached', timeout: 10000 });
    assert.equal(await page.locator('.player-exercise').textContent(), 'Cat-cow');
    await page.getByRole('button', { name: 'Resume' }).click();

    // One tap only asks; "Keep going" goes on; the named second tap ends it.
    await page.getByRole('button', { name: 'End session' }).click();
    const confirm = page.getByRole('group', { name: 'End the session now?' });
    await confirm.getByRole('button', { name: 'Keep going' }).click();
    assert.equal(await confirm.count(), 0);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Session done' }).count(), 0);
    await page.getByRole('button', { name: 'End session' }).click();
    await confirm.getByRole('button', { name: 'Yes, end it now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Session done' }).waitFor();
    await page.getByRole('button', { name: 'Save without a pain score' }).click();
    await page.getByText('Saved in your record.').waitFor();
    await page.getByText('You ended the session early; what you did is kept.').waitFor();
    const [stored] = await diarySessions(server);
    assert.equal(stored.outcome, 'quit');
    assert.equal(stored.pain_after, null);
    assert.deepEqual(
      stored.events.map((e) => [e.kind, e.exercise, e.detail]),
      [
        // The undone skip is not there: one skip, then the pause and resume.
        ['swap', 'childs_pose', 'knee_to_chest'],
        ['skip', 'knee_to_chest', null],
        ['pause', 'cat_cow', null],
        ['resume', 'cat_cow', null],
        ['quit', 'cat_cow', null],
      ],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a session ended in its first minute is kept without a "well done"', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    // At the real pace (no ?speed), so the end comes seconds in.
    await page.goto(`${server.url}/#/session`);
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('button', { name: 'Start the session' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('group', { name: 'End the session now?' }).getByRole('button', { name: 'Yes, end it now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Session done' }).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /well done/i);
    await page.getByRole('button', { name: 'Save without a pain score' }).click();
    await page.getByText('Saved in your record.').waitFor();
    const [stored] = await diaryWith(server, 1);
    assert.equal(stored.outcome, 'quit');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the start screen has a way back that records nothing', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    const writes = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await page.goto(`${server.url}/#/session`);
    await page.getByRole('heading', { level: 1, name: "Today's session" }).waitFor();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByRole('link', { name: 'Not now, back to Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    assert.equal((await diarySessions(server)).length, 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('unload.outbox')), null);
    assert.deepEqual(writes.filter((w) => w.includes('/sessions')), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('leaving mid-session keeps what was done', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    // Closing or reloading the page: kept on the device as it goes, sent when the app starts again.
    await startSession(page, server, 5, PHONE);
    await page.locator('.player[data-kind="hold"]').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Today's session" }).waitFor();
    let sessions = await diaryWith(server, 1);
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0].outcome, 'quit');
    assert.equal(sessions[0].pain_before, 5);
    assert.equal(sessions[0].pain_after, null);

    // Going to another page of the app.
    await page.getByRole('radio', { name: '2', exact: true }).check();
    await page.getByRole('button', { name: 'Start the session' }).click();
    await page.locator('.player[data-kind="hold"]').waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/progress';
    });
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    sessions = await diaryWith(server, 2);
    assert.equal(sessions.length, 2);
    assert.equal(sessions.filter((s) => s.outcome === 'quit' && s.pain_before === 2).length, 1);
    await page.waitForFunction(() => localStorage.getItem('unload.outbox') === null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a stop for new numbness or weakness asks the warning signs again before the next session', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await startSession(page, server, 3, PHONE);
    await page.locator('.player:not([data-kind="get_ready"])').waitFor();
    await page.getByRole('button', { name: 'Stop — this hurts' }).click();
    await page.getByRole('dialog', { name: 'What is happening?' }).getByRole('button', { name: 'New numbness or weakness' }).click();
    await page.getByRole('heading', { level: 1, name: 'Session stopped' }).waitFor();
    assert.match(await page.locator('.stop-advice').textContent(), /emergency department/);
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('button', { name: 'Save the session' }).click();
    await page.getByText('Saved in your record.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Answer them now' }).getAttribute('href'), '#/start/rescreen');
    await screenshot(page, 'session-summary-rescreen');

    // The next session waits for the answers (a reload: the summary is at the same address).
    await page.reload();
    await page.getByText('A few safety questions come first.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start the session' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Answer the safety questions' }).getAttribute('href'), '#/start/rescreen');
    await assertAccessible(page, 'the session waiting for the warning signs');
    await screenshot(page, 'session-rescreen-first');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('is legible and passes axe in dark mode', async () => {
    const { context, page, problems } = await openPage(browser, PHONE, { colorScheme: 'dark' });
    await page.goto(`${server.url}/#/session?speed=${SPEED}`);
    await page.getByRole('radio', { name: '7', exact: true }).check();
    await assertAccessible(page, 'pain before, dark');
    await screenshot(page, 'session-pain-before-dark');
    await startPaused(page);
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await assertAccessible(page, 'the player, dark');
    await screenShot(page, 'session-get-ready-dark');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('goes on without a connection, keeps the session on the device and sends it once', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await startSession(page, server, 3, PHONE);
    await page.locator('.player[data-kind="hold"]').waitFor({ timeout: 60000 });

    await context.setOffline(true);
    await page.getByText('No connection. The session goes on').waitFor();
    const t = await timelineMs(page);
    await page.waitForTimeout(300);
    assert.ok((await timelineMs(page)) > t, 'the countdown keeps going offline');
    // Skipping needs the engine: it says so and the session goes on.
    await page.getByRole('button', { name: /^Skip this/ }).click();
    await page.getByRole('status').filter({ hasText: 'needs the connection' }).waitFor();
    await screenshot(page, 'session-offline-playing');

    await page.getByRole('heading', { level: 1, name: 'Session done' }).waitFor({ timeout: 120000 });
    await page.getByRole('radio', { name: '2', exact: true }).check();
    await page.getByRole('button', { name: 'Save the session' }).click();
    await page.getByText('Saved on this device.').waitFor();
    await assertAccessible(page, 'the summary, saved on the device');
    await screenshot(page, 'session-saved-offline');
    assert.equal((await diarySessions(server)).length, 0, 'nothing reached the server yet');
    const waiting = await page.evaluate(() => JSON.parse(localStorage.getItem('unload.outbox') ?? '[]').length);
    assert.equal(waiting, 1);

    await context.setOffline(false);
    await page.getByText('Saved in your record.').waitFor();
    await page.getByText('You finished the whole session.').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('unload.outbox')), null);

    // A new start of the app sends nothing again.
    await page.goto(`${server.url}/#/`);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.waitForTimeout(300);
    const sessions = await diarySessions(server);
    assert.equal(sessions.length, 1, 'stored exactly once');
    assert.equal(sessions[0].pain_after, 2);
    assert.equal(sessions[0].outcome, 'completed');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  });

  it('a stop with no connection ends the session there; the advice comes once it is sent', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await startSession(page, server, 4, PHONE);
    await page.locator('.player[data-kind="hold"]').waitFor({ timeout: 60000 });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Stop — this hurts' }).click();
    await page.getByRole('dialog', { name: 'What is happening?' }).getByRole('button', { name: 'Sharp pain' }).click();
    await page.getByRole('heading', { level: 1, name: 'Session stopped' }).waitFor();
    await page.getByText('You stopped the session with no connection').waitFor();
    await page.getByRole('radio', { name: '5', exact: true }).check();
    await page.getByRole('button', { name: 'Save the session' }).click();
    await page.getByText('Saved on this device.').waitFor();
    await screenshot(page, 'session-stopped-offline');

    await context.setOffline(false);
    await page.getByText('Saved in your record.').waitFor();
    // The engine's words for the stop, now that it has the session.
    const advice = page.locator('.stop-advice[data-stop="sharp_pain"]');
    await advice.waitFor();
    assert.match(await advice.textContent(), /rest position/);
    const [stored] = await diarySessions(server);
    assert.deepEqual(
      stored.events.filter((e) => e.kind === 'stop').map((e) => e.reason),
      ['sharp_pain'],
    );
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  });
});
