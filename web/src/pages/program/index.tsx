import { Page } from '../../components/ui';
export function ProgramPage(_props: Record<string, unknown>) {
  return <Page title="Your program"><p>Coming soon.</p></Page>;
}
