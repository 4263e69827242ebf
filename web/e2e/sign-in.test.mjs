// Signing in to a clinic: once an account exists (made here with the real binary, before the
// server starts), every page shows the sign-in page until the person signs in. A wrong password
// says so; the right one opens the page the person was headed for, a reload keeps the session,
// and signing out comes back to the sign-in page. In personal mode there is no sign-in at all.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations, serveAndBrowse } from './harness.mjs';

const PASSWORD = 'a-calm-long-password';
const UNAUTHORIZED_LINE = 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)';
const NOT_FOUND_LINE = 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';

/** A data directory whose database has the account `ben` (a person), as `unload account add` makes it. */
function clinicHome() {
  const binary = process.env.UNLOAD_BIN;
  if (!binary) throw new Error('UNLOAD_BIN must name the unload binary to test');
  const home = mkdtempSync(join(tmpdir(), 'unload-e2e-clinic-'));
  // The harness serves $XDG_DATA_HOME/unload/unload.db; the account goes into that same file.
  mkdirSync(join(home, 'data', 'unload'), { recursive: true });
  const passwordFile = join(home, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  execFileSync(binary, ['account', 'add', 'ben', '--role', 'person', '--password-file', passwordFile], {
    env: { ...process.env, UNLOAD_DB: `sqlite:${join(home, 'data', 'unload', 'unload.db')}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return home;
}

/** Console lines other than the 401s of a clinic before sign-in and the documented "nothing yet" 404s. */
function unexpectedLines(problems) {
  return problems.filter((line) => line !== UNAUTHORIZED_LINE && line !== NOT_FOUND_LINE);
}

async function signIn(page, username, password) {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a clinic', () => {
  const home = clinicHome();
  const suite = serveAndBrowse({ home });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('shows the sign-in page, refuses a wrong password, signs in, keeps it on reload and signs out', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/progress`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.equal(await page.title(), 'Sign in · Unload');
    // Nothing to navigate to before signing in, and no error in place of a page.
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    assert.equal(await page.locator('.notice-error').count(), 0);
    assert.equal(await page.getByLabel('User name').getAttribute('autocomplete'), 'username');
    assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('autocomplete'), 'current-password');
    // No access token on this server: no token box.
    assert.equal(await page.getByRole('textbox', { name: 'Access token' }).count(), 0);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'sign-in');

    // Nothing typed: said before asking the server.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please enter your user name.' }).waitFor();

    await signIn(page, 'ben', 'not-the-password');
    const refused = page.getByRole('alert').filter({ hasText: 'do not match' });
    await refused.waitFor();
    assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'sign-in-refused');

    // A failed sign-in slows the next one down by a second.
    await page.waitForTimeout(1500);
    await signIn(page, 'Ben', PASSWORD);
    // Back to where the person was headed.
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    await page.getByText('Signed in as').waitFor();
    assert.equal(await page.locator('.account-name strong').textContent(), 'ben');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The session cookie is HttpOnly: the page never sees it.
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'signed-in');

    // The session outlives a reload, and the app works: a new person starts with the welcome.
    await page.goto(`${suite.server.url}/#/`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Unload' }).waitFor();
    await page.getByText('Signed in as').waitFor();
    await page.getByRole('link', { name: 'Get started' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.notEqual(await page.getByRole('heading', { level: 1 }).first().textContent(), 'Sign in');
    await page.goto(`${suite.server.url}/#/data`);
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.waitForURL((url) => url.hash === '#/sign-in');
    assert.equal(await page.getByText('Signed in as').count(), 0);
    assert.equal(await page.evaluate(async () => (await fetch('/api/v1/me')).status), 401);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.deepEqual(unexpectedLines(problems), []);
    await context.close();
  });

  it('signs in on a desktop and goes on to the page the address names', async () => {
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/sign-in?next=%2Flearn`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'sign-in');
    await signIn(page, 'ben', PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Learn' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#/learn');
    await page.getByText('Signed in as').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'signed-in');
    // Signed in already, the sign-in address goes straight on.
    await page.goto(`${suite.server.url}/#/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Unload' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.deepEqual(unexpectedLines(problems), []);
    await context.close();
  });
});

describe('personal mode', () => {
  const suite = serveAndBrowse();

  it('asks no one to sign in and shows no account', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Unload' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
    assert.equal(await page.getByText('Signed in as').count(), 0);
    await page.goto(`${suite.server.url}/#/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'No sign-in needed' }).waitFor();
    assert.equal(await page.getByLabel('Password', { exact: true }).count(), 0);
    assert.deepEqual(unexpectedLines(problems), []);
    await context.close();
  });
});
