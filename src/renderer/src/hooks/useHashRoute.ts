import { useEffect, useState } from 'react';

export const PAGES = ['dashboard', 'items', 'settings'] as const;
export type Page = (typeof PAGES)[number];

const pageOf = (hash: string): Page => {
  const name = hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'dashboard';
};

/** The current page lives in the URL hash, so a reload stays where the user was. */
export function useHashRoute(): [Page, (page: Page) => void] {
  const [page, setPage] = useState<Page>(() => pageOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [page, (next) => (window.location.hash = `#/${next}`)];
}
