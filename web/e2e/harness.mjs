// End-to-end test harness: each test gets its own `unload serve` (fresh database, port chosen by
// the kernel) and a page in Debian's Chromium driven by playwright-core. Tests select by role and
// label, as a person using a screen reader would find things.
//
//   UNLOAD_BIN        the unload binary to serve (required; `make test` passes the test build's)
//   UNLOAD_CHROMIUM   the browser (default /usr/bin/chromium)
//   UNLOAD_SHOTS      where screenshots go (default web/e2e/screenshots, git-ignored)
//   UNLOAD_WEB_ROOT   the built app to serve (default: the binary's own, web/dist)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Starts `unload serve` on 127.0.0.1 with an empty data directory; resolves once it answers.
 * `options.token` makes the server require that access token; `options.home` serves the data
 * directory of an earlier server (kept on stop); `options.now` pins the server's clock (UTC).
 */
export async function startServer(options = {}) {
  const binary = process.env.UNLOAD_BIN;
  if (!binary) throw new Error('UNLOAD_BIN must name the unload binary to test');
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'unload-e2e-'));
  // The access log would bury the test report; UNLOAD_E2E_LOG=1 keeps it on stderr.
  mkdirSync(join(home, 'config', 'unload'), { recursive: true });
  const log = process.env.UNLOAD_E2E_LOG ? 'stderr' : 'off';
  // UNLOAD_WEB_ROOT serves another build of the app than the binary's own web/dist.
  const webRoot = process.env.UNLOAD_WEB_ROOT ? `web_root = ${JSON.stringify(process.env.UNLOAD_WEB_ROOT)}\n` : '';
  // `options.config` adds tables of its own (`[person]`), after the server's.
  writeFileSync(
    join(home, 'config', 'unload', 'config.toml'),
    `[server]\naccess_log = "${log}"\n${webRoot}${options.config ?? ''}`,
  );
  const child = spawn(binary, ['--format', 'json', 'serve', '--listen', '127.0.0.1:0'], {
    env: {
      ...process.env,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      UNLOAD_TOKEN: options.token ?? '',
      UNLOAD_DB: '',
      ...(options.now ? { UNLOAD_NOW: options.now, TZ: 'UTC' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // `--format json` prints one (pretty-printed) document once the server listens.
  const { url } = await new Promise((resolve, reject) => {
    let text = '';
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      text += line;
      try {
        resolve(JSON.parse(text));
        lines.close();
      } catch {
        // Not the whole document yet.
      }
    });
    child.once('exit', (code) => reject(new Error(`unload serve exited with ${code} before listening`)));
  });
  return {
    url: url.replace(/\/$/, ''),
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (!options.home) rmSync(home, { recursive: true, force: true });
      if (code !== 0 && code !== null) throw new Error(`unload serve stopped with exit status ${code}`);
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.UNLOAD_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * A fresh `unload serve` and a browser for the enclosing suite: started before its tests, closed
 * after them; the tests read `suite.server` and `suite.browser`. `options` go to startServer,
 * except `program`: an intake to start a program from (POST /api/v1/program) before the tests.
 */
export function serveAndBrowse(options = {}) {
  const { program, ...serverOptions } = options;
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await startServer(serverOptions);
    suite.browser = await launchBrowser();
    if (program) {
      const response = await fetch(`${suite.server.url}/api/v1/program`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(program),
      });
      assert.equal(response.status, 201, `starting the program: ${await response.text()}`);
    }
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/**
 * A new page at `size` whose console errors and failed requests are collected, so a test can
 * assert the app ran cleanly (a CSP violation shows up here too).
 */
export async function openPage(browser, size = PHONE, options = {}) {
  const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

const shotsDir = process.env.UNLOAD_SHOTS || join(here, 'screenshots');

/** Saves the whole page as `<name>-<width>.png` for review. */
export async function screenshot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(shotsDir, `${name}-${width}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core over the page (WCAG 2.x A and AA rules) and returns the serious and critical
 * violations as readable lines; an empty list passes.
 */
export async function seriousViolations(page) {
  // page.evaluate runs through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The browser logs every 404 answer as a console error. Some are the API's documented way of
 * saying "nothing yet" (no program, no intake); this keeps a list of the paths that answered 404 so
 * a test can check that those, and only those, explain the console lines.
 */
export function notFoundPaths(page) {
  const paths = [];
  page.on('response', (response) => {
    if (response.status() === 404) paths.push(new URL(response.url()).pathname);
  });
  return paths;
}

export const NOT_FOUND_LINE = 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';

/** The problems other than 404s from `expected` paths; fails if a 404 came from anywhere else. */
export function unexpected(problems, paths, expected) {
  for (const path of paths) assert.ok(expected.includes(path), `unexpected 404 from ${path}`);
  const lines = problems.filter((line) => line === NOT_FOUND_LINE);
  assert.ok(lines.length <= paths.length, 'every 404 line has a response behind it');
  return problems.filter((line) => line !== NOT_FOUND_LINE);
}

/**
 * Plays today's whole session from the session start screen, at `speed` times real time: the pain
 * before, start, wait for the end (`today` is GET /api/v1/session, for its length), the pain
 * after, save, and wait until the server has it.
 */
export async function playWholeSession(page, today, { speed, painBefore, painAfter }) {
  await page.getByRole('radio', { name: String(painBefore), exact: true }).check();
  await page.getByRole('button', { name: 'Start the session' }).click();
  await page.getByRole('button', { name: 'Stop — this hurts' }).waitFor();
  const expectedMs = (today.timeline.total_ms / speed) * 4 + 60000;
  await page.getByRole('heading', { level: 1, name: 'Session done' }).waitFor({ timeout: expectedMs });
  await page.getByRole('radio', { name: String(painAfter), exact: true }).check();
  await page.getByRole('button', { name: 'Save the session' }).click();
  await page.getByText('Saved in your record.').waitFor();
}
