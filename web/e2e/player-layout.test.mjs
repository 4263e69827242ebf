// The player with the phone propped on the floor (issue 14, item 3), upright, on its side and on a
// laptop: the step's name and its countdown are on the screen from the first frame and never under
// the docked Pause and Stop; the long instructions sit behind "How to", open the first time an
// exercise plays in the session and closed when it comes back; a stop's advice appears without
// moving the countdown. Boxes are measured in the browser, things are found by role and label, and
// each size is checked in light and dark with axe. Screenshots of what the screen shows go to the
// screenshots folder as player-<width>x<height>[-dark].png, with -hold and -advice variants.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, seriousViolations, startServer } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shotsDir = process.env.UNLOAD_SHOTS || join(here, 'screenshots');
const deskWorker = readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8');
const SPEED = 60;

const UPRIGHT = { width: 360, height: 740 };
const ON_ITS_SIDE = { width: 740, height: 360 };
const LAPTOP = { width: 1280, height: 800 };
const SIZES = [UPRIGHT, ON_ITS_SIDE, LAPTOP];

/** What the screen shows (not the whole page), as player-<width>x<height><suffix>.png. */
async function screen(page, suffix = '') {
  mkdirSync(shotsDir, { recursive: true });
  const { width, height } = page.viewportSize();
  await page.screenshot({ path: join(shotsDir, `player-${width}x${height}${suffix}.png`) });
}

async function assertAccessible(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

/** The page opened at today's session, a pain score chosen and the start button scrolled to. */
async function openSession(page, server, speed = SPEED) {
  await page.goto(`${server.url}/#/session?speed=${speed}`);
  await page.getByRole('heading', { level: 1, name: "Today's session" }).waitFor();
  await page.getByRole('radio', { name: '4', exact: true }).check();
  // On a phone the button is low on the page: the player must not keep that scroll.
  await page.getByRole('button', { name: 'Start the session' }).scrollIntoViewIfNeeded();
}

/**
 * Presses Start (or Resume) and then Pause on the first frame that shows a step of `kind` (of the
 * exercise named `exercise`, if given; for holds, with the breathing pacer). Steps last a fraction
 * of a second at 60x, less than a round trip from the test, so both are pressed from inside the
 * page, found by their names.
 */
async function playUntil(page, kind, exercise = null) {
  await page.evaluate(
    ([wanted, name]) =>
      new Promise((resolve) => {
        const named = (label) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label);
        (named('Start the session') ?? named('Resume')).click();
        const poll = () => {
          const player = document.querySelector('.player');
          const pause = named('Pause');
          const there =
            player?.dataset.kind === wanted &&
            (!name || document.querySelector('.player-exercise')?.textContent === name) &&
            (wanted !== 'hold' || document.querySelector('.pacer'));
          if (there && pause && !pause.disabled) {
            pause.click();
            resolve();
          } else {
            requestAnimationFrame(poll);
          }
        };
        requestAnimationFrame(poll);
      }),
    [kind, exercise],
  );
  await page.getByRole('button', { name: 'Resume' }).waitFor();
}

/** The box of a located element, in viewport pixels. */
async function box(locator) {
  const found = await locator.boundingBox();
  assert.ok(found, 'the element is on the page');
  return found;
}

/** The docked Pause and Stop. */
function dock(page) {
  return page.getByRole('group', { name: 'Pause or stop' });
}

/** `locator` is wholly on the screen and above the docked bar (so never under it). */
async function assertAboveDock(page, locator, what) {
  const { width, height } = page.viewportSize();
  const b = await box(locator);
  const bar = await box(dock(page));
  assert.ok(b.y >= 0, `${what} starts on the screen (top at ${b.y})`);
  assert.ok(b.x >= 0 && b.x + b.width <= width + 0.5, `${what} is within the screen's width`);
  assert.ok(b.y + b.height <= bar.y + 0.5, `${what} ends above Pause and Stop (${b.y + b.height} > ${bar.y})`);
  assert.ok(bar.y + bar.height <= height + 0.5, 'Pause and Stop are on the screen');
}

/** The exercise, the step's name and its countdown are on the screen, clear of Pause and Stop. */
async function assertStepInView(page, what) {
  await assertAboveDock(page, page.getByRole('heading', { level: 2 }).first(), `the step's name (${what})`);
  await assertAboveDock(page, page.getByRole('timer'), `the countdown (${what})`);
  // The exercise's name sits above the step, or beside it on a phone on its side.
  const progress = await box(page.getByRole('progressbar', { name: 'Session done' }));
  assert.ok(progress.y >= 0, `the exercise's name and progress are not scrolled away (${what})`);
  for (const name of ['Stop — this hurts', /^(Pause|Resume)$/]) {
    const button = await box(dock(page).getByRole('button', { name }));
    assert.ok(button.height >= 48, 'the docked buttons are at least 48 px high');
  }
}

function howTo(page) {
  return page.getByRole('button', { name: 'How to' });
}

