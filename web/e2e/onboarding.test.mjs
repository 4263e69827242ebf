// Onboarding, the stop pages, the re-screen and the home page, in a real browser against a real
// `unload serve`. The questions come from the server's own form, so the test follows the content;
// what the engine decides (emergency, caution) is read from its answers, never assumed here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  DESKTOP,
  launchBrowser,
  notFoundPaths,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  startServer,
  unexpected,
} from './harness.mjs';
import { aboutYou, answer, answerTopic, choose, formField, next, onStep, skipSection, stepCounter } from './onboarding-steps.mjs';

const here = dirname(fileURLToPath(import.meta.url));

let server;
let browser;
let form;

async function api(method, path, body) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const field = (path) => formField(form, path);

/** The re-screen from its first screen, saddle numbness answered yes: ends on the stop page. */
async function rescreenWithSaddleNumbness(page) {
  await page.goto(`${server.url}/#/start/rescreen`);
  const first = form.topics[0];
  await onStep(page, first.title);
  for (const q of first.questions.filter((x) => x.answer === 'warning_signs')) {
    await answer(page, q.question, q.id === 'saddle_numbness');
  }
  await next(page);
  await page.locator('.stop-emergency').waitFor();
}

/** The re-screen from the page it is on, every warning sign No, sent: ends on the thank-you. */
async function rescreenWithNoWarningSign(page) {
  for (const topic of form.topics) {
    const signs = topic.questions.filter((q) => q.answer === 'warning_signs');
    if (signs.length === 0) continue;
    await onStep(page, topic.title);
    for (const q of signs) await answer(page, q.question, false);
    await next(page);
  }
  await onStep(page, 'Your legs');
  await page.getByRole('radio', { name: field('symptoms.leg').options[0].label }).check();
  await answer(page, field('symptoms.leg_numbness_or_tingling').question, false);
  await next(page);
  await onStep(page, 'Your pain now');
  await page.getByLabel(field('symptoms.pain_now').question).fill('2');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await onStep(page, 'Thank you, your answers are saved');
}
const question = (id) => form.topics.flatMap((t) => t.questions).find((q) => q.id === id);
const topicOf = (id) => form.topics.find((t) => t.questions.some((q) => q.id === id));

/**
 * From the welcome through every safety topic, answering yes only to `yes`, and returning after
 * the topic of a yes when that is expected to stop; checks axe on each when asked.
 */
async function throughSafety(page, { yes = [], axe = false, shots = false, stops = yes.length > 0 } = {}) {
  await page.getByRole('button', { name: 'Start the questions' }).click();
  await aboutYou(page, form);
  for (const [index, topic] of form.topics.entries()) {
    await onStep(page, topic.title);
    if (index === 0) {
      // "Step 2 of N": the progress bar names itself.
      const bar = page.getByRole('progressbar', { name: /^Step 2 of \d+$/ });
      assert.equal(await bar.count(), 1);
      if (shots) await screenshot(page, 'onboarding-warning-signs');
    }
    if (axe) assert.deepEqual(await seriousViolations(page), [], `axe on ${topic.title}`);
    await answerTopic(page, topic, yes);
    await next(page);
    if (stops && topic.questions.some((q) => yes.includes(q.id))) return;
  }
}

