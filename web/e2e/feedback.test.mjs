// How each exercise felt, in a real browser: after a session played at a fast test clock
// (`#/session?speed=60`) the summary asks about each exercise it played, a tap is stored at once
// and can be changed, and the progress page counts the answers. Then the other way round: three
// sessions through the API with Cat-cow "too easy", a weekly review a week after the start offers
// its harder version on the program page, and taking it puts Bird dog in its place.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, playWholeSession, screenshot, seriousViolations, startServer } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const intake = readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8');
const shotsDir = process.env.UNLOAD_SHOTS || join(here, 'screenshots');
const SPEED = 60;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** A small JSON client for one server: the status and the parsed answer. */
function client(url) {
  return async function call(method, path, body) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

async function assertAccessible(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

/** Every answer button is at least 44 px each way, and nothing is wider than the screen. */
async function assertTappable(page, region) {
  const boxes = await region.locator('.feedback-choice').evaluateAll((labels) =>
    labels.map((label) => {
      const box = label.getBoundingClientRect();
      return { text: label.textContent, width: box.width, height: box.height };
    }),
  );
  assert.ok(boxes.length > 0);
  for (const box of boxes) assert.ok(box.width >= 44 && box.height >= 44, `"${box.text}" is ${box.width}×${box.height}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
}

describe('how each exercise felt', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  describe('after a session', () => {
    let server;
    let call;
    before(async () => {
      server = await startServer();
      call = client(server.url);
      assert.equal((await call('POST', '/api/v1/program', intake)).status, 201);
    });
    after(async () => {
      await server?.stop();
    });

    it('asks about each exercise played, stores a tap at once, lets it change, and progress counts it', async () => {
      const { context, page, problems } = await openPage(browser, PHONE);
      const today = (await call('GET', '/api/v1/session')).body;
      const routine = (await call('GET', '/api/v1/program')).body.plan.program.routine;

      await page.goto(`${server.url}/#/session?speed=${SPEED}`);
      await playWholeSession(page, today, { speed: SPEED, painBefore: 4, painAfter: 3 });

      // One group of four answers per exercise, named by the exercise, in the session's order.
      const section = page.getByRole('region', { name: 'How did each exercise feel?' });
      await section.waitFor();
      await section.getByText('The weekly review uses these', { exact: false }).waitFor();
      const groups = section.getByRole('radiogroup');
      const names = [];
      for (const group of await groups.all()) names.push((await group.locator('legend').innerText()).trim());
      assert.deepEqual(names, routine.map((entry) => entry.name));
      for (const group of await groups.all()) {
        const answers = [];
        for (const radio of await group.getByRole('radio').all()) answers.push(await radio.evaluate((r) => r.labels[0].innerText.trim()));
        assert.deepEqual(answers, ['Too easy', 'About right', 'Too hard', 'It hurt']);
      }
      assert.equal(await section.getByRole('radio', { checked: true }).count(), 0, 'nothing is chosen for the person');
      await assertTappable(page, section);

      // Cat-cow: "Too hard", then changed to "It hurt"; each tap is saved on its own.
      const catCow = section.getByRole('radiogroup', { name: 'Cat-cow' });
      await catCow.getByRole('radio', { name: 'Too hard' }).check();
      await catCow.getByRole('status').filter({ hasText: 'Saved: Too hard.' }).waitFor();
      await catCow.getByRole('radio', { name: 'It hurt' }).check();
      await catCow.getByRole('status').filter({ hasText: 'Saved: It hurt.' }).waitFor();
      assert.equal(await catCow.getByRole('radio', { name: 'It hurt' }).isChecked(), true);
      assert.equal(await catCow.getByRole('radio', { name: 'Too hard' }).isChecked(), false);

      // With no connection the answer is not lost from the screen: it says so and can be sent again.
      const first = routine[0].name;
      const firstGroup = section.getByRole('radiogroup', { name: first });
      await page.route('**/feedback/**', (route) => route.abort());
      await firstGroup.getByRole('radio', { name: 'About right' }).check();
      await firstGroup.getByRole('status').filter({ hasText: 'Not saved yet.' }).waitFor();
      await firstGroup.getByText('Could not reach Unload', { exact: false }).waitFor();
      await page.unroute('**/feedback/**');
      await firstGroup.getByRole('button', { name: `Try again: ${first}` }).click();
      await firstGroup.getByRole('status').filter({ hasText: 'Saved: About right.' }).waitFor();
      assert.equal(await firstGroup.getByRole('button', { name: /Try again/ }).count(), 0);

      // The server has them: one session each, the latest answer kept, in the order first rated.
      const progress = (await call('GET', '/api/v1/progress?weeks=1')).body;
      assert.deepEqual(
        progress.feedback.map(({ exercise, too_easy, right, too_hard, hurt, latest }) => ({ exercise, too_easy, right, too_hard, hurt, latest })),
        [
          { exercise: 'cat_cow', too_easy: 0, right: 0, too_hard: 0, hurt: 1, latest: 'hurt' },
          { exercise: routine[0].exercise, too_easy: 0, right: 1, too_hard: 0, hurt: 0, latest: 'right' },
        ],
      );

      await assertAccessible(page, 'the summary with ratings (360 px)');
      await screenshot(page, 'feedback-summary');
      await page.setViewportSize(DESKTOP);
      await assertAccessible(page, 'the summary with ratings (1280 px)');
      await screenshot(page, 'feedback-summary');

      // Progress shows how the exercises felt, hidden before anything was rated.
      await page.setViewportSize(PHONE);
      await page.getByRole('link', { name: 'See your progress' }).click();
      await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
      const felt = page.getByRole('region', { name: 'How the exercises felt' });
      await felt.waitFor();
      const items = felt.getByRole('listitem');
      assert.equal(await items.count(), 2);
      await items.nth(0).getByText('Cat-cow').waitFor();
      await items.nth(0).getByText('Last time: it hurt').waitFor();
      assert.equal(await items.nth(0).getByRole('definition').allInnerTexts().then((n) => n.join(' ')), '0 0 0 1');
      await items.nth(1).getByText(first).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `progress scrolls sideways by ${overflow} px`);
      await assertAccessible(page, 'progress with feedback');
      // The section alone: the whole progress page is long, and this is the part to look at.
      await felt.screenshot({ path: join(shotsDir, 'feedback-progress-360.png') });
      await page.setViewportSize(DESKTOP);
      await felt.screenshot({ path: join(shotsDir, 'feedback-progress-1280.png') });

      // The aborted request is the only thing the browser complained about.
      assert.deepEqual(
        problems.filter((line) => !line.includes('net::ERR_FAILED')),
        [],
      );
      await context.close();
    });
  });

  describe('a harder version on offer', () => {
    const home = mkdtempSync(join(tmpdir(), 'unload-e2e-feedback-'));
    let server;
    let call;
    before(async () => {
      // The program starts on Monday 2 March 2026. The server refuses sessions dated in its
      // future, so each day's session is sent on its own day, with the clock pinned just after it.
      const first = await startServer({ home, now: '2026-03-02T07:00:00Z' });
      try {
        assert.equal((await client(first.url)('POST', '/api/v1/program', intake)).status, 201);
      } finally {
        await first.stop();
      }
      for (const day of ['02', '03', '04']) {
        const daily = await startServer({ home, now: `2026-03-${day}T08:00:00Z` });
        try {
          const send = client(daily.url);
          const today = (await send('GET', '/api/v1/session')).body;
          const saved = await send('POST', '/api/v1/sessions', {
            started_at: `2026-03-${day}T07:30:00Z`,
            pain_before: 3,
            pain_after: 2,
            controls: [],
            ended_ms: today.timeline.total_ms,
          });
          assert.equal(saved.status, 201, JSON.stringify(saved.body));
          const rated = await send('PUT', `/api/v1/sessions/${saved.body.id}/feedback/cat_cow`, { rating: 'too_easy' });
          assert.equal(rated.status, 200, JSON.stringify(rated.body));
        } finally {
          await daily.stop();
        }
      }
      // A week after the start the review is due.
      server = await startServer({ home, now: '2026-03-09T08:00:00Z' });
      call = client(server.url);
      const review = await call('POST', '/api/v1/review', { warning_signs: {}, leg: 'none' });
      assert.ok(review.status === 200 || review.status === 201, JSON.stringify(review.body));
      assert.ok(review.body.because.some((reason) => reason.id === 'feedback_harder_offered'), 'the review offers the harder version');
    });
    after(async () => {
      await server?.stop();
      rmSync(home, { recursive: true, force: true });
    });

    it('offers Bird dog on the program page, optional, and taking it puts it in place of Cat-cow', async () => {
      const program = (await call('GET', '/api/v1/program')).body;
      assert.deepEqual(program.offers, [{ exercise: 'cat_cow', name: 'Cat-cow', harder: 'bird_dog', harder_name: 'Bird dog' }]);
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/program`);
      const routine = page.getByRole('region', { name: "Today's routine" });
      await routine.waitFor();
      const offer = routine.getByText('Cat-cow felt too easy lately. Ready for Bird dog?');
      await offer.waitFor();
      await routine.getByText('Only if you want to', { exact: false }).waitFor();
      const take = routine.getByRole('button', { name: 'Try Bird dog instead' });
      await take.waitFor();
      // At the top of the routine, above the first exercise.
      const firstCard = routine.getByRole('listitem').first();
      assert.ok((await offer.boundingBox()).y < (await firstCard.boundingBox()).y, 'the offer comes before the exercises');
      const box = await take.boundingBox();
      assert.ok(box.height >= 44 && box.width <= PHONE.width, `the button is ${box.width}×${box.height}`);
      await routine.getByRole('listitem', { name: '4. Cat-cow' }).waitFor();
      await assertAccessible(page, 'the program with an offer (360 px)');
      await screenshot(page, 'feedback-program-offer');
      await page.setViewportSize(DESKTOP);
      await assertAccessible(page, 'the program with an offer (1280 px)');
      await screenshot(page, 'feedback-program-offer');

      await take.click();
      await routine.getByText('Bird dog is in your routine now, in place of Cat-cow.').waitFor();
      const birdDog = routine.getByRole('listitem', { name: '4. Bird dog' });
      await birdDog.waitFor();
      await birdDog.getByText('In place of Cat-cow', { exact: true }).waitFor();
      await birdDog.getByRole('img', { name: 'Drawing of Bird dog' }).waitFor();
      assert.equal(await routine.getByRole('listitem', { name: /Cat-cow$/ }).count(), 0, 'Cat-cow is no longer in the routine');
      assert.equal(await routine.getByRole('button', { name: 'Try Bird dog instead' }).count(), 0, 'the offer is gone');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bird dog is in your routine now, in place of Cat-cow.');
      await assertAccessible(page, 'the program after taking the offer');
      await screenshot(page, 'feedback-program-taken');

      // The server has it, and a reload shows the same.
      const now = (await call('GET', '/api/v1/program')).body;
      assert.deepEqual(now.offers, []);
      const entry = now.plan.program.routine.find((e) => e.exercise === 'bird_dog');
      assert.equal(entry?.replaces, 'cat_cow');
      assert.ok(entry.because.includes('harder_version'));
      await page.reload();
      await birdDog.getByText('In place of Cat-cow', { exact: true }).waitFor();
      assert.equal(await routine.getByRole('button', { name: 'Try Bird dog instead' }).count(), 0);

      // Progress counts the three "too easy".
      await page.goto(`${server.url}/#/progress`);
      const felt = page.getByRole('region', { name: 'How the exercises felt' });
      await felt.getByText('Last time: too easy').waitFor();
      assert.equal(await felt.getByRole('definition').allInnerTexts().then((n) => n.join(' ')), '3 0 0 0');
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
});
