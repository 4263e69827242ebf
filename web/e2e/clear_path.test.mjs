// The clear path, in one browser session against a fresh `unload serve`: a newcomer answers the
// questions with no warning sign, starts the program the engine plans, reads today's routine,
// plays the whole session at a fast test clock (`#/session?speed=60`) and finds it on the progress
// page. What each page should show is read from the API, never assumed here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHONE, notFoundPaths, openPage, playWholeSession, screenshot, seriousViolations, serveAndBrowse, unexpected } from './harness.mjs';
import { aboutYou, answer, answerTopic, formField, next, onStep } from './onboarding-steps.mjs';

const SPEED = 60;

describe('the clear path', () => {
  const suite = serveAndBrowse();

  async function get(path) {
    const response = await fetch(`${suite.server.url}${path}`);
    assert.equal(response.status, 200, `GET ${path}`);
    return response.json();
  }

  async function axeClean(page, what) {
    assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
  }

  it('goes from the first question to a program, a whole session and progress that shows it', async () => {
    const form = await get('/api/v1/intake/form');
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    const missing404 = notFoundPaths(page);

    // 1. Onboarding: no warning sign, sitting makes the back ache, no leg symptoms, pain 4.
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('link', { name: 'Get started' }).click();
    await onStep(page, 'Welcome to Unload');
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await aboutYou(page, form);
    for (const topic of form.topics) {
      await onStep(page, topic.title);
      await answerTopic(page, topic);
      await next(page);
    }
    await onStep(page, 'How your back behaves');
    for (const pattern of form.patterns) await answer(page, pattern.question, pattern.id === 'ache_after_sitting');
    await next(page);
    await onStep(page, 'Your legs');
    await page.getByRole('radio', { name: formField(form, 'symptoms.leg').options[0].label }).check();
    await answer(page, formField(form, 'symptoms.leg_numbness_or_tingling').question, false);
    await next(page);
    await onStep(page, 'Your pain');
    await page.getByLabel(formField(form, 'symptoms.pain_now').question).fill('4');
    await answer(page, formField(form, 'symptoms.pain_when_decompressing').question, false);
    await next(page);
    await onStep(page, 'Everyday activities');
    await page.getByRole('radio', { name: 'Skip this for now' }).check();
    await next(page);
    await onStep(page, form.questionnaires.find((q) => q.id === 'startback').title);
    for (const group of await page.getByRole('group').all()) await group.getByRole('radio').first().check();
    await next(page);
    await onStep(page, 'Equipment and time');
    await next(page);
    await onStep(page, 'Check your answers');
    await axeClean(page, 'the review');
    await page.getByRole('button', { name: 'Start my program' }).click();

    // 2. The program the engine planned from those answers: nothing in them asked for caution.
    await page.waitForURL(/#\/program$/);
    const stored = await get('/api/v1/program');
    assert.equal(stored.plan.verdict, 'clear');
    const program = stored.plan.program;
    assert.ok(program.routine.length > 0, 'the engine planned a routine');
    const routine = page.getByRole('region', { name: "Today's routine" });
    for (const [index, entry] of program.routine.entries()) {
      const card = routine.getByRole('listitem', { name: `${index + 1}. ${entry.name}` });
      await card.waitFor();
      await card.getByRole('img', { name: `Drawing of ${entry.name}` }).waitFor();
    }
    await page.getByRole('region', { name: 'Left out, and why' }).waitFor();
    await axeClean(page, 'the program');
    await screenshot(page, 'clear-path-program');

    // 3. Today's session, played to the end with no hand on the screen.
    const today = await get('/api/v1/session');
    await page.getByRole('link', { name: "Start today's session" }).click();
    await page.waitForURL(/#\/session$/);
    await page.evaluate((speed) => {
      window.location.hash = `#/session?speed=${speed}`;
    }, SPEED);
    await playWholeSession(page, today, { speed: SPEED, painBefore: 4, painAfter: 3 });
    await page.getByText('You finished the whole session.').waitFor();

    const diary = await get('/api/v1/diary?days=2');
    assert.equal(diary.sessions.length, 1);
    const [played] = diary.sessions;
    assert.equal(played.outcome, 'completed');
    assert.equal(played.pain_before, 4);
    assert.equal(played.pain_after, 3);
    assert.equal(played.active_ms, today.timeline.total_ms);

    // Today knows the day: with the planned session done, it says so instead of "start".
    await page.getByRole('link', { name: 'Back to today' }).click();
    const planned = today.today.sessions_planned;
    if (planned === 1) {
      await page.getByRole('heading', { name: 'Done for today' }).waitFor();
      assert.equal(await page.getByRole('link', { name: "Start today's session" }).count(), 0);
      assert.equal((await get('/api/v1/session')).today.sessions_done, 1);
      await axeClean(page, 'today, done');
      await screenshot(page, 'clear-path-done-for-today');
    } else {
      await page.getByRole('link', { name: "Start today's session" }).waitFor();
    }

    // 4. Progress shows it: the calendar, the minutes, the pain figures and the diary.
    await page.getByRole('link', { name: 'Progress', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    const day = played.started_at.slice(0, 10);
    const cell = page.locator(`td[data-day="${day}"]`);
    assert.equal(await cell.getAttribute('data-status'), 'done');
    const progress = await get('/api/v1/progress');
    assert.ok(progress.minutes > 0);
    await page.getByText(`${Math.round(progress.minutes)} minutes in all`).waitFor();
    const painDays = progress.days.filter((d) => d.mean_pain !== null);
    assert.deepEqual(painDays.map((d) => d.day), [day], 'the pain before and after make a day of pain figures');
    await page.getByText('Pain figures as a table').click();
    const table = page.getByRole('table', { name: 'Daily average pain' });
    await table.getByRole('cell', { name: String(Math.round(painDays[0].mean_pain * 10) / 10), exact: true }).waitFor();
    assert.equal(await table.getByRole('row').count(), 2);
    const entries = page.getByRole('list', { name: 'Sessions and pain ratings, newest first' });
    await entries.getByText(/Session completed/).waitFor();
    await axeClean(page, 'progress');
    await screenshot(page, 'clear-path-progress');

    // Before the program there was none: its 404s were expected answers, nothing else went wrong.
    assert.deepEqual(unexpected(problems, missing404, ['/api/v1/program', '/api/v1/intake']), []);
    await context.close();
  });
});
