import { Page } from '../../components/ui';
export function ProgressPage(_props: Record<string, unknown>) {
  return <Page title="Progress"><p>Coming soon.</p></Page>;
}
