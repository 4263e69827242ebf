// Progress, the pain diary, questionnaire scores and the weekly review, in a real browser.
//
// Records go in through the API, the way the session player and the terminal put them there.
// Sessions carry their own start time, so they can be dated on any day; pain entries and reviews
// are dated "now". To reach a review that is due, a server with its clock pinned (UNLOAD_NOW) at
// the start of a program records the week, and a second server on the same database, pinned a week
// later, serves the browser.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, seriousViolations, startServer } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const intake = readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8');

/** A small JSON client for one server. */
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

/** Starts `unload serve` on `home` (kept between servers) with the clock pinned at `now`. */
function serveAt(home, now) {
  return startServer({ home, now });
}

/** A session played to its end (or stopped by `stop`, a stop reason id, a minute in). */
async function completedSession(call, startedAt, painBefore, painAfter, stop = null) {
  const today = await call('GET', '/api/v1/session');
  assert.equal(today.status, 200);
  const saved = await call('POST', '/api/v1/sessions', {
    started_at: startedAt,
    pain_before: painBefore,
    pain_after: painAfter,
    controls: stop ? [{ at_ms: 60_000, control: 'stop', reason: stop }] : [],
    ended_ms: today.body.timeline.total_ms,
  });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  return saved.body;
}

/**
 * A program started on Monday 2 March 2026 with a session on each of its seven days, a pain
 * entry and a first ODI score; returns a server pinned at Monday 9 March, when the review is due.
 */
async function programWithAWeekBehindIt(home, { stopOnFriday = null } = {}) {
  // The program starts at 07:00 on Monday. The server refuses sessions dated in its future, so
  // each day's session is sent on its own day, with the clock pinned just after it, as a
  // person's phone would send it.
  const first = await serveAt(home, '2026-03-02T07:00:00Z');
  try {
    const call = client(first.url);
    assert.equal((await call('POST', '/api/v1/program', intake)).status, 201);
    assert.equal((await call('POST', '/api/v1/pain', { pain: 4, note: 'first morning' })).status, 201);
    const odi = await call('POST', '/api/v1/scores', { instrument: 'odi', answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] });
    assert.equal(odi.status, 201, JSON.stringify(odi.body));
  } finally {
    await first.stop();
  }
  for (let day = 2; day <= 8; day++) {
    const server = await serveAt(home, `2026-03-0${day}T08:00:00Z`);
    try {
      await completedSession(client(server.url), `2026-03-0${day}T07:30:00Z`, day < 5 ? 4 : 3, 3, day === 6 ? stopOnFriday : null);
    } finally {
      await server.stop();
    }
  }
  return serveAt(home, '2026-03-09T08:00:00Z');
}

/**
 * Answers every question of the review form: "Yes" to the warning signs whose question matches
 * one of `yes`, "No" to the others, and the pain stays in the back.
 */
async function answerReview(page, yes = []) {
  const groups = page.locator('form.pg-review-form fieldset');
  await groups.first().waitFor();
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const legend = await group.locator('legend').innerText();
    if (/how far down/.test(legend)) {
      await group.getByRole('radio', { name: 'No, it stays in my back' }).check();
      continue;
    }
    const answer = yes.some((pattern) => pattern.test(legend)) ? 'Yes' : 'No';
    await group.getByRole('radio', { name: answer, exact: true }).check();
  }
  return count;
}

function todayIso() {
  return new Date().toISOString().slice(0, 10);
}

