import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, EVENT_CHANNEL } from '../shared/api.ts';
import type { Core } from './core/createCore.ts';

/**
 * Registers one handler per channel of the contract. The core validates every argument; here we only
 * make sure the call comes from our own window's top frame.
 */
export function registerIpc(core: Core, isTrustedUrl: (url: string) => boolean): () => void {
  const checkSender = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      throw new Error(`Refused IPC from ${frame?.url ?? 'an unknown frame'}`);
    }
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      checkSender(event);
      return (core[channel] as (...a: unknown[]) => Promise<unknown>)(...args);
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Forwards every core event to a window. */
export function forwardEvents(core: Core, target: () => WebContents | undefined): () => void {
  return core.onEvent((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
