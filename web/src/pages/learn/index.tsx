import { Page } from '../../components/ui';
export function LearnPage(_props: Record<string, unknown>) {
  return <Page title="Learn"><p>Coming soon.</p></Page>;
}
