// Advice to act on stays on Today (issue 14, item 6): after a session stopped for pain spreading
// down a leg, Today asks the person to book a physical therapist, above today's session, until they
// say it is done; that is stored, so a reload does not bring it back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations, serveAndBrowse } from './harness.mjs';

const intake = JSON.parse(readFileSync(new URL('../../examples/desk-worker.json', import.meta.url), 'utf8'));

/** Records a session that the person stopped a minute in for `reason`, started now. */
async function stoppedSession(url, reason) {
  // Times are kept to the second: start in a later second than a "done" marked just before, as
  // any real next session would, so the advice given in it is newer than the mark.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const today = await (await fetch(`${url}/api/v1/session`)).json();
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      started_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      pain_before: 4,
      pain_after: 5,
      controls: [{ at_ms: 60_000, control: 'stop', reason }],
      ended_ms: Math.min(70_000, today.timeline.total_ms),
    }),
  });
  assert.equal(response.status, 201, await response.text());
}

describe('advice to act on', () => {
  const suite = serveAndBrowse({ program: intake });

  it('shows nothing to do before any advice was given', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/`);
    await page.getByRole('link', { name: "Start today's session" }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Still to do' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [size, colorScheme] of [
    [PHONE, 'light'],
    [DESKTOP, 'dark'],
  ]) {
    it(`keeps a stop's "book a physical therapist" on Today until marked done (${size.width} px, ${colorScheme})`, async () => {
      await stoppedSession(suite.server.url, 'spreading_leg_symptoms');
      const { context, page, problems } = await openPage(suite.browser, size, { colorScheme });
      await page.goto(`${suite.server.url}/#/`);
      const todo = page.getByRole('region', { name: 'Still to do' });
      await todo.waitFor();
      await todo.getByText('Book an assessment with a physical therapist', { exact: false }).waitFor();
      await todo.getByText('Pain or tingling spreading down my leg', { exact: false }).waitFor();
      // It comes before today's session, which a leg stop does not take away.
      const todoBox = await todo.boundingBox();
      const session = page.getByRole('heading', { name: /Today's session|Done for today/ });
      assert.ok(todoBox.y < (await session.boundingBox()).y, 'the advice comes first');
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, `today-follow-up-${colorScheme}`);

      // Still there after a reload, until the person says it is done.
      await page.reload();
      await todo.waitFor();
      await todo.getByRole('button', { name: 'I have done this' }).click();
      await page.getByRole('status').filter({ hasText: 'Marked as done.' }).waitFor();
      assert.equal(await todo.count(), 0);
      await page.reload();
      await session.waitFor();
      assert.equal(await page.getByRole('region', { name: 'Still to do' }).count(), 0, 'the mark is stored');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
