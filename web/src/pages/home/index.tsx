import { Page } from '../../components/ui';
export function HomePage() {
  return <Page title="Today"><p>Coming soon.</p></Page>;
}
