import { Page } from '../../components/ui';
export function SessionPage(_props: Record<string, unknown>) {
  return <Page title="Session"><p>Coming soon.</p></Page>;
}
