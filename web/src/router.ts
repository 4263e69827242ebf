// Hash routing (`/#/program`): the server serves one page at `/`, so every view lives after the
// `#` and a reload or an installed app's start URL always finds the app.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path after `#`, without query: `/learn/sleep`. */
  path: string;
  /** The path split on `/`: `['learn', 'sleep']`. */
  segments: string[];
  /** Query parameters after the path: `#/session?speed=20`. */
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return {
    path,
    segments: path.split('/').filter((segment) => segment !== '').map(decodeURIComponent),
    query: new URLSearchParams(queryPart),
  };
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
