import { useCallback, useEffect, useRef, useState } from 'react';
import { hashOf, routeOf, type Route } from './routes.ts';

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
