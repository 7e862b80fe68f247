import type { WindowApi } from '../../shared/api.ts';

declare global {
  interface Window {
    /** Put there by the preload (Electron) or by the browser-test bridge's init script. */
    readonly api: WindowApi;
  }
}