describe('progress', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  describe('a program started today', () => {
    let server;
    let call;
    before(async () => {
      server = await startServer();
      call = client(server.url);
      assert.equal((await call('POST', '/api/v1/program', intake)).status, 201);
      // Sessions begin after the program did: the server refuses one dated before it.
      const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      await completedSession(call, startedAt, 5, 4);
      assert.equal((await call('POST', '/api/v1/pain', { pain: 5, note: 'stiff after the train' })).status, 201);
    });
    after(async () => {
      await server?.stop();
    });

    it('shows the chart, the calendar with today done, the minutes and the diary', async () => {
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/progress`);
      await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
      // The chart: uPlot, loaded on demand, draws into a canvas.
      await page.locator('.pg-pain-chart-plot canvas').first().waitFor();
      await page.getByRole('img', { name: /Chart of your daily pain/ }).waitFor();
      // Its figures as a table too.
      await page.getByText('Pain figures as a table').click();
      assert.equal(await page.getByRole('table', { name: 'Daily average pain' }).getByRole('row').count(), 2);
      // The calendar: today's cell says done, in words as well as the mark.
      const today = page.locator(`td[data-day="${todayIso()}"]`);
      assert.equal(await today.getAttribute('data-status'), 'done');
      assert.match(await today.innerText(), /Done: 1 of 1 session/);
      await page.getByRole('list', { name: 'What the marks mean' }).getByText('Missed').waitFor();
      // Minutes: the session's active time, this week and in all.
      const minutes = Math.round((await call('GET', '/api/v1/progress')).body.minutes);
      assert.ok(minutes > 0);
      await page.getByText(`${minutes} minutes in all`).waitFor();
      await page.locator('.pg-week-row').first().getByText(`${minutes} min`).waitFor();
      // The diary holds the session and the pain entry from the API.
      const diary = page.getByRole('list', { name: 'Sessions and pain ratings, newest first' });
      await diary.getByText('stiff after the train').waitFor();
      await diary.getByText(/Session completed/).waitFor();
      // The review is a week away, and the card says when.
      await page.getByText(/review opens on/).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });

    it('logs pain from the form and shows it in the diary and the chart table', async () => {
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/progress`);
      await page.locator('.pg-pain-chart-plot canvas').first().waitFor();
      // Nothing is chosen at first, and Save says so instead of storing a number nobody picked.
      const before = (await call('GET', '/api/v1/diary')).body.pain.length;
      const save = page.getByRole('button', { name: 'Save pain rating' });
      await save.click();
      await page.getByRole('alert').filter({ hasText: 'Choose a number first.' }).waitFor();
      assert.equal((await call('GET', '/api/v1/diary')).body.pain.length, before);
      const question = page.getByRole('group', { name: 'How much does your back hurt right now?' });
      await question.getByRole('radio', { name: '6', exact: true }).check();
      assert.equal(await page.getByRole('alert').filter({ hasText: 'Choose a number first.' }).count(), 0);
      await page.getByLabel(/A note/).fill('after gardening');
      await save.click();
      await page.getByRole('status').filter({ hasText: 'Saved: 6 out of 10' }).waitFor();
      const diary = page.getByRole('list', { name: 'Sessions and pain ratings, newest first' });
      await diary.getByText('after gardening').waitFor();
      await diary.getByText('6 out of 10').first().waitFor();
      // The server stored it, and its progress now pools it into today's mean.
      const stored = (await call('GET', '/api/v1/diary')).body.pain.map((entry) => [entry.pain, entry.note]);
      assert.deepEqual(stored.at(-1), [6, 'after gardening']);
      assert.equal(stored.length, before + 1);
      // Ready for the next rating, again with nothing chosen.
      assert.equal(await question.getByRole('radio', { checked: true }).count(), 0);
      const todayMean = (await call('GET', '/api/v1/progress')).body.days.at(-1).mean_pain;
      await page.getByText('Pain figures as a table').click();
      await page.getByRole('table', { name: 'Daily average pain' }).getByText(String(Math.round(todayMean * 10) / 10)).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });

    it('says kindly when the review is not due yet, and changes nothing', async () => {
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/progress`);
      await page.getByRole('link', { name: 'See the review questions' }).click();
      await page.getByRole('heading', { name: 'Weekly review', level: 1 }).waitFor();
      // The warning-sign questions come from the server's intake form, each a labelled yes/no.
      const saddle = page.getByRole('group', { name: /saddle would touch/ });
      await saddle.waitFor();
      assert.equal(await saddle.getByRole('radio', { name: 'Yes', exact: true }).isChecked(), false);
      assert.equal(await saddle.getByRole('radio', { name: 'No', exact: true }).isChecked(), false);
      // Nothing is answered for the person: sending now asks for every answer and sends nothing.
      await page.getByRole('button', { name: 'Send my answers and review the week' }).click();
      await page.getByRole('alert').filter({ hasText: 'still unanswered' }).waitFor();
      assert.ok(await page.evaluate(() => document.activeElement?.closest('fieldset')?.textContent?.includes('pass urine')));
      assert.ok((await answerReview(page)) >= 15);
      await page.getByRole('button', { name: 'Send my answers and review the week' }).click();
      const due = (await call('GET', '/api/v1/program')).body.review_due_on;
      const dueWords = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${due}T00:00:00Z`),
      );
      const notice = page.getByRole('alert').filter({ hasText: 'Not yet' });
      await notice.waitFor();
      assert.match(await notice.innerText(), new RegExp(`opens on ${dueWords}`));
      assert.match(await notice.innerText(), /nothing was changed/);
      assert.deepEqual((await call('GET', '/api/v1/reviews')).body, []);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'progress-review-not-due');
      // Chromium logs every answer that is not 2xx; the 409 is the one this test asked for.
      const expected409 = 'console: Failed to load resource: the server responded with a status of 409 (Conflict)';
      assert.deepEqual(problems, [expected409]);
      await context.close();
    });

    for (const size of [PHONE, DESKTOP]) {
      for (const colorScheme of ['light', 'dark']) {
        it(`reads well at ${size.width} px in ${colorScheme}`, async () => {
          const { context, page, problems } = await openPage(browser, size, { colorScheme });
          await page.goto(`${server.url}/#/progress`);
          await page.locator('.pg-pain-chart-plot canvas').first().waitFor();
          await page.getByText('stiff after the train').waitFor();
          assert.deepEqual(await seriousViolations(page), []);
          const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(width <= size.width, `the page scrolls sideways: ${width} px`);
          await screenshot(page, `progress-${colorScheme}`);
          assert.deepEqual(problems, []);
          await context.close();
        });
      }
    }

    // Last in this suite: it adds a session beyond the one planned today.
    it('counts a session beyond the plan as "and 1 more", never "2 of 1"', async () => {
      const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      await completedSession(call, startedAt, 4, 3);
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/progress`);
      await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
      const today = page.locator(`td[data-day="${todayIso()}"]`);
      assert.match(await today.innerText(), /Done: 1 of 1 session, and 1 more/);
      await page.getByText(/1 of 1 planned session done, and 1 more/).first().waitFor();
      assert.doesNotMatch(await page.locator('main').innerText(), /\b2 of 1\b/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });

  describe('a program with a week behind it', () => {
    let home;
    let server;
    let call;
    before(async () => {
      home = mkdtempSync(join(tmpdir(), 'unload-e2e-progress-'));
      server = await programWithAWeekBehindIt(home);
      call = client(server.url);
    });
    after(async () => {
      await server?.stop();
      rmSync(home, { recursive: true, force: true });
    });

    it('does the weekly review and shows the decision with its reasons', async () => {
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/progress`);
      // Seven of seven days done in the calendar.
      await page.locator('td[data-day="2026-03-08"]').waitFor();
      for (let day = 2; day <= 8; day++) {
        assert.equal(await page.locator(`td[data-day="2026-03-0${day}"]`).getAttribute('data-status'), 'done');
      }
      assert.equal(await page.locator('td[data-day="2026-03-09"]').getAttribute('data-status'), 'today');
      await page.getByRole('link', { name: "Do this week's review" }).click();
      await answerReview(page);
      await page.getByRole('button', { name: 'Send my answers and review the week' }).click();
      const heading = page.getByRole('heading', { name: /^Week 1 review:/ });
      await heading.waitFor();
      const review = (await call('GET', '/api/v1/reviews')).body;
      assert.equal(review.length, 1);
      // The page shows the engine's decision and every reason in the engine's words.
      const expected = { progress: 'Move on to the next stage.', hold: 'Stay at this stage for another week.' }[review[0].decision];
      assert.ok(expected, `a clear first week should progress or hold, not ${review[0].decision}`);
      assert.equal(await heading.innerText(), `Week 1 review: ${expected}`);
      const reasons = page.getByRole('list', { name: 'Reasons for this decision' }).getByRole('listitem');
      assert.deepEqual(await reasons.allInnerTexts(), review[0].because.map((reason) => reason.text));
      await page.getByText(/From Mon 2 Mar to Sun 8 Mar: 7 of 7 planned sessions done/).waitFor();
      if (review[0].decision === 'progress') await page.getByText('The next stage:').waitFor();
      else await page.getByText('Your routine stays as it is for now.').waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'progress-review-done');
      // Back on the progress page, the review is listed with its reasons behind "Why".
      await page.getByRole('link', { name: 'Back to progress' }).click();
      const past = page.locator('.pg-past-review');
      await past.first().waitFor();
      assert.match(await past.first().innerText(), new RegExp(`Week 1, Mon 9 Mar: ${expected.replace('.', '\\.')}`));
      assert.deepEqual(problems, []);
      await context.close();
    });

    it('re-scores function and shows the change against the smallest change that matters', async () => {
      const { context, page, problems } = await openPage(browser, DESKTOP);
      await page.goto(`${server.url}/#/progress`);
      const scores = page.locator('section', { has: page.getByRole('heading', { name: 'Questionnaires' }) });
      await scores.getByText('60 %').waitFor();
      await scores.getByRole('link', { name: 'Fill in a function questionnaire' }).click();
      await page.getByRole('heading', { name: 'Oswestry Disability Index' }).waitFor();
      const questions = page.locator('fieldset.pg-question');
      assert.equal(await questions.count(), 10);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'progress-questionnaire');
      // Too few answers: the form says so and sends nothing.
      await questions.nth(0).getByRole('radio').nth(1).check();
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await page.getByRole('alert').filter({ hasText: 'at least 8' }).waitFor();
      for (let i = 1; i < 10; i++) await questions.nth(i).getByRole('radio').nth(1).check();
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await page.getByRole('heading', { name: /^Saved: 20 %/ }).waitFor();
      await page.getByRole('link', { name: 'See your progress' }).click();
      const latest = page.locator('.pg-score-item').first();
      await latest.getByText('20 %').waitFor();
      const engine = (await call('GET', '/api/v1/progress')).body.scores.at(-1);
      assert.equal(engine.change, -40);
      assert.equal(engine.responder, true);
      assert.match(await latest.innerText(), /Improved by 40 points since your first score: a change that matters\./);
      assert.match(await latest.innerText(), /10 points is the smallest change that matters/);
      // The sparkline marks the smallest change that matters below the first score.
      assert.equal(await page.locator('svg.pg-sparkline line.pg-spark-mcid').count(), 1);
      await page.locator('svg.pg-sparkline').getByText('10 points below your first score').waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'progress-scores');
      assert.deepEqual(problems, []);
      await context.close();
    });
  });

  describe('a review that finds a warning sign', () => {
    let home;
    let server;
    before(async () => {
      home = mkdtempSync(join(tmpdir(), 'unload-e2e-progress-'));
      server = await programWithAWeekBehindIt(home);
    });
    after(async () => {
      await server?.stop();
      rmSync(home, { recursive: true, force: true });
    });

    it('stops the program and says so unmistakably', async () => {
      const { context, page, problems } = await openPage(browser, PHONE, { colorScheme: 'dark' });
      await page.goto(`${server.url}/#/progress/review`);
      await answerReview(page, [/saddle would touch/]);
      await page.getByRole('button', { name: 'Send my answers and review the week' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Stop the program' });
      await alert.waitFor();
      assert.equal(await alert.evaluate((element) => element.classList.contains('notice-emergency')), true);
      assert.match(await alert.innerText(), /Emergency/);
      assert.match(await alert.innerText(), /No new sessions for now/);
      const reviews = await client(server.url)('GET', '/api/v1/reviews');
      assert.equal(reviews.body[0].decision, 'stop');
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'progress-review-stop-dark');
      // Back on the progress page, the stop comes first, with the way to answer again.
      await page.getByRole('link', { name: 'Back to progress' }).click();
      await page.locator('.safety-stop[data-verdict="emergency"]').waitFor();
      assert.equal((await client(server.url)('GET', '/api/v1/stop')).body.stop.origin, 'review');
      await page.getByRole('link', { name: 'Answer the safety questions again' }).waitFor();
      assert.equal(await page.getByRole('link', { name: "Do this week's review" }).count(), 0);
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });

  describe('a review after a session stopped for new numbness', () => {
    let home;
    let server;
    before(async () => {
      home = mkdtempSync(join(tmpdir(), 'unload-e2e-progress-'));
      server = await programWithAWeekBehindIt(home, { stopOnFriday: 'new_numbness_or_weakness' });
    });
    after(async () => {
      await server?.stop();
      rmSync(home, { recursive: true, force: true });
    });

    it('refers for an examination within 2 days, with the advice in words, then and afterwards', async () => {
      const { context, page, problems } = await openPage(browser, DESKTOP);
      await page.goto(`${server.url}/#/progress/review`);
      await answerReview(page);
      await page.getByRole('button', { name: 'Send my answers and review the week' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Time to see a physical therapist' });
      await alert.waitFor();
      const review = (await client(server.url)('GET', '/api/v1/reviews')).body[0];
      assert.equal(review.decision, 'refer');
      // New numbness or weakness gets its own advice (clinical.md section 9), not the leg
      // symptoms' "in the next week or two".
      assert.deepEqual(review.advice, ['neuro_check_soon']);
      assert.match(await alert.innerText(), /examine you within 2 days/);
      assert.equal(await alert.evaluate((element) => element.classList.contains('notice-warn')), true);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'progress-review-refer');
      // The past review keeps the advice in words, not as an id.
      await page.getByRole('link', { name: 'Back to progress' }).click();
      const past = page.locator('.pg-past-review').first();
      await past.locator(".pg-review-advice").getByText(/Have a doctor or physical therapist examine you within 2 days/).waitFor();
      assert.doesNotMatch(await past.innerText(), /neuro_check_soon/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
});
