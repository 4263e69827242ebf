// The app frame: a skip link, the navigation, and the page the hash names. The session player
// takes the whole screen (no navigation) so nothing distracts on the floor. In a clinic the page
// waits for GET /api/v1/me (api/session.ts): without a session every address shows the sign-in
// page, and once signed in the header says who and offers to sign out. Personal mode looks as
// it always did.
import type { Gate } from './api/session';
import { AccountBar, useGate } from './components/account';
import { DataPage } from './pages/data';
import { HomePage } from './pages/home';
import { LearnPage } from './pages/learn';
import { LibraryPage } from './pages/library';
import { OnboardingPage } from './pages/onboarding';
import { ProgramPage } from './pages/program';
import { ProgressPage } from './pages/progress';
import { RemindersPage } from './pages/reminders';
import { SessionPage } from './pages/session';
import { SharePage } from './pages/share';
import { NoSignInPage, SignedInRedirect, SignInPage } from './pages/sign-in';
import { OutboxNotice } from './pages/session/outbox-notice';
import { type Route, useRoute } from './router';

const NAVIGATION = [
  { path: '/', label: 'Today' },
  { path: '/program', label: 'Program' },
  { path: '/exercises', label: 'Exercises' },
  { path: '/progress', label: 'Progress' },
  { path: '/learn', label: 'Learn' },
  { path: '/reminders', label: 'Reminders' },
  { path: '/data', label: 'Your data' },
];

function pageFor(route: Route, gate: Gate) {
  if (gate.state === 'sign-in') return <SignInPage route={route} token={gate.token} />;
  switch (route.segments[0]) {
    case undefined:
      return <HomePage />;
    case 'start':
      return <OnboardingPage />;
    case 'program':
      return <ProgramPage />;
    case 'session':
      return <SessionPage route={route} />;
    case 'progress':
      return <ProgressPage />;
    case 'exercises':
      return <LibraryPage />;
    case 'share':
      return <SharePage />;
    case 'learn':
      return <LearnPage topic={route.segments[1]} />;
    case 'reminders':
      return <RemindersPage />;
    case 'data':
      return <DataPage />;
    case 'sign-in':
      if (gate.state === 'signed-in') return <SignedInRedirect route={route} />;
      if (gate.state === 'open' && gate.personal) return <NoSignInPage />;
      return <SignInPage route={route} />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  return (
    <section class="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <a href="#/">Go to today's page</a>.
      </p>
    </section>
  );
}

export function App() {
  const route = useRoute();
  const gate = useGate();
  // Until /me answers (a moment on the same computer) no page asks for anything, so a clinic
  // shows no error before its sign-in page.
  const checking = gate.state === 'checking';
  const signingIn = gate.state === 'sign-in';
  const fullScreen = !signingIn && (route.segments[0] === 'session' || route.segments[0] === 'start');
  const current = `/${route.segments[0] ?? ''}`;
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      {!fullScreen && (
        <header class="app-header">
          <a class="brand" href="#/" aria-label="Unload, today's page">
            <img src="/icon.svg" alt="" width="28" height="28" />
            <span>Unload</span>
          </a>
          {!checking && !signingIn && (
            <nav aria-label="Main">
              <ul>
                {NAVIGATION.map((item) => (
                  <li key={item.path}>
                    <a href={`#${item.path}`} aria-current={current === item.path ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {gate.state === 'signed-in' && <AccountBar username={gate.account.username} />}
        </header>
      )}
      <main id="main" class={fullScreen ? 'main main-full' : 'main'}>
        {!fullScreen && !checking && !signingIn && <OutboxNotice />}
        {!checking && pageFor(route, gate)}
      </main>
      {!fullScreen && (
        <footer class="app-footer">
          <p>Unload is coaching and decision support, not a diagnosis. If something feels wrong, see a clinician.</p>
        </footer>
      )}
    </>
  );
}

/** The skip link must not change the hash (that is the route): move focus instead. */
function skipToMain(event: Event) {
  event.preventDefault();
  const heading = document.querySelector<HTMLElement>('#main h1');
  (heading ?? document.getElementById('main'))?.focus();
}
