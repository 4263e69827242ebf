// Reminders: the settings save and come back after a reload, the calendar file answers
// text/calendar with the saved times and reads as a calendar app would read it (ical.js: one
// event a session time, one working-day event with an alarm at each desk break), and once notifications are on a desk break shows up when
// its time comes (the page's clock is run forward; Notification is replaced by a recorder).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { DESKTOP, openPage, PHONE, screenshot, seriousViolations, serveAndBrowse } from './harness.mjs';

const intake = JSON.parse(readFileSync(new URL('../../examples/desk-worker.json', import.meta.url), 'utf8'));

/**
 * Parses the file as a calendar app does (ical.js) and checks what a person would see: each
 * session time daily, and the desk breaks as one event on each of `workDays`, over the working
 * hours, with an alarm every `step` minutes; words that speak of the app, not of a terminal command.
 */
function assertReadsAsACalendar(text, step, workDays) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const breaks = events.filter((event) => /desk break/i.test(event.summary));
  const sessions = events.filter((event) => !/desk break/i.test(event.summary));
  assert.equal(breaks.length, 1, 'the desk breaks are one event, not one per break');
  assert.ok(sessions.length >= 1);
  for (const event of events) {
    assert.doesNotMatch(event.description, /`|unload session/, 'speaks of the app');
    assert.match(event.description, /Unload/);
  }
  for (const session of sessions) {
    assert.equal(session.component.getFirstPropertyValue('rrule').freq, 'DAILY');
    assert.equal(session.component.getAllSubcomponents('valarm').length, 1);
  }
  const [work] = breaks;
  const settings = { start: work.startDate.hour * 60 + work.startDate.minute, length: work.duration.toSeconds() / 60 };
  const alarms = work.component.getAllSubcomponents('valarm').map((alarm) => {
    assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
    assert.match(alarm.getFirstPropertyValue('description'), /desk break/i);
    return alarm.getFirstPropertyValue('trigger').toSeconds() / 60;
  });
  assert.ok(alarms.length > 1, `an alarm at each break (${alarms.length})`);
  assert.deepEqual(
    alarms,
    alarms.map((_, i) => step * (i + 1)),
    `every ${step} minutes from the start of work`,
  );
  assert.ok(alarms.at(-1) < settings.length, 'every break falls within the working day');
  // A week of occurrences: one on each saved work day (ISO numbers, Monday 1), no other.
  const days = [];
  const weekLater = work.startDate.clone();
  weekLater.adjust(7, 0, 0, 0);
  const expand = work.iterator();
  for (let next = expand.next(); next && next.compare(weekLater) < 0; next = expand.next()) {
    days.push(next.dayOfWeek());
  }
  days.sort();
  const expected = workDays.map((iso) => (iso % 7) + 1).sort(); // ical.js counts Sunday as 1
  assert.deepEqual(days, expected, 'one event on each work day');
}

/** Records notifications instead of showing them, and hides the service worker so they go through it. */
function recordNotifications() {
  window.__shown = [];
  // A service worker that never registers, so reminders take the `new Notification` way.
  const noWorker = {
    register: () => new Promise(() => {}),
    getRegistration: async () => undefined,
    getRegistrations: async () => [],
    ready: new Promise(() => {}),
    controller: null,
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(navigator, 'serviceWorker', { value: noWorker, configurable: true });
  class RecordingNotification {
    static permission = 'default';
    static async requestPermission() {
      RecordingNotification.permission = 'granted';
      return 'granted';
    }
    constructor(title, options) {
      window.__shown.push({ title, body: options?.body ?? '' });
    }
    close() {}
  }
  window.Notification = RecordingNotification;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the reminders page', () => {
  const suite = serveAndBrowse({ program: intake });
  let program;
  before(async () => {
    program = (await (await fetch(`${suite.server.url}/api/v1/program`)).json()).plan.program;
  });

  it('saves the settings, and they come back after a reload', async () => {
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/reminders`);
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    await page.getByLabel('Session time 1').fill('07:30');
    await page.getByRole('checkbox', { name: 'Saturday' }).check();
    await page.getByRole('button', { name: 'Save reminder times' }).click();
    await page.getByText('Saved.', { exact: false }).waitFor();
    const stored = await (await fetch(`${suite.server.url}/api/v1/reminders`)).json();
    assert.ok(stored.session_times.includes('07:30'), JSON.stringify(stored));
    assert.ok(stored.work_days.includes(6), JSON.stringify(stored));

    await page.reload();
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Session time 1').inputValue(), '07:30');
    assert.equal(await page.getByRole('checkbox', { name: 'Saturday' }).isChecked(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('refuses a working day that ends before it starts, before sending it', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    await page.goto(`${suite.server.url}/#/reminders`);
    await page.getByLabel('Work ends').fill('08:00');
    await page.getByText('The working day must end after it starts.').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save reminder times' }).isDisabled(), true);
    await context.close();
  });

  it('offers the calendar file, which is text/calendar with the saved times', async () => {
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/reminders`);
    const link = page.getByRole('link', { name: 'Download the calendar file' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.notEqual(await link.getAttribute('download'), null);
    const response = await fetch(new URL(href, suite.server.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/calendar/);
    const text = await response.text();
    assert.match(text, /BEGIN:VCALENDAR/);
    assert.match(text, /DTSTART:\d{8}T073000/);
    const settings = await (await fetch(`${suite.server.url}/api/v1/reminders`)).json();
    assertReadsAsACalendar(text, program.desk_break_minutes, settings.work_days);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows a desk break when its time comes, once notifications are on', async () => {
    const settings = await (await fetch(`${suite.server.url}/api/v1/reminders`)).json();
    const [h, m] = settings.work_start.split(':').map(Number);
    // The Monday after today, a minute before the first desk break.
    const day = new Date();
    day.setDate(day.getDate() + ((8 - day.getDay()) % 7 || 7));
    const firstBreak = new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m + program.desk_break_minutes);
    const { context, page, problems } = await openPage(suite.browser, PHONE);
    await page.addInitScript(recordNotifications);
    await page.clock.install({ time: new Date(firstBreak.getTime() - 60_000) });
    await page.goto(`${suite.server.url}/#/reminders`);
    await page.getByRole('button', { name: 'Turn on notifications' }).click();
    await page.getByText('Notifications are on for this browser.', { exact: false }).waitFor();
    await sleep(1000); // let the reminder loader fetch settings and program
    assert.deepEqual(await page.evaluate(() => window.__shown), [], 'nothing before its time');
    await page.clock.runFor(2 * 60_000);
    let shown = [];
    for (let i = 0; i < 20 && shown.length === 0; i += 1) {
      await sleep(100);
      shown = await page.evaluate(() => window.__shown);
    }
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0].title, 'Time for a desk break');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'reminders');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it(`passes axe at ${DESKTOP.width} px`, async () => {
    const { context, page, problems } = await openPage(suite.browser, DESKTOP);
    await page.goto(`${suite.server.url}/#/reminders`);
    await page.getByRole('button', { name: 'Save reminder times' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'reminders');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
