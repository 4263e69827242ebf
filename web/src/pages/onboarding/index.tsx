import { Page } from '../../components/ui';
export function OnboardingPage(_props: Record<string, unknown>) {
  return <Page title="Getting started"><p>Coming soon.</p></Page>;
}
