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
