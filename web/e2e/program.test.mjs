// The program page: with no program it points to the questions; after a program starts (through
// the API, from examples/desk-worker.json) it shows every routine exercise with its picture and
// its reasons in words, what was left out and why, the disclosures, and the coming weeks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations, serveAndBrowse } from './harness.mjs';

const intake = JSON.parse(readFileSync(new URL('../../examples/desk-worker.json', import.meta.url), 'utf8'));

async function getJson(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return response.json();
}

/** The glossary's words for an id, as the page should show them. */
function words(glossary, id) {
  const text = glossary.reasons[id]?.text;
  return text && !/\{[a-z_]+\}/.test(text) ? text : id;
}

describe('the program page', () => {
  const suite = serveAndBrowse();
  let program;
  let glossary;

  it('points to the questions before any program starts', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/program`);
    await page.getByRole('heading', { name: 'Your program', level: 1 }).waitFor();
    const link = page.getByRole('link', { name: 'Answer the questions' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '#/start');
    assert.deepEqual(await seriousViolations(page), []);
    // The 404 of GET /api/v1/program is the expected answer, not a page error.
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await context.close();
  });

  it('starts a program through the API', async () => {
    const response = await fetch(`${suite.server.url}/api/v1/program`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(intake),
    });
    assert.equal(response.status, 201);
    program = (await getJson(`${suite.server.url}/api/v1/program`)).plan.program;
    glossary = await getJson(`${suite.server.url}/api/v1/reasons`);
    assert.ok(program.routine.length > 0, 'the example plans a routine');
    assert.ok(program.left_out.length > 0, 'the example leaves something out');
  });

  for (const [size, colorScheme] of [
    [PHONE, 'light'],
    [DESKTOP, 'dark'],
  ]) {
    it(`is a few screens long, with each change only on its own card (${size.width} px, ${colorScheme})`, async (t) => {
      const { context, page, problems } = await openPage(suite.browser, size, { colorScheme });
      await page.goto(`${suite.server.url}/#/program`);
      const routine = page.getByRole('region', { name: "Today's routine" });
      await routine.waitFor();
      // "Changed for you" appears only inside a routine card, and only for that card's changes.
      const changed = page.getByRole('heading', { name: 'Changed for you' });
      const inCards = routine.getByRole('heading', { name: 'Changed for you' });
      assert.equal(await changed.count(), await inCards.count(), 'no "Changed for you" outside the routine');
      assert.equal(await inCards.count(), program.routine.filter((entry) => entry.modifications.length > 0).length);
      // No reason is spelt out twice while the details are closed.
      const text = await page.locator('main').innerText();
      for (const id of new Set(program.routine.flatMap((entry) => entry.because))) {
        const expected = words(glossary, id);
        if (expected === id || expected.length < 25) continue;
        const times = text.split(expected).length - 1;
        assert.ok(times <= 1, `"${expected}" shows ${times} times`);
      }
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      t.diagnostic(`program page height at ${size.width} px: ${height} px (${(height / size.height).toFixed(1)} screens)`);
      await screenshot(page, `program-short-${colorScheme}`);
      // A few phone screens with every detail closed: about four and a half (it was twelve, then six).
      if (size === PHONE) assert.ok(height <= 4.5 * size.height, `fits in four and a half phone screens: ${height} px`);
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const size of [PHONE, DESKTOP]) {
    it(`shows the routine with pictures and reasons at ${size.width} px`, async () => {
      const { context, page, problems } = await openPage(suite.browser, size);
      await page.goto(`${suite.server.url}/#/program`);
      await page.getByRole('heading', { name: `Week ${program.week}`, exact: false, level: 2 }).waitFor();

      const routine = page.getByRole('region', { name: "Today's routine" });
      const cards = routine.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
      assert.equal(await cards.count(), program.routine.length);
      for (const [index, entry] of program.routine.entries()) {
        const card = routine.getByRole('listitem', { name: `${index + 1}. ${entry.name}` });
        await card.waitFor();
        const picture = card.getByRole('img', { name: `Drawing of ${entry.name}` });
        await picture.scrollIntoViewIfNeeded();
        await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle());
        // The steps, the reasons and the evidence are behind one disclosure, so the card stays short.
        await card.locator('summary', { hasText: 'How to do it, and why' }).click();
        const text = await card.innerText();
        for (const id of entry.because) {
          const expected = words(glossary, id);
          assert.notEqual(expected, id, `the glossary has words for ${id}`);
          assert.ok(text.toLowerCase().includes(expected.toLowerCase()), `${entry.name} explains ${id} in words`);
        }
        // The dose is in words, never the raw numbers alone.
        assert.match(text, /(Hold for|holds of|repetition)/);
      }

      const leftOut = page.getByRole('region', { name: 'Left out, and why' });
      for (const item of program.left_out) {
        const exercise = await getJson(`${suite.server.url}/api/v1/exercises/${item.exercise}`);
        const entry = leftOut.getByRole('listitem').filter({ has: page.getByRole('heading', { name: exercise.name }) });
        await entry.getByRole('heading', { name: exercise.name }).waitFor();
        const text = await entry.first().innerText();
        for (const id of item.because) {
          assert.ok(text.toLowerCase().includes(words(glossary, id).toLowerCase()), `left-out ${item.exercise} explains ${id}`);
        }
      }

      // Steps and the evidence behind the first card's disclosure, opened above.
      const first = routine.getByRole('listitem', { name: `1. ${program.routine[0].name}` });
      const exercise = await getJson(`${suite.server.url}/api/v1/exercises/${program.routine[0].exercise}`);
      await first.getByText(exercise.steps[0]).waitFor();
      await first.getByText('What research says:').waitFor();
      if (exercise.evidence.references.length > 0) {
        const rules = await getJson(`${suite.server.url}/api/v1/rules`);
        const source = rules.sources.find((s) => s.id === exercise.evidence.references[0]);
        await first.getByText(source.title, { exact: false }).first().waitFor();
      }

      const start = page.getByRole('link', { name: "Start today's session" });
      assert.equal(await start.getAttribute('href'), '#/session');

      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'program');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('previews the coming weeks from the stored intake', async () => {
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/program`);
    await page.getByRole('button', { name: /Show the next 3 weeks/ }).click();
    const coming = page.getByRole('region', { name: 'The coming weeks' });
    for (const week of [program.week + 1, program.week + 2, program.week + 3]) {
      await coming.getByRole('heading', { name: new RegExp(`^Week ${week}\\b`) }).waitFor();
    }
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the program page with fragile bones', () => {
  const suite = serveAndBrowse({ program: { ...intake, conditions: { ...(intake.conditions ?? {}), osteoporosis: true } } });

  it("shows knee-to-chest one knee at a time, with no step that says both knees", async () => {
    const exercise = await getJson(`${suite.server.url}/api/v1/exercises/knee_to_chest`);
    const single = exercise.modifications.find((m) => m.id === 'single_knee_only');
    assert.deepEqual(single.leaves_out_steps, [5]);
    const rock = exercise.steps[4];
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/program`);
    const card = page.getByRole('region', { name: "Today's routine" }).getByRole('listitem', { name: /Knee-to-chest rock/ });
    await card.waitFor();
    await card.getByText(single.text).waitFor();
    await card.locator('summary', { hasText: 'How to do it' }).click();
    await card.getByText(exercise.steps[0]).waitFor();
    assert.equal(await card.getByText(rock).count(), 0, 'the both-knees rock is not shown');
    assert.doesNotMatch(await card.innerText(), /closing hold/i);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the program page after a warning sign', () => {
  const suite = serveAndBrowse();

  it('offers no exercise and says what to do', async () => {
    const withWarning = { ...intake, warning_signs: { saddle_numbness: true } };
    const response = await fetch(`${suite.server.url}/api/v1/program`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(withWarning),
    });
    assert.equal(response.status, 200, 'screening withholds the program');
    const { plan } = await response.json();
    assert.equal(plan.program, null);
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/program`);
    // The withheld start is a stop in force: the page leads with it.
    await page.locator('.safety-stop[data-verdict="emergency"]').waitFor();
    await page.getByText('Your program is stopped, so there are no sessions until this is checked.').waitFor();
    for (const warning of plan.screening.warnings) await page.getByText(warning.text).waitFor();
    assert.equal(await page.getByRole('link', { name: "Start today's session" }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Answer the questions', exact: true }).count(), 0);
    assert.equal(await page.locator('img[src*="/picture.svg"]').count(), 0, 'no exercise pictures');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'program-withheld');
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await context.close();
  });
});