/** From the start to the legs step: no warning sign (unless `safety` says), no pattern. */
async function toTheLegs(page, safety = {}) {
  await page.goto(`${server.url}/#/start`);
  await throughSafety(page, safety);
  await onStep(page, 'How your back behaves');
  for (const pattern of form.patterns) await answer(page, pattern.question, false);
  await next(page);
  await onStep(page, 'Your legs');
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  form = (await api('GET', '/api/v1/intake/form')).body;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('onboarding: a warning sign', () => {
  for (const size of [PHONE, DESKTOP]) {
    it(`ends on the emergency page with no program at ${size.width} px`, async () => {
      const { context, page, problems } = await openPage(browser, size);
      await page.goto(`${server.url}/#/start`);
      await onStep(page, 'Welcome to Unload');
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'onboarding-welcome');

      const saddle = question('saddle_numbness');
      assert.ok(saddle, 'the form asks about saddle numbness');
      await throughSafety(page, { yes: ['saddle_numbness'], shots: true });

      // The engine's own verdict and rule text, asked directly for comparison.
      const screen = (
        await api('POST', '/api/v1/screen', {
          format: form.format,
          person: { age: 46 },
          warning_signs: { saddle_numbness: true },
          symptoms: { pain_now: 0 },
        })
      ).body;
      assert.equal(screen.verdict, 'emergency');
      const stop = page.locator('.stop-emergency');
      await stop.waitFor();
      const heading = page.getByRole('heading', { level: 1 });
      const first = screen.warnings.find((w) => w.urgency === 'emergency');
      assert.match(await heading.textContent(), /emergency/i);
      // It opens with the verdict's own sentence, then each warning says what, how soon and why.
      assert.equal(await heading.textContent(), screen.headline, 'the page opens with the verdict sentence');
      await stop.getByText(first.text).waitFor();
      const body = await stop.textContent();
      for (const warning of screen.warnings) assert.ok(body.includes(warning.text), `shows ${warning.rule}`);
      // Its reasons in plain words: the warning sign's short text, not its id.
      await stop.locator('[data-reason="saddle_numbness"]').filter({ hasText: new RegExp(saddle.text, 'i') }).waitFor();

      // Nothing to start: no link into a program or a session, no Next.
      assert.equal(await page.locator('a[href*="#/program"], a[href*="#/session"]').count(), 0);
      assert.equal(await page.getByRole('button', { name: /next|start/i }).count(), 0);
      assert.equal((await api('GET', '/api/v1/program')).status, 404);

      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'onboarding-emergency');

      // A reload keeps the stop page; "I answered wrongly" goes back with the answers kept.
      await page.reload();
      await page.locator('.stop-emergency').waitFor();
      await page.getByRole('button', { name: 'I answered a question wrongly' }).click();
      await onStep(page, topicOf('saddle_numbness').title);
      const yes = page.getByRole('group', { name: saddle.question, exact: true }).getByRole('radio', { name: 'Yes', exact: true });
      assert.equal(await yes.isChecked(), true);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('is as clear in dark mode, and axe finds nothing there either', async () => {
    const { context, page, problems } = await openPage(browser, PHONE, { colorScheme: 'dark' });
    await page.goto(`${server.url}/#/start`);
    await throughSafety(page, { yes: ['saddle_numbness'] });
    await page.locator('.stop-emergency').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'onboarding-emergency-dark');
    await page.getByRole('button', { name: 'I answered a question wrongly' }).click();
    await onStep(page, form.topics[0].title);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'onboarding-warning-signs-dark');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('does not stop when both buttocks are marked on the body picture and the both-legs question was No', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    const sent = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/screen') sent.push(request.postDataJSON());
    });
    await toTheLegs(page);
    const buttock = field('symptoms.leg').options.find((o) => o.value === 'buttock');
    assert.ok(buttock, 'the form offers the buttock');
    await page.getByRole('radio', { name: buttock.label, exact: true }).check();
    await page.getByRole('radio', { name: 'Both legs' }).check();
    await answer(page, field('symptoms.leg_numbness_or_tingling').question, false);
    await next(page);
    // The picture says where symptoms reach, nothing more: the next step comes, no stop page.
    await onStep(page, 'Your pain');
    assert.equal(await page.locator('.stop').count(), 0);
    const last = sent[sent.length - 1];
    assert.ok(last, 'the legs step was checked with the engine');
    assert.equal(last.symptoms.leg, 'buttock');
    assert.equal(last.warning_signs.bilateral_leg_symptoms, false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('stops when the both-legs warning-sign question is answered Yes', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await page.goto(`${server.url}/#/start`);
    assert.ok(question('bilateral_leg_symptoms'), 'the form asks the both-legs question');
    await throughSafety(page, { yes: ['bilateral_leg_symptoms'] });
    await page.locator('.stop-emergency').waitFor();
    const text = await page.locator('.stop').textContent();
    const screen = (
      await api('POST', '/api/v1/screen', {
        format: form.format,
        person: { age: 46 },
        warning_signs: { bilateral_leg_symptoms: true },
        symptoms: { pain_now: 0 },
      })
    ).body;
    assert.equal(screen.verdict, 'emergency');
    for (const warning of screen.warnings) assert.ok(text.includes(warning.text));
    assert.equal(await page.locator('a[href*="#/program"], a[href*="#/session"]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('onboarding: the whole way to a program', () => {
  for (const size of [PHONE, DESKTOP]) {
    it(`goes from the welcome to the program page at ${size.width} px, axe clean on every step`, async () => {
      const fresh = await startServer();
      const saved = server;
      server = fresh;
      try {
        const { context, page, problems } = await openPage(browser, size);
        const missing404 = notFoundPaths(page);
        await page.goto(`${server.url}/`);
        // No program yet: the home page welcomes and points to the questions.
        await page.getByRole('heading', { level: 1, name: 'Welcome to Unload' }).waitFor();
        const getStarted = page.getByRole('link', { name: 'Get started' });
        assert.equal(await getStarted.getAttribute('href'), '#/start');
        assert.deepEqual(await seriousViolations(page), []);
        await screenshot(page, 'home-welcome');
        await getStarted.click();

        await onStep(page, 'Welcome to Unload');
        // Knees that hurt when kneeling: the engine keeps the exercises but changes some.
        await throughSafety(page, { axe: size === PHONE });

        // A reload mid-way keeps the step and the answers.
        await onStep(page, 'How your back behaves');
        await page.reload();
        await onStep(page, 'How your back behaves');
        await page.getByRole('button', { name: 'Back' }).click();
        const joints = form.topics[form.topics.length - 1];
        await onStep(page, joints.title);
        await answer(page, question('knee_sensitivity').question, true);
        await next(page);

        await onStep(page, 'How your back behaves');
        for (const pattern of form.patterns) await answer(page, pattern.question, pattern.id === 'ache_after_sitting');
        if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
        await next(page);

        await onStep(page, 'Your legs');
        // Next without answers lists what is missing and moves focus there.
        await next(page);
        const missing = page.getByRole('alert').filter({ hasText: 'missing' });
        await missing.waitFor();
        await page.waitForFunction(() => document.activeElement?.classList.contains('problem-list'));
        await page.getByRole('radio', { name: field('symptoms.leg').options[0].label }).check();
        await answer(page, field('symptoms.leg_numbness_or_tingling').question, false);
        assert.equal(await page.getByRole('group', { name: 'Which leg is it?' }).count(), 0);
        if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
        await screenshot(page, 'onboarding-legs');
        await next(page);

        await onStep(page, 'Your pain');
        const slider = page.getByLabel(field('symptoms.pain_now').question);
        // Tabbing onto the slider is not an answer; only moving it is.
        await page.keyboard.press('Tab');
        assert.equal(await slider.evaluate((element) => element === document.activeElement), true);
        assert.equal(await slider.getAttribute('aria-valuetext'), 'not chosen yet');
        for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
        assert.equal(await slider.inputValue(), '4');
        await page.locator('.slider-value', { hasText: '4' }).waitFor();
        await page.getByLabel(field('symptoms.weeks_since_onset').question).fill('3');
        await answer(page, field('symptoms.pain_when_decompressing').question, false);
        if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
        await next(page);

        await onStep(page, 'Everyday activities');
        const odi = form.questionnaires.find((q) => q.id === 'odi');
        await page.getByRole('radio', { name: new RegExp(`^${odi.title}`) }).check();
        if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
        await next(page);
        for (let part = 1; part <= 2; part += 1) {
          await onStep(page, `${odi.title} (part ${part} of 2)`);
          for (const group of await page.getByRole('group').all()) await group.getByRole('radio').nth(1).check();
          if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
          await next(page);
        }
        const startback = form.questionnaires.find((q) => q.id === 'startback');
        await onStep(page, startback.title);
        for (const group of await page.getByRole('group').all()) await group.getByRole('radio').last().check();
        if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
        await next(page);

        await onStep(page, 'Equipment and time');
        assert.equal(await page.getByLabel(field('minutes_per_session').question).inputValue(), '15');
        if (size === PHONE) assert.deepEqual(await seriousViolations(page), []);
        await next(page);

        await onStep(page, 'Check your answers');
        const start = page.getByRole('button', { name: 'Start my program' });
        await start.waitFor();
        // The engine's changes for sore knees, in its own words.
        const intake = {
          format: form.format,
          person: { age: 46, sex: 'female', pregnant: false },
          conditions: { knee_sensitivity: true },
          symptoms: { pain_now: 4, patterns: { ache_after_sitting: true } },
        };
        const screen = (await api('POST', '/api/v1/screen', intake)).body;
        assert.equal(screen.verdict, 'caution');
        await page.getByRole('heading', { name: 'Done differently' }).waitFor();
        for (const item of screen.modified) await page.getByText(item.text).first().waitFor();
        assert.equal(await page.getByText('sore knees when kneeling').count() > 0, true);
        assert.deepEqual(await seriousViolations(page), []);
        await screenshot(page, 'onboarding-review');

        // "Change" goes to that screen and comes straight back to the review.
        await page.getByRole('button', { name: 'Change: Your pain' }).click();
        await onStep(page, 'Your pain');
        await page.getByLabel(field('symptoms.weeks_since_onset').question).fill('4');
        await page.getByRole('button', { name: 'Save and return to the review' }).click();
        await onStep(page, 'Check your answers');
        await page.getByRole('button', { name: 'Start my program' }).waitFor();

        await start.click();
        await page.waitForURL(/#\/program$/);
        assert.equal((await api('GET', '/api/v1/program')).status, 200);
        const scores = (await api('GET', '/api/v1/scores')).body;
        assert.deepEqual(scores.map((s) => s.instrument).sort(), ['odi', 'startback']);
        const odiScore = scores.find((s) => s.instrument === 'odi');
        // openapi says `answers` is the array; the server at the time of writing keeps the answers
        // file (`{"answers": [...]}`). Either way the ten answers must be the ones given.
        assert.deepEqual(odiScore.answers.answers ?? odiScore.answers, Array(10).fill(1));
        const stored = (await api('GET', '/api/v1/intake')).body.intake;
        assert.equal(stored.conditions.knee_sensitivity, true);
        assert.equal(stored.symptoms.pain_now, 4);
        assert.equal(stored.symptoms.weeks_since_onset, 4);
        assert.equal(stored.symptoms.patterns.ache_after_sitting, true);

        // Home now shows today's session with one big button.
        await page.goto(`${server.url}/#/`);
        await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
        const go = page.getByRole('link', { name: "Start today's session" });
        await go.waitFor();
        assert.equal(await go.getAttribute('href'), '#/session');
        assert.deepEqual(await seriousViolations(page), []);
        await screenshot(page, 'home-today');
        assert.deepEqual(unexpected(problems, missing404, ['/api/v1/program', '/api/v1/intake']), []);
        await context.close();
      } finally {
        server = saved;
        await fresh.stop();
      }
    });
  }
});

describe('onboarding: answers that need a check first', () => {
  it('shows the advice on the review, saves the answers, starts no program and says so at home', async () => {
    const fresh = await startServer();
    const saved = server;
    server = fresh;
    try {
      const { context, page, problems } = await openPage(browser, PHONE);
      const missing404 = notFoundPaths(page);
      // A past cancer alone asks for a check, not for help today: onboarding goes on.
      await toTheLegs(page, { yes: ['cancer_history'], stops: false });
      await page.getByRole('radio', { name: field('symptoms.leg').options[0].label }).check();
      await answer(page, field('symptoms.leg_numbness_or_tingling').question, false);
      await next(page);
      await onStep(page, 'Your pain');
      await page.getByLabel(field('symptoms.pain_now').question).fill('3');
      await answer(page, field('symptoms.pain_when_decompressing').question, false);
      await next(page);
      await onStep(page, 'Everyday activities');
      await page.getByRole('radio', { name: 'Skip this for now' }).check();
      await next(page);
      const startback = form.questionnaires.find((q) => q.id === 'startback');
      await onStep(page, startback.title);
      for (const group of await page.getByRole('group').all()) await group.getByRole('radio').last().check();
      await next(page);
      await onStep(page, 'Equipment and time');
      await next(page);
      await onStep(page, 'Check your answers');

      const screen = (
        await api('POST', '/api/v1/screen', {
          format: form.format,
          person: { age: 46 },
          warning_signs: { cancer_history: true },
          symptoms: { pain_now: 3 },
        })
      ).body;
      assert.equal(screen.verdict, 'consult');
      await page.getByRole('heading', { name: 'A check comes first' }).waitFor();
      for (const warning of screen.warnings) await page.getByText(warning.text).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Start my program' }).count(), 0);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'onboarding-review-consult');
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await page.getByText('Your answers are saved.').waitFor();
      assert.equal((await api('GET', '/api/v1/program')).status, 404);
      assert.equal((await api('GET', '/api/v1/intake')).body.intake.warning_signs.cancer_history, true);
      assert.deepEqual(
        (await api('GET', '/api/v1/scores')).body.map((s) => s.instrument),
        ['startback'],
      );

      await page.goto(`${server.url}/#/`);
      // The answers that withheld the program stop it: Today leads with that, not with a welcome.
      await page.locator('.safety-stop[data-verdict="consult"]').waitFor();
      assert.equal((await api('GET', '/api/v1/stop')).body.stop.verdict, 'consult');
      assert.equal(await page.getByRole('link', { name: 'Answer the safety questions again' }).getAttribute('href'), '#/start');
      assert.equal(await page.getByRole('link', { name: /Call \d+/ }).count(), 0, 'no emergency call for a check');
      for (const warning of screen.warnings) await page.getByText(warning.text).first().waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'home-check-first');
      assert.deepEqual(unexpected(problems, missing404, []), []);
      await context.close();
    } finally {
      server = saved;
      await fresh.stop();
    }
  });
});

describe('the body picture', () => {
  it('works by keyboard alone, with the figure following the answer', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await toTheLegs(page);
    const options = field('symptoms.leg').options;
    // Focus is on the heading; Tab enters the picture's radio group.
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim());
    assert.equal(await focused(), options[0].label);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: options[2].label }).isChecked(), true);
    const lit = () => page.$$eval('.body-figure .region-on', (nodes) => nodes.map((n) => n.getAttribute('data-region')).sort());
    assert.deepEqual(await lit(), ['left-buttock', 'left-thigh', 'right-buttock', 'right-thigh']);
    // Tab to "Which leg?", Space picks the first, arrows move on.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.equal(await page.getByRole('radio', { name: 'My left leg' }).isChecked(), true);
    assert.deepEqual(await lit(), ['left-buttock', 'left-thigh']);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByRole('radio', { name: 'My right leg' }).isChecked(), true);
    assert.deepEqual(await lit(), ['right-buttock', 'right-thigh']);
    // Numbness: Tab, then an arrow selects "No".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    const numbness = page.getByRole('group', { name: field('symptoms.leg_numbness_or_tingling').question });
    assert.equal(await numbness.getByRole('radio', { name: 'No', exact: true }).isChecked(), true);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'onboarding-body-keyboard');
    // Enter in the last field sends the screen, as Next does.
    await page.getByLabel(field('symptoms.walking_tolerance_m').question).focus();
    await page.keyboard.press('Enter');
    await onStep(page, 'Your pain');
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('unload.onboarding')).answers);
    assert.equal(stored.fields['symptoms.leg'], 'thigh');
    assert.equal(stored.legSide, 'right');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('looks right at desktop size', async () => {
    const { context, page, problems } = await openPage(browser, DESKTOP);
    await toTheLegs(page);
    await page.locator('.body-figure [data-region="left-below_knee"]').click();
    assert.equal(await page.getByRole('radio', { name: field('symptoms.leg').options[3].label }).isChecked(), true);
    await page.getByRole('radio', { name: 'My left leg' }).check();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'onboarding-body');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the re-screen from the home page', () => {
  it('asks the safety questions again after a stop, then lets the person carry on', async () => {
    const fresh = await startServer();
    const saved = server;
    server = fresh;
    try {
      const intake = JSON.parse(readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8'));
      assert.equal((await api('POST', '/api/v1/program', intake)).status, 201);
      // A session stopped for new numbness asks for the questions again. It has to start after
      // the intake was stored (the record counts in whole seconds), as a real one would.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const stopped = await api('POST', '/api/v1/sessions', {
        started_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        pain_before: 3,
        controls: [{ at_ms: 20000, control: 'stop', reason: 'new_numbness_or_weakness' }],
        ended_ms: 20000,
      });
      assert.equal(stopped.status, 201, JSON.stringify(stopped.body));
      assert.equal((await api('GET', '/api/v1/session')).body.rescreen_pending, true);

      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/`);
      await page.getByRole('heading', { name: 'Before your next session' }).waitFor();
      assert.equal(await page.getByRole('link', { name: "Start today's session" }).count(), 0);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'home-rescreen');
      await page.getByRole('link', { name: 'Answer the safety questions' }).click();

      await rescreenWithNoWarningSign(page);
      // Every exercise screening set aside or changed is named by its name, never its id.
      const library = (await api('GET', '/api/v1/exercises')).body;
      const nameOf = new Map(library.map((e) => [e.id, e.name]));
      const now = (await api('POST', '/api/v1/screen', (await api('GET', '/api/v1/intake')).body.intake)).body;
      const items = [...now.excluded, ...now.modified].map((e) => e.item).filter((id) => nameOf.has(id));
      for (const id of items) await page.locator('main').getByText(nameOf.get(id)).first().waitFor();
      // The names themselves are taken out first: "hip flexor stretch" stands inside the name
      // "Half-kneeling hip flexor stretch" and is no id there.
      let shown = await page.locator('main').innerText();
      for (const name of [...nameOf.values()].sort((a, b) => b.length - a.length)) shown = shown.split(name).join(' ');
      for (const [id, name] of nameOf) {
        const idWords = id.replace(/_/g, ' ');
        if (idWords.toLowerCase() !== name.toLowerCase()) assert.ok(!shown.includes(idWords), `shows the id "${idWords}" in place of "${name}"`);
      }
      assert.deepEqual(await seriousViolations(page), []);
      await page.getByRole('link', { name: "Go to today's page", exact: true }).click();
      // The stopped session counts as today's one (stopping when it hurts is doing it right).
      await page.getByRole('heading', { name: 'Done for today' }).waitFor();
      assert.equal((await api('GET', '/api/v1/session')).body.rescreen_pending, false);
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      server = saved;
      await fresh.stop();
    }
  });

  it('ends on the stop page when a warning sign is answered again', async () => {
    const fresh = await startServer();
    const saved = server;
    server = fresh;
    try {
      const intake = JSON.parse(readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8'));
      assert.equal((await api('POST', '/api/v1/program', intake)).status, 201);
      const { context, page, problems } = await openPage(browser, PHONE);
      await rescreenWithSaddleNumbness(page);
      assert.equal(await page.locator('a[href*="#/program"], a[href*="#/session"]').count(), 0);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'rescreen-emergency');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      server = saved;
      await fresh.stop();
    }
  });
});

describe('a warning sign never slips out of view', () => {
  /** Each page of the app, checked for the stop and for no way into a session. */
  async function everyPageShowsTheStop(page, verdictText) {
    for (const [path, title] of [
      ['#/', 'Today'],
      ['#/program', 'Your program'],
      ['#/session', "Today's session"],
      ['#/progress', 'Progress'],
    ]) {
      await page.goto(`${server.url}/${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const stop = page.locator('.safety-stop');
      await stop.waitFor();
      assert.match(await stop.textContent(), verdictText, `${path} says what to do`);
      await stop.locator('[data-rule]').first().waitFor();
      assert.equal(await page.getByRole('link', { name: /start today's session|start your program/i }).count(), 0, `${path} offers no session`);
      assert.equal(await page.locator('a[href="#/session"]').count(), 0, `${path} links to no session`);
    }
  }

  it('after the emergency page of onboarding: every page shows it, with the number to call, until answered again', async () => {
    const fresh = await startServer({ config: '[person]\nemergency_number = "999"\n' });
    const saved = server;
    server = fresh;
    try {
      const { context, page, problems } = await openPage(browser, PHONE);
      await page.goto(`${server.url}/#/start`);
      await throughSafety(page, { yes: ['saddle_numbness'] });
      await page.locator('.stop-emergency').waitFor();
      const call = page.getByRole('link', { name: 'Call 999' });
      await call.waitFor();
      assert.equal(await call.getAttribute('href'), 'tel:999');
      assert.match(await page.locator('.call-emergency').textContent(), /112.*911.*999/s);
      // The answers are on the server now, not only in this browser.
      await expectStop('emergency', 'onboarding');

      // The logo leads to Today, which leads with the stop, not with "carry on with the questions".
      await page.getByRole('link', { name: /leave the questions/ }).click();
      await page.locator('.safety-stop').waitFor();
      assert.equal(await page.getByRole('link', { name: /carry on with the questions/i }).count(), 0);
      await page.getByRole('link', { name: 'Call 999' }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'home-stopped-emergency');
      await everyPageShowsTheStop(page, /emergency/i);

      // Being seen is recorded; the stop holds until the answers change.
      await page.goto(`${server.url}/#/`);
      await page.getByRole('button', { name: 'I have been seen' }).click();
      await page.getByText('You told us you have been seen').waitFor();
      const seen = (await api('GET', '/api/v1/stop')).body.stop;
      assert.ok(seen.seen_at, 'the server recorded it');
      await page.getByRole('link', { name: 'Answer the safety questions again' }).click();
      // Back at the step that stopped, with the answers kept, to answer again.
      await onStep(page, topicOf('saddle_numbness').title);
      await answer(page, question('saddle_numbness').question, false);
      await next(page);
      await onStep(page, form.topics[form.topics.indexOf(topicOf('saddle_numbness')) + 1].title);
      // Nothing clears the stop until answers that do not stop are stored: the program start.
      assert.ok((await api('GET', '/api/v1/stop')).body.stop);
      const intake = JSON.parse(readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8'));
      assert.equal((await api('POST', '/api/v1/program', intake)).status, 201);
      assert.equal((await api('GET', '/api/v1/stop')).body.stop, null);
      const stops = (await api('GET', '/api/v1/export')).body.stops;
      assert.equal(stops.length, 1);
      assert.ok(stops[0].seen_at && stops[0].cleared_at, 'seen and cleared, both recorded');
      await page.goto(`${server.url}/#/`);
      await page.getByRole('link', { name: "Start today's session" }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      server = saved;
      await fresh.stop();
    }
  });

  it('after an emergency answer in a re-screen: the program is stopped on the server and on every page', async () => {
    const fresh = await startServer();
    const saved = server;
    server = fresh;
    try {
      const intake = JSON.parse(readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8'));
      assert.equal((await api('POST', '/api/v1/program', intake)).status, 201);
      const { context, page, problems } = await openPage(browser, DESKTOP);
      await rescreenWithSaddleNumbness(page);
      await page.getByRole('link', { name: 'Call 112' }).waitFor();
      await expectStop('emergency', 'rescreen');
      assert.equal((await api('GET', '/api/v1/session')).status, 409);
      await everyPageShowsTheStop(page, /emergency/i);
      await page.goto(`${server.url}/#/`);
      await page.locator('.safety-stop').waitFor();
      await screenshot(page, 'home-stopped-rescreen');

      // Answering again with no warning sign (after a wrong answer, say) lets the program go on.
      await page.getByRole('link', { name: 'Answer the safety questions again' }).click();
      await rescreenWithNoWarningSign(page);
      assert.equal((await api('GET', '/api/v1/stop')).body.stop, null);
      await page.getByRole('link', { name: "Go to today's page", exact: true }).click();
      await page.getByRole('link', { name: "Start today's session" }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      server = saved;
      await fresh.stop();
    }
  });

  async function expectStop(verdict, origin) {
    const stop = (await api('GET', '/api/v1/stop')).body.stop;
    assert.ok(stop, 'a stop is open on the server');
    assert.equal(stop.verdict, verdict);
    assert.equal(stop.origin, origin);
  }
});

describe('the number fields at their upper bounds', () => {
  it('takes age 120 and pain 10, and refuses age 121 naming the field', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    const checked = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/screen') checked.push(request.postDataJSON());
    });
    await page.goto(`${server.url}/#/start`);
    await page.getByRole('button', { name: 'Start the questions' }).click();
    await onStep(page, 'About you');
    const age = page.getByLabel(field('person.age').question);
    await page.getByRole('group', { name: field('person.sex').question }).getByRole('radio', { name: 'Male', exact: true }).check();
    await age.fill('121');
    await next(page);
    // Still on the step, with the problem said next to the question it is about.
    await page.getByRole('alert').filter({ hasText: `${field('person.age').question} Please enter a number from 1 to 120.` }).first().waitFor();
    assert.equal(await page.getByRole('heading', { level: 1, name: 'About you', exact: true }).count(), 1);
    await age.fill('120');
    await next(page);
    for (const topic of form.topics) {
      await onStep(page, topic.title);
      await answerTopic(page, topic);
      await next(page);
    }
    await onStep(page, 'How your back behaves');
    for (const pattern of form.patterns) await answer(page, pattern.question, false);
    await next(page);
    await onStep(page, 'Your legs');
    await page.getByRole('radio', { name: field('symptoms.leg').options[0].label }).check();
    await answer(page, field('symptoms.leg_numbness_or_tingling').question, false);
    await next(page);
    await onStep(page, 'Your pain');
    const slider = page.getByLabel(field('symptoms.pain_now').question);
    await slider.focus();
    await page.keyboard.press('End');
    assert.equal(await slider.inputValue(), '10');
    await page.locator('.slider-value', { hasText: '10' }).waitFor();
    await answer(page, field('symptoms.pain_when_decompressing').question, false);
    await next(page);
    await onStep(page, 'Everyday activities');
    // The engine was asked with age 120 (the safety topics are checked as they are answered),
    // and the answers kept in this tab hold pain 10 for the steps still to come.
    assert.ok(checked.length > 0, 'the answers were checked with the engine');
    assert.ok(checked.every((intake) => intake.person.age === 120));
    const kept = (await page.evaluate(() => Object.values(sessionStorage)))
      .map((text) => JSON.parse(text))
      .find((saved) => saved.answers?.fields);
    assert.equal(kept.answers.fields['symptoms.pain_now'], '10');
    assert.equal(kept.answers.fields['person.age'], '120');
    assert.deepEqual(problems.filter((p) => !p.includes('400')), []);
    await context.close();
  });
});

describe('questions a person can answer', () => {
  /** A question's words after its question mark: the line that explains a term. */
  const explanation = (words) => /^.+?\?\s+(\S.*)$/s.exec(words)?.[1] ?? null;
  /** Every POST /api/v1/screen the page sends, newest last. */
  const screensSent = (page) => {
    const sent = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/screen') sent.push(request.postDataJSON());
    });
    return sent;
  };

  for (const colorScheme of ['light', 'dark']) {
    it(`explains each term in a line, offers "Not sure" and counts it as yes, saying so (${colorScheme})`, async () => {
      const { context, page, problems } = await openPage(browser, PHONE, { colorScheme });
      const sent = screensSent(page);
      await page.goto(`${server.url}/#/start`);
      await page.getByRole('button', { name: 'Start the questions' }).click();
      await aboutYou(page, form);
      const spine = topicOf('spondylolisthesis');
      for (const topic of form.topics.slice(0, form.topics.indexOf(spine))) {
        await onStep(page, topic.title);
        await answerTopic(page, topic);
        await next(page);
      }
      for (const [topic, terms] of [
        [spine, ['spondylolisthesis', 'annular_tear', 'facet_arthritis']],
        [topicOf('aortic_aneurysm'), ['aortic_aneurysm']],
      ]) {
        await onStep(page, topic.title);
        // The page says in a line what "Not sure" counts as.
        await page.getByText('We treat “Not sure” as yes, to be safe').waitFor();
        for (const id of terms) {
          const words = question(id).question;
          const line = explanation(words);
          assert.ok(line && line.length > 30, `${id} is explained in a line of its own: ${words}`);
          const group = page.getByRole('group', { name: words, exact: true });
          await group.getByText(line, { exact: true }).waitFor();
          await group.getByRole('radio', { name: 'Not sure', exact: true }).waitFor();
        }
        for (const q of topic.questions) {
          await choose(page, q.question, terms.includes(q.id) && q.id !== 'facet_arthritis' ? 'Not sure' : 'No');
        }
        assert.deepEqual(await seriousViolations(page), [], `axe on ${topic.title}`);
        await screenshot(page, `onboarding-not-sure-${topic.id}-${colorScheme}`);
        await next(page);
      }
      // Sent as yes: the conservative answer.
      const last = sent[sent.length - 1];
      assert.equal(last.conditions.spondylolisthesis, true);
      assert.equal(last.conditions.annular_tear, true);
      assert.equal(last.conditions.facet_arthritis, false);
      assert.equal(last.conditions.aortic_aneurysm, true);
      // Back on the screen, "Not sure" is still the answer shown.
      await page.getByRole('button', { name: 'Back' }).click();
      await onStep(page, topicOf('aortic_aneurysm').title);
      const aneurysm = page.getByRole('group', { name: question('aortic_aneurysm').question, exact: true });
      assert.equal(await aneurysm.getByRole('radio', { name: 'Not sure', exact: true }).isChecked(), true);
      assert.deepEqual(problems, []);
      await context.close();
    });

    it(`takes weight and height in lb and ft-in, sends kg and cm, and names the field when out of range (${colorScheme})`, async () => {
      const { context, page, problems } = await openPage(browser, PHONE, { colorScheme });
      const sent = screensSent(page);
      await page.goto(`${server.url}/#/start`);
      await page.getByRole('button', { name: 'Start the questions' }).click();
      await onStep(page, 'About you');
      await page.getByLabel(field('person.age').question).fill('46');
      await choose(page, field('person.sex').question, 'Male');
      const weight = field('person.weight_kg');
      const height = field('person.height_cm');
      await page.getByLabel(weight.question).fill('70');
      await page.getByLabel(height.question).fill('170');
      await choose(page, 'Units for weight and height', 'lb, ft and in');
      // What was typed carries over into the other units.
      assert.equal(await page.getByLabel('Weight in pounds').inputValue(), '154');
      assert.equal(await page.getByLabel('Height: feet').inputValue(), '5');
      assert.equal(await page.getByLabel('Height: inches').inputValue(), '7');
      await page.getByLabel('Weight in pounds').fill('2000');
      await next(page);
      await page.getByRole('alert').filter({ hasText: `${weight.question} Please enter your weight in pounds, from 45 to 771` }).waitFor();
      // An answer out of range is not "missing": the summary asks to check it.
      await page.getByRole('alert').getByRole('heading', { name: 'Please check one answer' }).waitFor();
      assert.equal(await page.getByLabel('Weight in pounds').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, `onboarding-units-${colorScheme}`);
      await page.getByLabel('Weight in pounds').fill('154');
      await page.getByLabel('Height: feet').fill('6');
      await page.getByLabel('Height: inches').fill('0');
      await next(page);
      await onStep(page, form.topics[0].title);
      await answerTopic(page, form.topics[0]);
      await next(page);
      await onStep(page, form.topics[1].title);
      const person = sent[sent.length - 1].person;
      assert.equal(person.weight_kg, 69.9, '154 lb is 69.9 kg');
      assert.equal(person.height_cm, 183, '6 ft is 183 cm');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const colorScheme of ['light', 'dark']) {
    it(`a typical person's whole path, measured: one steady step counter, "Never tried", optional sections skipped (${colorScheme})`, async (t) => {
      const fresh = await startServer();
      const saved = server;
      server = fresh;
      try {
        const { context, page, problems } = await openPage(browser, PHONE, { colorScheme });
        const missing404 = notFoundPaths(page);
        let screens = 0;
        let answers = 0;
        const counters = [];
        const arrive = async (title) => {
          await onStep(page, title);
          screens += 1;
          const counter = await stepCounter(page);
          if (counter) counters.push({ title, ...counter });
        };
        const give = async (action) => {
          await action();
          answers += 1;
        };

        await page.goto(`${server.url}/#/start`);
        await arrive('Welcome to Unload');
        await page.getByRole('button', { name: 'Start the questions' }).click();
        await arrive('About you');
        await give(() => page.getByLabel(field('person.age').question).fill('46'));
        await give(() => choose(page, field('person.sex').question, 'Female'));
        await give(() => answer(page, field('person.pregnant').question, false));
        await next(page);
        for (const topic of form.topics) {
          await arrive(topic.title);
          for (const q of topic.questions) await give(() => answer(page, q.question, false));
          await next(page);
        }
        await arrive('How your back behaves');
        for (const p of form.patterns) await give(() => answer(page, p.question, p.id === 'ache_after_sitting'));
        await next(page);
        await arrive('Your legs');
        await give(() => page.getByRole('radio', { name: field('symptoms.leg').options[0].label }).check());
        await give(() => answer(page, field('symptoms.leg_numbness_or_tingling').question, false));
        await next(page);
        await arrive('Your pain');
        await give(() => page.getByLabel(field('symptoms.pain_now').question).fill('4'));
        await give(() => page.getByLabel(field('symptoms.weeks_since_onset').question).fill('3'));
        const decompression = field('symptoms.pain_when_decompressing').question;
        await page.getByText('“Never tried” counts as no').waitFor();
        await give(() => choose(page, decompression, 'Never tried'));
        assert.deepEqual(await seriousViolations(page), [], 'axe on the pain screen');
        await screenshot(page, `onboarding-never-tried-${colorScheme}`);
        await next(page);

        // The questionnaires: each introduced in one plain sentence, each a section to skip.
        await arrive('Everyday activities');
        for (const q of form.questionnaires.filter((x) => x.id !== 'startback')) {
          await page.getByRole('radio', { name: new RegExp(`^${q.title} \\(${q.questions.length} questions\\) It [^.]+\\.$`) }).waitFor();
        }
        assert.deepEqual(await seriousViolations(page), [], 'axe on the questionnaire choice');
        await skipSection(page);
        const startback = form.questionnaires.find((q) => q.id === 'startback');
        await arrive(startback.title);
        await page.getByText(new RegExp(`^It asks ${startback.questions.length} short questions [^.]+\\.$`)).waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'axe on STarT Back');
        await screenshot(page, `onboarding-skip-section-${colorScheme}`);
        await skipSection(page);
        await arrive('Equipment and time');
        await next(page);
        await arrive('Check your answers');
        const review = page.locator('.review');
        await review.getByText('Never tried (counted as no)').waitFor();
        await page.getByRole('button', { name: 'Start my program' }).waitFor();
        assert.deepEqual(await seriousViolations(page), [], 'axe on the review');
        await page.getByRole('button', { name: 'Start my program' }).click();
        await page.waitForURL(/#\/program$/);

        // What was stored: "Never tried" as no, nothing at all for the skipped questionnaires.
        const stored = (await api('GET', '/api/v1/intake')).body.intake;
        assert.equal(stored.symptoms.pain_when_decompressing, false);
        assert.deepEqual((await api('GET', '/api/v1/scores')).body, []);

        // One counter, one total, never leaping: each screen is the same step or the next.
        assert.deepEqual([...new Set(counters.map((c) => c.total))], [counters[0].total], 'one total throughout');
        for (const [index, counter] of counters.entries()) {
          const before = index === 0 ? 0 : counters[index - 1].number;
          assert.ok(counter.number - before <= 1 && counter.number >= before, `step ${counter.number} after ${before} at ${counter.title}`);
        }
        assert.equal(counters[counters.length - 1].number, counters[0].total, 'the review is the last step');

        // The path's length, in the test report, and a ceiling that a new question must argue past.
        t.diagnostic(`onboarding path (${colorScheme}): ${screens} screens, ${answers} answers, ${counters[0].total} counted steps`);
        assert.ok(screens <= 16, `${screens} screens`);
        assert.ok(answers <= 50, `${answers} answers`);
        assert.deepEqual(unexpected(problems, missing404, ['/api/v1/program', '/api/v1/intake']), []);
        await context.close();
      } finally {
        server = saved;
        await fresh.stop();
      }
    });
  }
});
