import { useCallback, useEffect, useState } from 'react';
import type { AppEvent } from '../../../shared/events.ts';
import type { StorageState } from '../../../shared/storage.ts';
import { api, useAppEvents } from '../hooks/api.ts';

/**
 * Whether the core has a database to work with: asked once at start, and told when damage turns up
 * later. `update` takes the state a recovery action answered.
 */
export function useStorageState() {
  const [state, setState] = useState<StorageState>();
  useEffect(() => {
    void api.getStorageState().then(setState);
  }, []);
  useAppEvents(
    useCallback((event: AppEvent) => {
      if (event.type === 'storage-problem') setState((s) => s && { ...s, problem: event.problem });
    }, []),
  );
  return { state, update: setState };
}