describe('the player on the floor', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // A server of its own for every test, so one test's stops do not shape the next session.
    server = await startServer();
    const response = await fetch(`${server.url}/api/v1/program`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: deskWorker,
    });
    assert.equal(response.status, 201, await response.text());
  });
  afterEach(async () => {
    await server?.stop();
  });

  for (const size of SIZES) {
    for (const scheme of ['light', 'dark']) {
      const suffix = scheme === 'dark' ? '-dark' : '';
      it(`shows the step and its countdown above Pause and Stop at ${size.width} × ${size.height} (${scheme})`, async () => {
        const { context, page, problems } = await openPage(browser, size, { colorScheme: scheme });
        await openSession(page, server);
        await playUntil(page, 'position', '90-90 rest');
        assert.equal(await page.evaluate(() => window.scrollY), 0, 'the player opens at the top, its title whole');
        await assertStepInView(page, 'getting into position');
        assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), 'Get into position: 90-90 rest');
        // The first time the exercise plays, its instructions are open.
        await page.getByRole('button', { name: 'How to', expanded: true }).waitFor();
        await page.getByRole('img', { name: '90-90 rest: the position' }).waitFor();
        await assertAccessible(page, `the player at ${size.width} × ${size.height}, ${scheme}`);
        await screen(page, suffix);

        // A hold, with the breathing pacer: the tallest step of all.
        await playUntil(page, 'hold', '90-90 rest');
        await assertStepInView(page, 'a hold');
        assert.equal(await howTo(page).getAttribute('aria-expanded'), 'true', 'still open for the same exercise');
        await assertAccessible(page, `a hold at ${size.width} × ${size.height}, ${scheme}`);
        await screen(page, `-hold${suffix}`);

        if (size !== UPRIGHT) {
          // With the step beside the instructions, reading them down to the end leaves the
          // countdown where it is.
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          assert.ok((await page.evaluate(() => window.scrollY)) > 0, 'there is more to read than one screen');
          await assertAboveDock(page, page.getByRole('timer'), 'the countdown, scrolled to the end');
          await assertAboveDock(page, page.getByRole('heading', { level: 2 }).first(), "the step's name, scrolled to the end");
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }

  it('"How to" is open the first time an exercise plays, and closed when it comes back', async () => {
    const { context, page, problems } = await openPage(browser, UPRIGHT);
    await openSession(page, server);
    await playUntil(page, 'position', '90-90 rest');
    const button = howTo(page);
    const instructions = page.getByText('On your back with your calves resting on a chair seat', { exact: false });
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator(`#${await button.getAttribute('aria-controls')}`).isVisible(), true);
    await instructions.waitFor();
    // Closed by the person, it stays closed for the rest of that exercise.
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await instructions.waitFor({ state: 'hidden' });
    await playUntil(page, 'hold', '90-90 rest');
    assert.equal(await howTo(page).getAttribute('aria-expanded'), 'false');
    // The hold's own short words stay in view whatever "How to" is.
    await page.getByText('Breathe in through your nose so your belly rises', { exact: false }).waitFor();

    // The next exercise plays for the first time: open again.
    await playUntil(page, 'position', 'Knee-to-chest rock');
    assert.equal(await howTo(page).getAttribute('aria-expanded'), 'true');
    await page.getByText('On your back with knees bent and feet flat', { exact: false }).waitFor();
    await playUntil(page, 'hold', "Child's pose");
    assert.equal(await howTo(page).getAttribute('aria-expanded'), 'true');

    // Child's pose swapped for its easier version, Knee-to-chest rock, which played before: its
    // instructions are one tap away, closed.
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Easier version' }).click();
    await page.getByRole('status').filter({ hasText: 'Swapped to the easier version: Knee-to-chest rock.' }).waitFor();
    assert.equal(await page.locator('.player-exercise').textContent(), 'Knee-to-chest rock');
    assert.equal(await howTo(page).getAttribute('aria-expanded'), 'false');
    const again = page.getByText('On your back with knees bent and feet flat', { exact: false });
    assert.equal(await again.isVisible(), false);
    await howTo(page).click();
    assert.equal(await howTo(page).getAttribute('aria-expanded'), 'true');
    await again.waitFor();
    await page.getByRole('img', { name: 'Knee-to-chest rock: the position' }).waitFor();
    await assertAccessible(page, '"How to" opened again');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [size, scheme] of [
    [UPRIGHT, 'light'],
    [UPRIGHT, 'dark'],
    [ON_ITS_SIDE, 'light'],
    [LAPTOP, 'light'],
  ]) {
    const suffix = scheme === 'dark' ? '-dark' : '';
    it(`a stop's advice leaves the countdown where it was at ${size.width} × ${size.height} (${scheme})`, async () => {
      const { context, page, problems } = await openPage(browser, size, { colorScheme: scheme });
      // Slower, so that the hold is still on when the advice has come.
      await openSession(page, server, 10);
      await playUntil(page, 'hold', '90-90 rest');
      const timer = page.getByRole('timer');
      const before = await box(timer);

      // Stopped while it plays: the question pauses the session, and the answer lets it go on.
      await page.getByRole('button', { name: 'Resume' }).click();
      await dock(page).getByRole('button', { name: 'Stop — this hurts' }).click();
      const dialog = page.getByRole('dialog', { name: 'What is happening?' });
      await dialog.getByRole('button', { name: 'Mild discomfort' }).click();
      const advice = page.getByRole('heading', { level: 2, name: 'You stopped: Mild discomfort' });
      await advice.waitFor();
      // Paused again, to look.
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Resume' }).waitFor();

      assert.equal(await page.locator('.player').getAttribute('data-kind'), 'hold', 'still the same hold');
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'closing the question scrolled nothing');
      const now = await box(timer);
      assert.ok(Math.abs(now.y - before.y) < 1, `the countdown did not move (${before.y} then ${now.y})`);
      await assertStepInView(page, 'with the advice');
      // And the advice is seen, its heading on the screen above Pause and Stop.
      await assertAboveDock(page, advice, "the advice's heading");
      await assertAccessible(page, `the advice at ${size.width} × ${size.height}, ${scheme}`);
      await screen(page, `-advice${suffix}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
