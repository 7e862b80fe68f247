import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, type WindowApi } from '../shared/api.ts';
import type { AppEvent, AppEventListener } from '../shared/events.ts';

// Derived from the contract: one invoke per channel, plus the single event subscription.
const api = {
  ...Object.fromEntries(
    CHANNELS.map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
  ),
  onEvent(listener: AppEventListener) {
    const handler = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
} as unknown as WindowApi;

contextBridge.exposeInMainWorld('api', api);
