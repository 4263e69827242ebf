// The review screen's summary of the answers: one short entry per screen, in the words the form
// used, so the person can check what they said before anything is stored.
import type { IntakeField, IntakeForm, IntakeQuestion } from '../../api/types';
import { type Answers, METRIC_UNITS, NEVER_TRIED, fieldAsked, readField, sideAsked } from './answers';
import type { Step } from './steps';

export interface SummaryLine {
  label: string;
  value: string;
}

export interface SummaryGroup {
  step: string;
  title: string;
  lines: SummaryLine[];
}

const SIDE_WORDS: Record<string, string> = { left: 'left leg', right: 'right leg', both: 'both legs' };

function factLines(questions: IntakeQuestion[], answers: Answers): SummaryLine[] {
  const unsure = (question: IntakeQuestion) => answers.unsure.includes(question.id);
  const yes = questions.filter((question) => answers.facts[question.id] === true && !unsure(question)).map((question) => question.text);
  const lines = [{ label: 'You answered yes to', value: yes.length > 0 ? yes.join('; ') : 'none of these' }];
  const notSure = questions.filter((question) => answers.facts[question.id] === true && unsure(question));
  if (notSure.length > 0) {
    lines.push({ label: 'Not sure, so counted as yes', value: notSure.map((question) => question.text).join('; ') });
  }
  return lines;
}

/** What was typed in pounds or feet and inches, beside the metric value the intake gets. */
function imperialWords(path: string, answers: Answers): string {
  if (answers.units !== 'imperial') return '';
  const { lb, ft, in: inches } = answers.imperial;
  if (path === 'person.weight_kg' && lb?.trim()) return ` (${lb.trim()} lb)`;
  if (path === 'person.height_cm' && (ft?.trim() || inches?.trim())) return ` (${ft?.trim() || 0} ft ${inches?.trim() || 0} in)`;
  return '';
}

/** A field's answer in words. */
export function fieldAnswer(field: IntakeField, answers: Answers): string {
  const answer = answers.fields[field.path];
  switch (field.type) {
    case 'integer':
    case 'number': {
      const parsed = readField(field, answers);
      if (!parsed.ok) return 'Not answered';
      if (parsed.value === null) return 'Not given';
      if (field.path === 'minutes_per_session') return `${parsed.value} minutes`;
      const unit = METRIC_UNITS[field.path];
      return unit ? `${parsed.value} ${unit}${imperialWords(field.path, answers)}` : String(parsed.value);
    }
    case 'boolean':
      if (answer === NEVER_TRIED) return 'Never tried (counted as no)';
      return answer === true ? 'Yes' : answer === false ? 'No' : 'Not answered';
    case 'choice':
      return (field.options ?? []).find((option) => option.value === answer)?.label ?? 'Not answered';
    case 'equipment': {
      const chosen = Array.isArray(answer) ? answer : [];
      const labels = (field.options ?? []).filter((option) => chosen.includes(option.value)).map((option) => option.label);
      return labels.length > 0 ? labels.join('; ') : 'None of these';
    }
  }
}

function fieldLines(form: IntakeForm, paths: string[], answers: Answers): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const path of paths) {
    const field = form.fields.find((f) => f.path === path);
    if (!field || !fieldAsked(path, answers)) continue;
    lines.push({ label: field.question, value: fieldAnswer(field, answers) });
    if (path === 'symptoms.leg' && sideAsked(answers) && answers.legSide) {
      lines.push({ label: 'Which leg', value: SIDE_WORDS[answers.legSide] ?? answers.legSide });
    }
  }
  return lines;
}

/** The summary of every screen that has answers to show, in the order they were asked. */
export function summarize(form: IntakeForm, steps: Step[], answers: Answers): SummaryGroup[] {
  const groups: SummaryGroup[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'welcome':
      case 'review':
        break;
      case 'topic':
        groups.push({ step: step.id, title: step.title, lines: factLines(step.topic.questions, answers) });
        break;
      case 'patterns':
        groups.push({ step: step.id, title: step.title, lines: factLines(step.questions, answers) });
        break;
      case 'fields':
      case 'legs':
        groups.push({ step: step.id, title: step.title, lines: fieldLines(form, step.paths, answers) });
        break;
      case 'function': {
        const chosen = form.questionnaires.find((q) => q.id === answers.function);
        groups.push({
          step: step.id,
          title: step.title,
          lines: [{ label: 'Questionnaire', value: chosen ? chosen.title : 'Skipped for now' }],
        });
        break;
      }
      case 'questionnaire': {
        if (step.from !== 0) break;
        const given = answers.scores[step.questionnaire.id] ?? {};
        const answered = step.questionnaire.questions.filter((_, index) => {
          const value = given[String(index)];
          return value !== undefined && value !== null;
        }).length;
        const value = answers.skipped.includes(step.questionnaire.id)
          ? 'Skipped'
          : `${answered} of ${step.questionnaire.questions.length}`;
        groups.push({ step: step.id, title: step.questionnaire.title, lines: [{ label: 'Questions answered', value }] });
        break;
      }
    }
  }
  return groups;
}
