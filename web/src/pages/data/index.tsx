import { Page } from '../../components/ui';
export function DataPage(_props: Record<string, unknown>) {
  return <Page title="Your data"><p>Coming soon.</p></Page>;
}
