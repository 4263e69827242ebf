// The app loads, names itself, passes axe, and runs without console errors at both sizes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DESKTOP,
  notFoundPaths,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  serveAndBrowse,
  unexpected,
} from './harness.mjs';

describe('the app shell', () => {
  const suite = serveAndBrowse();

  for (const size of [PHONE, DESKTOP]) {
    it(`loads at ${size.width} px wide with its navigation`, async () => {
      const { context, page, problems } = await openPage(suite.browser, size);
      const missing = notFoundPaths(page);
      await page.goto(`${suite.server.url}/`);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Progress' }).count(), 1);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, 'shell');
      // On a fresh database "no program yet" and "no answers yet" are 404s, as documented.
      assert.deepEqual(unexpected(problems, missing, ['/api/v1/program', '/api/v1/intake']), []);
      await context.close();
    });
  }

  it('registers its service worker, and opens again with no connection', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    const missing = notFoundPaths(page);
    const failed = [];
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
    await page.goto(`${suite.server.url}/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${suite.server.url}/`);
    // Once the worker controls the page, the app's files come from its cache.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    await context.setOffline(false);
    // Offline, only API reads fail (the page falls back to its last answers or says so); every
    // file of the app itself came from the worker's cache.
    assert.ok(failed.length > 0, 'the API was asked, and could not answer');
    for (const path of failed) assert.ok(path.startsWith('/api/v1/'), `${path} failed offline`);
    const offlineLine = 'console: Failed to load resource: net::ERR_FAILED';
    const rest = unexpected(problems, missing, ['/api/v1/program', '/api/v1/intake']);
    assert.ok(rest.filter((line) => line === offlineLine).length <= failed.length);
    assert.deepEqual(rest.filter((line) => line !== offlineLine), []);
    await context.close();
  });

  it('serves a web manifest the browser can install from', async () => {
    const response = await fetch(`${suite.server.url}/manifest.webmanifest`);
    assert.equal(response.status, 200);
    const manifest = await response.json();
    assert.equal(manifest.start_url, '/');
    assert.ok(manifest.icons.length > 0);
  });
});
