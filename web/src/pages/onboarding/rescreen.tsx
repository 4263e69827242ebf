// The re-screen (`#/start/rescreen`): after a session stop for new numbness or weakness, the
// warning-sign questions are asked again before the next session. The engine is asked after each
// screen, as in onboarding, and the answers are stored with POST /api/v1/rescreen at the end.
import { api } from '../../api/client';
import type { Intake, IntakeForm, Screen } from '../../api/types';
import { type Answers, buildRescreen, applyRescreen, emptyAnswers } from './answers';
import type { FlowConfig } from './flow';
import { ScreenSummary } from './results';
import { rescreenSteps } from './steps';
import { RESCREEN_KEY, forget } from './storage';
import { headlineOf, stopsOnboarding } from './verdict';

export function rescreenConfig(latest: Intake): FlowConfig {
  // A stop can come before the leg question is reached: the legs stay as last answered then.
  const answersNow = (form: IntakeForm, answers: Answers) => {
    const body = buildRescreen(form, answers);
    if (answers.fields['symptoms.leg'] === undefined) body.leg = latest.symptoms.leg ?? 'none';
    return body;
  };
  return {
    storageKey: RESCREEN_KEY,
    steps: (form) => rescreenSteps(form),
    initialAnswers: () => emptyAnswers(),
    check: (form, answers) => api.post<Screen>('/api/v1/screen', applyRescreen(latest, answersNow(form, answers))),
    // Stored as a re-screen like any other, so the server stops the program.
    recordStop: (form, answers) => api.post<Screen>('/api/v1/rescreen', answersNow(form, answers)),
    finish: async (form, answers) => {
      const screen = await api.post<Screen>('/api/v1/rescreen', answersNow(form, answers));
      // Stored on the server now; a stop keeps the copy here so "I answered wrongly" finds it.
      if (!stopsOnboarding(screen)) forget(RESCREEN_KEY);
      return screen;
    },
    finishLabel: 'Send my answers',
    finishedTitle: 'Thank you, your answers are saved',
    renderFinished: (screen, form) => <RescreenDone screen={screen} form={form} />,
  };
}

/** After a re-screen that did not stop: what screening says now, and the way back to today. */
function RescreenDone(props: { screen: Screen; form: IntakeForm }) {
  const { screen } = props;
  const needsCheck = screen.warnings.length > 0;
  return (
    <div class="rescreen-done">
      {needsCheck && (
        <p class="notice notice-warn review-headline">{headlineOf(screen)}</p>
      )}
      <ScreenSummary screen={screen} />
      <div class="button-row">
        <a class="button button-primary" href="#/">
          Go to today's page
        </a>
      </div>
    </div>
  );
}
