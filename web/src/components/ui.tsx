// Small building blocks every page uses: a page frame that names itself to screen readers, a
// loading line, an error notice that says which field was wrong, and a hook that loads a document.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { signInAddress } from '../api/session';
import { parseHash } from '../router';
import { TokenForm } from './token';

export function Page(props: { title: string; children: ComponentChildren; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Unload`;
    // After a route change, move focus to the new page's heading so keyboard and screen-reader
    // users start at the top of what changed.
    heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <section class={props.wide ? 'page page-wide' : 'page'} aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      {props.children}
    </section>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      Loading {props.what}…
    </p>
  );
}

export function ErrorNotice(props: { error: unknown; retry?: () => void }) {
  const error = props.error;
  const message =
    error instanceof ApiError
      ? error.field
        ? `${error.message} (${error.field})`
        : error.message
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div class="notice notice-error" role="alert">
      <p>{message}</p>
      {error instanceof ApiError && error.code === 'unauthorized' && (
        <>
          <p>This Unload server needs its access token. Ask whoever runs it, then enter it here.</p>
          {/* Every request on the page failed the same way: load the page again with the token. */}
          <TokenForm compact onSaved={() => window.location.reload()} />
          {/* A clinic that also has a token: a person with an account signs in instead. */}
          <p>
            Or, if you were given a user name and password, <a href={`#${signInHere()}`}>sign in</a> instead.
          </p>
        </>
      )}
      {props.retry && (
        <button type="button" class="button" onClick={props.retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The sign-in address that comes back to the page open now. */
function signInHere(): string {
  const route = parseHash(window.location.hash);
  const query = route.query.toString();
  return signInAddress(query ? `${route.path}?${query}` : route.path);
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/** Loads `path` with GET and reloads it on demand; `null` skips loading. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setResult({ state: 'loading' });
    api.get<T>(path).then(
      (data) => live && setResult({ state: 'ready', data, reload }),
      (error: unknown) => live && setResult({ state: 'error', error, retry: reload }),
    );
    return () => {
      live = false;
    };
  }, [path, generation, reload]);
  return result;
}

/** Renders a loaded document, or its loading line or error. */
export function Show<T>(props: { loaded: Loaded<T>; what: string; children: (data: T) => ComponentChildren }) {
  const loaded = props.loaded;
  if (loaded.state === 'loading') return <Loading what={props.what} />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} retry={loaded.retry} />;
  return <>{props.children(loaded.data)}</>;
}
