// Who can see a person's record (clinic mode): the accounts `ben` (a person) and `ana` (a
// clinician) are made with the real binary before the server starts. Ana makes an invitation code
// through the API; ben signs in, enters it on the data page and sees ana listed; ana reads his
// record, and ben sees that she did; he ends her access (after a confirmation), the list is empty
// again, and her next look is refused and shown as such. In personal mode the page has none of it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
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

const PASSWORD = 'a-calm-long-password';
const UNAUTHORIZED_LINE = 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)';

/** A data directory whose database has `ben` (a person, person 1) and `ana` (a clinician). */
function clinicHome() {
  const binary = process.env.UNLOAD_BIN;
  if (!binary) throw new Error('UNLOAD_BIN must name the unload binary to test');
  const home = mkdtempSync(join(tmpdir(), 'unload-e2e-care-'));
  mkdirSync(join(home, 'data', 'unload'), { recursive: true });
  const passwordFile = join(home, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  for (const [name, role] of [
    ['ben', 'person'],
    ['ana', 'clinician'],
  ]) {
    execFileSync(binary, ['account', 'add', name, '--role', role, '--password-file', passwordFile], {
      env: { ...process.env, UNLOAD_DB: `sqlite:${join(home, 'data', 'unload', 'unload.db')}` },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return home;
}

/** Ana, signed in through the API: her session cookie, for the requests below. */
async function signInAna(url) {
  const response = await fetch(`${url}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'ana', password: PASSWORD }),
  });
  assert.equal(response.status, 200, `ana signs in: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0])
    .join('; ');
}

async function invitationCode(url, cookie) {
  const response = await fetch(`${url}/api/v1/invitations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: '{}',
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  assert.match(body.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return body.code;
}

/** Ana opens ben's record (person 1); the status says whether she still may. */
async function anaReadsBen(url, cookie) {
  const response = await fetch(`${url}/api/v1/people/1/export`, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  return response.status;
}

async function signInBen(page) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('User name').fill('ben');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
}

const careSection = (page) => page.getByRole('region', { name: 'Who can see your record' });
const auditSection = (page) => page.getByRole('region', { name: 'Who opened your record' });

async function joinWith(page, code) {
  await page.getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Join with this code' }).click();
}

async function endAnasAccess(page) {
  const care = careSection(page);
  await care.getByRole('button', { name: 'End access' }).click();
  await care.getByText('ana will no longer see your record').waitFor();
  await care.getByRole('button', { name: 'Yes, end access' }).click();
  await care.getByRole('status').filter({ hasText: 'ana can no longer see your record.' }).waitFor();
  await care.getByText('No clinician has access.').waitFor();
}

describe('who can see your record, in a clinic', () => {
  const home = clinicHome();
  const suite = serveAndBrowse({ home });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('joins a clinician with her code, shows what she opened, and ends her access at 360 px', async () => {
    const anaCookie = await signInAna(suite.server.url);
    const code = await invitationCode(suite.server.url, anaCookie);
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    const notFound = notFoundPaths(page);
    await page.goto(`${suite.server.url}/#/data`);
    await signInBen(page);

    const care = careSection(page);
    await care.getByText('No clinician has access.').waitFor();
    // The account was made on the server's command line: that is someone else too.
    await auditSection(page).getByText('Someone working on the server itself').waitFor();

    // Nothing typed, then a code that does not exist: said next to the box.
    await page.getByRole('button', { name: 'Join with this code' }).click();
    await care.getByRole('alert').filter({ hasText: 'Please enter the code your clinician gave you.' }).waitFor();
    await joinWith(page, 'AAAA-BBBB-CCCC');
    await care.getByRole('alert').filter({ hasText: 'This code is unknown' }).waitFor();
    assert.equal(await page.getByLabel('Invitation code').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await seriousViolations(page), []);

    // Small letters and spaces are fine.
    await joinWith(page, ` ${code.toLowerCase()} `);
    await care.getByRole('status').filter({ hasText: 'ana can now see your record.' }).waitFor();
    const item = care.getByRole('listitem').filter({ hasText: 'ana' });
    await item.getByText('You joined with their code').waitFor();
    assert.equal(await page.getByLabel('Invitation code').inputValue(), '');

    // Ana looks; ben sees it, in his own words, without his own visits.
    assert.equal(await anaReadsBen(suite.server.url, anaCookie), 200);
    await page.reload();
    const audit = auditSection(page);
    await audit.getByText('ana (clinician) read your record.').first().waitFor();
    assert.equal(await audit.getByText(/^ben /).count(), 0, "ben's own actions are left out");
    assert.equal(await audit.locator('time').first().getAttribute('datetime').then((v) => /Z$/.test(v)), true);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'care-joined');

    // "End access" asks first; "Keep access" changes nothing.
    await care.getByRole('button', { name: 'End access' }).click();
    await care.getByRole('button', { name: 'Keep access' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'care-confirm');
    await care.getByRole('button', { name: 'Keep access' }).click();
    await care.getByRole('button', { name: 'End access' }).waitFor();
    assert.equal(await anaReadsBen(suite.server.url, anaCookie), 200, 'access kept');

    await endAnasAccess(page);
    assert.equal(await anaReadsBen(suite.server.url, anaCookie), 404, 'ana can no longer see it');
    await page.reload();
    await auditSection(page).getByText('ana (clinician) tried to open your record and was refused.').waitFor();
    await auditSection(page).getByText('Not done (no access)').waitFor();
    await careSection(page).getByText('No clinician has access.').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'care-ended');
    assert.deepEqual(
      unexpected(problems, notFound, ['/api/v1/care']).filter((line) => line !== UNAUTHORIZED_LINE),
      [],
    );
    await context.close();
  });

  it('lists the clinician and ends her access on a desktop', async () => {
    const anaCookie = await signInAna(suite.server.url);
    const code = await invitationCode(suite.server.url, anaCookie);
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/data`);
    await signInBen(page);
    await careSection(page).getByText('No clinician has access.').waitFor();
    await joinWith(page, code);
    await careSection(page).getByRole('listitem').filter({ hasText: 'You joined with their code' }).waitFor();
    await page.reload();
    await auditSection(page).getByText('ana (clinician) read your record.').first().waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'care-joined');
    await careSection(page).getByRole('button', { name: 'End access' }).click();
    await careSection(page).getByRole('button', { name: 'Yes, end access' }).waitFor();
    await screenshot(page, 'care-confirm');
    await careSection(page).getByRole('button', { name: 'Yes, end access' }).click();
    await careSection(page).getByText('No clinician has access.').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems.filter((line) => line !== UNAUTHORIZED_LINE), []);
    await context.close();
  });
});

describe('the data page in personal mode', () => {
  const suite = serveAndBrowse();

  it('shows nothing about clinicians and asks the server nothing about them', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${suite.server.url}/#/data`);
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await page.getByRole('button', { name: 'Download your data' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Who can see your record' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Who opened your record' }).count(), 0);
    assert.equal(await page.getByLabel('Invitation code').count(), 0);
    assert.deepEqual(
      asked.filter((path) => path.startsWith('/api/v1/care') || path.startsWith('/api/v1/audit')),
      [],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
