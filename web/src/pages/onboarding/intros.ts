// One plain sentence for each questionnaire: what it is about and why Unload asks it, shown before
// its own instructions and beside it where the person picks one. The form gives each
// questionnaire's name and how to answer it, but not this; a questionnaire without a sentence
// here is shown with its instructions alone.
import type { Questionnaire } from '../../api/types';

const INTROS: Readonly<Record<string, (count: number) => string>> = {
  odi: (count) =>
    `It asks, in ${count} questions, how much your back gets in the way of everyday things such as sitting, walking and sleeping, so you can watch that change over the weeks.`,
  rmdq: (count) =>
    `It lists ${count} things back pain can stop a person doing, each answered yes or no for today, so you can watch that change over the weeks.`,
  startback: (count) =>
    `It asks ${count} short questions about how the pain is affecting you, so Unload can tell whether extra support from a physical therapist would help.`,
};

export function questionnaireIntro(questionnaire: Questionnaire): string | undefined {
  return INTROS[questionnaire.id]?.(questionnaire.questions.length);
}
