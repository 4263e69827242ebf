// `#/start` runs the first onboarding; `#/start/rescreen` asks the warning-sign questions again
// before the next session. Both read the questions from GET /api/v1/intake/form.
import { useMemo } from 'preact/hooks';
import type { IntakeForm, StoredIntake } from '../../api/types';
import { ErrorNotice, Loading, useApi } from '../../components/ui';
import { useRoute } from '../../router';
import { Flow } from './flow';
import './onboarding.css';
import { rescreenConfig } from './rescreen';
import { onboardingConfig } from './start';

export function OnboardingPage(_props: Record<string, unknown>) {
  const route = useRoute();
  return route.segments[1] === 'rescreen' ? <Rescreen /> : <Onboarding />;
}

function Onboarding() {
  const form = useApi<IntakeForm>('/api/v1/intake/form');
  if (form.state !== 'ready') return <Waiting loaded={form} what="the questions" />;
  return <Flow form={form.data} config={onboardingConfig} label="the questions" />;
}

function Rescreen() {
  const form = useApi<IntakeForm>('/api/v1/intake/form');
  const latest = useApi<StoredIntake>('/api/v1/intake');
  const config = useMemo(
    () => (latest.state === 'ready' ? rescreenConfig(latest.data.intake) : null),
    [latest.state === 'ready' ? latest.data : null],
  );
  if (form.state !== 'ready') return <Waiting loaded={form} what="the questions" />;
  if (latest.state !== 'ready' || !config) return <Waiting loaded={latest} what="your last answers" />;
  return <Flow form={form.data} config={config} label="the safety questions" />;
}

function Waiting(props: { loaded: { state: string; error?: unknown; retry?: () => void }; what: string }) {
  return (
    <section class="flow-body" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Getting started
      </h1>
      {props.loaded.state === 'error' ? (
        <ErrorNotice error={props.loaded.error} retry={props.loaded.retry} />
      ) : (
        <Loading what={props.what} />
      )}
    </section>
  );
}
