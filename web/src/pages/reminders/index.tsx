import { Page } from '../../components/ui';
export function RemindersPage(_props: Record<string, unknown>) {
  return <Page title="Reminders"><p>Coming soon.</p></Page>;
}
