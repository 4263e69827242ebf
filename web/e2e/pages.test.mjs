// Every page, at phone and desktop size, light and dark, before a program exists and after one is
// started: axe-core finds no serious or critical violation, nothing is logged as an error, nothing
// scrolls sideways, every control has an accessible name, and a screenshot is saved for review
// (`page-<name>-<state>-<scheme>-<width>.png`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DESKTOP, launchBrowser, openPage, PHONE, screenshot, seriousViolations, startServer, NOT_FOUND_LINE } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const intake = readFileSync(join(here, '..', '..', 'examples', 'desk-worker.json'), 'utf8');

const ROUTES = [
  { name: 'today', hash: '#/' },
  { name: 'start', hash: '#/start' },
  { name: 'program', hash: '#/program' },
  { name: 'exercises', hash: '#/exercises' },
  { name: 'session', hash: '#/session' },
  { name: 'progress', hash: '#/progress' },
  { name: 'learn', hash: '#/learn' },
  { name: 'learn-topic', hash: '#/learn/warning_signs' },
  { name: 'reminders', hash: '#/reminders' },
  { name: 'data', hash: '#/data' },
  { name: 'share', hash: '#/share' },
];

/**
 * The API's documented way of saying "nothing yet" before a program exists is a 404 (no program,
 * no intake, no session to play). The browser logs each as a console error; these are allowed then,
 * and only then.
 */
const NOTHING_YET = ['/api/v1/program', '/api/v1/intake', '/api/v1/session'];

/** Keeps the path of every API answer that was not a success. */
function failedAnswers(page) {
  const failed = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push({ status: response.status(), path: new URL(response.url()).pathname });
  });
  return failed;
}

/** Buttons, links and form controls a person can reach that have no accessible name. */
async function unnamedControls(page) {
  // seriousViolations() has put axe-core into the page; its accessible-name code is the one the
  // axe rules use.
  return page.evaluate(() => {
    /* global axe */
    axe.setup(document);
    const unnamed = [];
    const controls = document.querySelectorAll(
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="slider"], [tabindex]:not([tabindex="-1"])',
    );
    for (const element of controls) {
      if (!element.checkVisibility({ visibilityProperty: true }) && !element.closest('.visually-hidden')) continue;
      if (element.closest('[aria-hidden="true"], [inert]')) continue;
      const name = axe.commons.text.accessibleText(element).trim();
      if (!name) unnamed.push(element.outerHTML.slice(0, 160));
    }
    axe.teardown();
    return unnamed;
  });
}

/** Waits until the page has its heading and nothing is loading. */
async function settle(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 10_000 });
}

const STATES = {
  before: 'before a program exists',
  started: 'once a program is started',
  stopped: 'while a warning sign from a re-screen stops the program',
};

for (const [state, words] of Object.entries(STATES)) {
  describe(`every page ${words}`, () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer();
      browser = await launchBrowser();
      if (state === 'stopped') {
        const post = (path, body) =>
          fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        assert.equal((await post('/api/v1/program', intake)).status, 201);
        const answers = { warning_signs: { saddle_numbness: true }, leg: 'none' };
        assert.equal((await post('/api/v1/rescreen', JSON.stringify(answers))).status, 200);
      }
      if (state === 'started') {
        const post = (path, body) =>
          fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        assert.equal((await post('/api/v1/program', intake)).status, 201);
        const today = await (await fetch(`${server.url}/api/v1/session`)).json();
        // Sessions begin after the program did: the server refuses one dated before it.
        const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        const session = { started_at: startedAt, pain_before: 5, pain_after: 4, ended_ms: today.timeline.total_ms };
        assert.equal((await post('/api/v1/sessions', JSON.stringify(session))).status, 201);
        assert.equal((await post('/api/v1/pain', JSON.stringify({ pain: 4, note: 'after lunch' }))).status, 201);
      }
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    for (const route of ROUTES) {
      for (const size of [PHONE, DESKTOP]) {
        for (const colorScheme of ['light', 'dark']) {
          it(`${route.hash} at ${size.width} px, ${colorScheme}`, async () => {
            const { context, page, problems } = await openPage(browser, size, { colorScheme });
            const failed = failedAnswers(page);
            await page.goto(`${server.url}/${route.hash}`);
            await settle(page);

            assert.deepEqual(await seriousViolations(page), [], 'axe found serious or critical violations');
            assert.deepEqual(await unnamedControls(page), [], 'controls without an accessible name');
            const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
            assert.ok(width <= size.width, `the page is ${width} px wide at ${size.width} px: it scrolls sideways`);
            await screenshot(page, `page-${route.name}-${state}-${colorScheme}`);
            // Every page's name in the menu shows whole: none runs off the edge ("Lear").
            for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
              const box = await link.boundingBox();
              assert.ok(box && box.x >= 0 && box.x + box.width <= size.width, `the menu cuts "${await link.textContent()}"`);
            }

            const allowed = state === 'before' ? NOTHING_YET : [];
            const unexpected = failed.filter((answer) => !(answer.status === 404 && allowed.includes(answer.path)));
            assert.deepEqual(unexpected, [], 'API answers that were not expected to fail');
            const notFound = problems.filter((line) => line === NOT_FOUND_LINE).length;
            assert.ok(notFound <= failed.length - unexpected.length, 'a 404 was logged without an answer behind it');
            assert.deepEqual(
              problems.filter((line) => line !== NOT_FOUND_LINE),
              [],
              'console errors',
            );
            await context.close();
          });
        }
      }
    }
  });
}
