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

  it('serves a web manifest the browser can install from', async () => {
    const response = await fetch(`${suite.server.url}/manifest.webmanifest`);
    assert.equal(response.status, 200);
    const manifest = await response.json();
    assert.equal(manifest.start_url, '/');
    assert.ok(manifest.icons.length > 0);
  });
});
