// Your data: the export downloads a dated JSON file holding the program; the delete button waits
// for the typed confirmation, then everything is gone (GET /api/v1/program is 404) and the app is
// back at its welcome. The token form keeps and removes a token.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations, serveAndBrowse } from './harness.mjs';

const intake = JSON.parse(readFileSync(new URL('../../examples/desk-worker.json', import.meta.url), 'utf8'));

describe('the data page', () => {
  const suite = serveAndBrowse({ program: intake });

  for (const size of [PHONE, DESKTOP]) {
    it(`downloads the export as a dated JSON file at ${size.width} px`, async () => {
      const { context, page, problems } = await openPage(suite.browser, size);
      await page.goto(`${suite.server.url}/#/data`);
      await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download your data' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^unload-export-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(exported.format, 'unload-export/1');
      assert.equal(exported.programs.length, 1);
      await page.getByText(`Saved as ${download.suggestedFilename()}.`).waitFor();
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'data');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('shows no token box when the server asks for none, and removes a kept token', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/data`);
    await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Download your data' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Access token' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Access token' }).count(), 0);
    // A token kept from before: the box is there, to remove it.
    await page.evaluate(() => localStorage.setItem('unload.token', 'an-old-token'));
    await page.reload();
    await page.getByRole('button', { name: 'Remove token' }).waitFor();
    await page.getByRole('textbox', { name: 'Access token' }).fill('a-test-token');
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.getByText('Token saved in this browser.').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('unload.token')), 'a-test-token');
    await page.getByRole('button', { name: 'Remove token' }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('unload.token')), null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('deletes everything only after the typed confirmation, then says it is done', async () => {
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/data`);
    await page.evaluate(() => localStorage.setItem('unload.outbox', '[{"pending":true}]'));
    const button = page.getByRole('button', { name: 'Delete everything' });
    await button.waitFor();
    assert.equal(await button.isDisabled(), true);
    const confirm = page.getByLabel('To confirm, type the word forget');
    await confirm.fill('forgot');
    assert.equal(await button.isDisabled(), true);
    assert.equal((await fetch(`${suite.server.url}/api/v1/program`)).status, 200, 'nothing deleted yet');
    await confirm.fill('forget');
    await button.click();
    await page.getByRole('heading', { name: 'Everything is deleted', level: 1 }).waitFor();
    assert.equal((await fetch(`${suite.server.url}/api/v1/program`)).status, 404);
    assert.equal(await page.evaluate(() => localStorage.getItem('unload.outbox')), null);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'data-deleted');
    await page.getByRole('link', { name: 'Go to the start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Unload' }).waitFor();
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await context.close();
  });
});

describe('a server that needs an access token', () => {
  const token = 'e2e-access-token-0123456789abcdef0123456789';
  const suite = serveAndBrowse({ token });

  it('asks for the token where the error shows, then loads the page with it', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/reminders`);
    const alert = page.getByRole('alert').filter({ hasText: 'access token' });
    await alert.first().waitFor();
    await alert.first().getByRole('textbox', { name: 'Access token' }).fill(token);
    await alert.first().getByRole('button', { name: 'Save token' }).click();
    // The retry loads the settings with the token.
    await page.getByRole('button', { name: 'Save reminder times' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('unload.token')), token);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems.filter((p) => !p.includes('401') && !p.includes('404')), []);
    await context.close();
  });
});
