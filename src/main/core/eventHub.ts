import type { AppEvent, AppEventListener } from '../../shared/events.ts';

export type EventHub = {
  emit(event: AppEvent): void;
  subscribe(listener: AppEventListener): () => void;
};

export function createEventHub(): EventHub {
  const listeners = new Set<AppEventListener>();
  return {
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
