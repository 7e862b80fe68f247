import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGES = ['dashboard', 'items', 'settings'] as const;
export type Page = (typeof PAGES)[number];

/**
 * Where the user is, kept in the URL hash so a reload stays there: a page of the sidebar, Settings
 * opened at one field ("#/settings?field=github.token"), or one run's page ("#/runs/12").
 */
export type Route =
  { page: 'dashboard' | 'items' } | { page: 'settings'; field?: string } | { page: 'run'; runId: number };

export function routeOf(hash: string): Route {
  const [name, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const run = /^runs\/(\d+)$/.exec(name);
  if (run) return { page: 'run', runId: Number(run[1]) };
  if (name === 'settings') {
    const field = new URLSearchParams(query).get('field');
    return field ? { page: 'settings', field } : { page: 'settings' };
  }
  return name === 'items' ? { page: 'items' } : { page: 'dashboard' };
}

export function hashOf(route: Route): string {
  if (route.page === 'run') return `#/runs/${route.runId}`;
  if (route.page === 'settings' && route.field) return `#/settings?field=${encodeURIComponent(route.field)}`;
  return `#/${route.page}`;
}

/**
 * The current route and a way to go elsewhere. `mayLeave` is asked before every change of page, also
 * one made outside the app's own links (Back, a link that sets the hash): answering false keeps the
 * user where they are, with the address put back.
 */
export function useHashRoute(mayLeave: (to: Route) => boolean): [Route, (to: Route) => void] {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  const current = useRef(route);
  const ask = useRef(mayLeave);
  useEffect(() => {
    ask.current = mayLeave;
  });

  const enter = useCallback((to: Route) => {
    current.current = to;
    setRoute(to);
  }, []);

  useEffect(() => {
    const onChange = () => {
      const to = routeOf(window.location.hash);
      if (to.page !== current.current.page && !ask.current(to)) {
        window.history.replaceState(null, '', hashOf(current.current));
        return;
      }
      enter(to);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [enter]);

  const go = useCallback(
    (to: Route) => {
      if (to.page !== current.current.page && !ask.current(to)) return;
      if (hashOf(to) !== window.location.hash) window.history.pushState(null, '', hashOf(to));
      enter(to);
    },
    [enter],
  );
  return [route, go];
}
