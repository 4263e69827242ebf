// Learn: the list shows every topic; a topic shows its sections; the warning-signs topic puts the
// emergencies first and marks them apart; an unknown topic says so.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations, serveAndBrowse } from './harness.mjs';

describe('the learn pages', () => {
  const suite = serveAndBrowse();
  let topics;
  before(async () => {
    topics = (await (await fetch(`${suite.server.url}/api/v1/learn`)).json()).topics;
  });

  for (const size of [PHONE, DESKTOP]) {
    it(`lists every topic at ${size.width} px`, async () => {
      const { context, page, problems } = await openPage(suite.browser, size);
      await page.goto(`${suite.server.url}/#/learn`);
      await page.getByRole('heading', { name: 'Learn', level: 1 }).waitFor();
      for (const topic of topics) {
        const link = page.getByRole('link', { name: topic.title, exact: false });
        await link.waitFor();
        assert.equal(await link.getAttribute('href'), `#/learn/${topic.id}`);
      }
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'learn');
      assert.deepEqual(problems, []);
      await context.close();
    });

    it(`opens a topic from the list at ${size.width} px`, async () => {
      const topic = topics.find((t) => t.id === 'lifting') ?? topics[0];
      const { context, page, problems } = await openPage(suite.browser, size);
      await page.goto(`${suite.server.url}/#/learn`);
      await page.getByRole('link', { name: topic.title, exact: false }).click();
      await page.getByRole('heading', { name: topic.title, level: 1 }).waitFor();
      assert.equal(new URL(page.url()).hash, `#/learn/${topic.id}`);
      for (const section of topic.sections) await page.getByRole('heading', { name: section.heading, level: 2 }).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'learn-topic');
      await page.getByRole('link', { name: 'All topics' }).click();
      await page.getByRole('heading', { name: 'Learn', level: 1 }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });

    it(`makes the emergencies stand out among the warning signs at ${size.width} px`, async () => {
      const topic = topics.find((t) => t.id === 'warning_signs');
      assert.ok(topic, 'content has a warning-signs topic');
      const emergencies = topic.rules.filter((rule) => rule.urgency === 'emergency');
      assert.ok(emergencies.length > 0);
      const { context, page, problems } = await openPage(suite.browser, size);
      await page.goto(`${suite.server.url}/#/learn/warning_signs`);
      await page.getByRole('heading', { name: topic.title, level: 1 }).waitFor();
      // The first group on the page is the emergency one, and it holds every emergency rule.
      const groups = page.locator('[data-urgency]');
      assert.equal(await groups.first().getAttribute('data-urgency'), 'emergency');
      const first = await groups.first().innerText();
      for (const rule of emergencies) assert.ok(first.includes(rule.text), `emergency rule ${rule.id} is in the first group`);
      // It looks different from the less urgent groups.
      const [emergencyBorder, lastBorder] = await Promise.all([
        groups.first().evaluate((el) => getComputedStyle(el).borderTopWidth),
        groups.last().evaluate((el) => getComputedStyle(el).borderTopWidth),
      ]);
      assert.notEqual(emergencyBorder, lastBorder);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'learn-warning-signs');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('says plainly when a topic does not exist', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/learn/no_such_topic`);
    await page.getByRole('heading', { name: 'Topic not found', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'All topics' }).waitFor();
    await context.close();
  });
});
