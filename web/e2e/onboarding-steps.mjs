// Steps through onboarding (`#/start`) as a person would: by the words on the screen, which come
// from the server's own form (GET /api/v1/intake/form), passed in as `form`.
import assert from 'node:assert/strict';

/** The form's field at `path` (`person.age`, `symptoms.leg`, ...). */
export function formField(form, path) {
  const found = form.fields.find((f) => f.path === path);
  assert.ok(found, `the form has a field ${path}`);
  return found;
}

/** Waits for the step whose heading is `title` and checks focus moved to it. */
export async function onStep(page, title) {
  const heading = page.getByRole('heading', { level: 1, name: title, exact: true });
  await heading.waitFor();
  await page.waitForFunction((text) => document.activeElement?.textContent === text, title);
}

export async function next(page) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/** Answers one yes/no question by its words. */
export async function answer(page, words, yes) {
  await page.getByRole('group', { name: words, exact: true }).getByRole('radio', { name: yes ? 'Yes' : 'No', exact: true }).check();
}

/** Answers every yes/no question on the screen with No, except the ids in `yes`. */
export async function answerTopic(page, topic, yes = []) {
  for (const q of topic.questions) await answer(page, q.question, yes.includes(q.id));
}

/** The "About you" step: a woman of 46, not pregnant. */
export async function aboutYou(page, form) {
  await onStep(page, 'About you');
  await page.getByLabel(formField(form, 'person.age').question).fill('46');
  await page.getByRole('group', { name: formField(form, 'person.sex').question }).getByRole('radio', { name: 'Female', exact: true }).check();
  await answer(page, formField(form, 'person.pregnant').question, false);
  await next(page);
}

/** Picks `option` in the radio group named `words` ("Not sure", "Never tried", a unit). */
export async function choose(page, words, option) {
  await page.getByRole('group', { name: words, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** Presses "Skip this section" on an optional section (a questionnaire). */
export async function skipSection(page) {
  await page.getByRole('button', { name: 'Skip this section', exact: true }).click();
}

/** The "Step 3 of 9" the progress bar names on this screen, as numbers, or null on the welcome. */
export async function stepCounter(page) {
  const bar = page.getByRole('progressbar', { name: /^Step \d+ of \d+$/ });
  if ((await bar.count()) === 0) return null;
  const [, number, total] = /^Step (\d+) of (\d+)$/.exec(await bar.getAttribute('aria-label'));
  return { number: Number(number), total: Number(total) };
}
