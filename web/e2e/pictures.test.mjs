// Exercise pictures: a movement really moves (two screenshots a second apart differ), the program
// page shows the picture of the modification a person has (lying on the side in pregnancy) and it
// differs from the exercise's own, the server answers a modification the exercise does not have
// with 400, and the pictures follow a dark colour scheme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DESKTOP, openPage, screenshot, serveAndBrowse } from './harness.mjs';

const desk = JSON.parse(readFileSync(new URL('../../examples/desk-worker.json', import.meta.url), 'utf8'));
// Pregnancy swaps long rests on the back for lying on the side (content/screening.toml).
const intake = { ...desk, person: { ...desk.person, pregnant: true } };

const pictureUrl = (base, id, modification) =>
  `${base}/api/v1/exercises/${id}/picture.svg${modification ? `?modification=${modification}` : ''}`;

/** Waits until the `<img>` behind `locator` has loaded its picture. */
async function loaded(locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.evaluate(
    (img) =>
      new Promise((resolve, reject) => {
        if (img.complete && img.naturalWidth > 0) return resolve();
        img.addEventListener('load', () => resolve(), { once: true });
        img.addEventListener('error', () => reject(new Error(`${img.src} did not load`)), { once: true });
      }),
  );
}

/** The colour of the pixel at (x, y) of a PNG screenshot, read back through the page's canvas. */
async function pixel(page, png, x, y) {
  return page.evaluate(
    async ({ url, x, y }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
    },
    { url: `data:image/png;base64,${png.toString('base64')}`, x, y },
  );
}

describe('exercise pictures', () => {
  const suite = serveAndBrowse({ program: intake });
  const motion = { reducedMotion: 'no-preference' };

  async function routine() {
    const response = await fetch(`${suite.server.url}/api/v1/program`);
    assert.equal(response.status, 200);
    return (await response.json()).plan.program.routine;
  }

  /** The program page at DESKTOP in `colorScheme`, and the picture of routine entry `id`. */
  async function programPicture(id, colorScheme = 'light') {
    const entry = (await routine()).find((e) => e.exercise === id);
    assert.ok(entry, `the pregnant desk worker's routine has ${id}`);
    const opened = await openPage(suite.browser, DESKTOP, { ...motion, colorScheme });
    await opened.page.goto(`${suite.server.url}/#/program`);
    const picture = opened.page.getByRole('img', { name: `Drawing of ${entry.name}` });
    await loaded(picture);
    return { ...opened, entry, picture };
  }

  it('animates a movement: two screenshots a second apart differ', async () => {
    const { context, page, problems, picture } = await programPicture('cat_cow');
    const first = await picture.screenshot();
    await page.waitForTimeout(1000);
    const second = await picture.screenshot();
    assert.notDeepEqual(first, second, 'cat-cow moves between the two screenshots');
    await screenshot(page, 'pictures-program');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the side-lying picture of the pregnancy modification, unlike the plain one', async () => {
    const { context, problems, entry, picture } = await programPicture('ninety_ninety');
    assert.ok(entry.modifications.includes('side_lying_instead'));
    const src = new URL(await picture.getAttribute('src'), suite.server.url);
    assert.equal(src.pathname, '/api/v1/exercises/ninety_ninety/picture.svg');
    assert.equal(src.searchParams.get('modification'), entry.modifications[0]);
    const modified = await picture.screenshot();
    // The plain picture, drawn in the same place at the same size.
    await picture.evaluate((img, url) => {
      img.loading = 'eager';
      img.src = url;
    }, pictureUrl('', 'ninety_ninety'));
    await loaded(picture);
    assert.ok(!(await picture.getAttribute('src')).includes('modification'));
    const plain = await picture.screenshot();
    assert.notDeepEqual(modified, plain, 'lying on the side does not look like lying on the back');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('serves each modification its own picture, with its own ETag', async () => {
    const base = suite.server.url;
    const plain = await fetch(pictureUrl(base, 'ninety_ninety'));
    const side = await fetch(pictureUrl(base, 'ninety_ninety', 'side_lying_instead'));
    assert.equal(plain.status, 200);
    assert.equal(side.status, 200);
    assert.equal(side.headers.get('content-type'), 'image/svg+xml');
    assert.notEqual(side.headers.get('etag'), plain.headers.get('etag'));
    const [plainText, sideText] = [await plain.text(), await side.text()];
    assert.notEqual(sideText, plainText);
    assert.match(sideText, /<desc [^>]*>[^<]*side[^<]*<\/desc>/);
    const again = await fetch(pictureUrl(base, 'ninety_ninety', 'side_lying_instead'), {
      headers: { 'If-None-Match': side.headers.get('etag') },
    });
    assert.equal(again.status, 304);
    // A modification that does not change the picture gets the exercise's own.
    const same = await fetch(pictureUrl(base, 'core_breathing', 'breathing_only'));
    const own = await fetch(pictureUrl(base, 'core_breathing'));
    assert.equal(same.headers.get('etag'), own.headers.get('etag'));
    // One the exercise does not have is refused, naming the parameter.
    const wrong = await fetch(pictureUrl(base, 'ninety_ninety', 'single_knee_only'));
    assert.equal(wrong.status, 400);
    const error = (await wrong.json()).error;
    assert.equal(error.field, 'modification');
    assert.match(error.message, /single_knee_only/);
  });

  it('follows a dark colour scheme', async () => {
    const light = await programPicture('childs_pose', 'light');
    const lightShot = await light.picture.screenshot();
    await light.context.close();
    const dark = await programPicture('childs_pose', 'dark');
    const darkShot = await dark.picture.screenshot();
    assert.notDeepEqual(darkShot, lightShot, 'the picture is repainted for the dark scheme');
    // The card is dark: a point near its top-left corner, inside the rounded edge, is dark.
    const corner = await pixel(dark.page, darkShot, 12, 12);
    assert.ok(corner.every((channel) => channel < 90), `dark card, got rgb(${corner.join(', ')})`);
    assert.ok((await pixel(dark.page, lightShot, 12, 12)).every((channel) => channel > 200), 'light card');
    await screenshot(dark.page, 'pictures-dark');
    assert.deepEqual(dark.problems, []);
    await dark.context.close();
  });

  it('shows the side-lying picture in the session player too', async () => {
    const session = await (await fetch(`${suite.server.url}/api/v1/session`)).json();
    const first = session.timeline.steps.find((step) => step.exercise);
    assert.equal(first.exercise, 'ninety_ninety', 'the relief routine opens with the 90-90 rest');
    assert.deepEqual(first.modifications, ['side_lying_instead']);
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/session`);
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('button', { name: 'Start the session' }).click();
    const picture = page.getByRole('img', { name: /90-90 rest/ });
    await picture.waitFor();
    assert.match(await picture.getAttribute('src'), /picture\.svg\?modification=side_lying_instead$/);
    await loaded(picture);
    await page.getByRole('button', { name: 'Pause' }).click();
    await screenshot(page, 'pictures-player-side-lying');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
