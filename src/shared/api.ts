import { z } from 'zod';
import type { ConnectionDraft, ConnectionReport } from './connection.ts';
import { connectionDraftSchema } from './connection.ts';
import type { AppEventListener } from './events.ts';
import { ITEMS_API_INPUTS, type ItemsApi } from './itemsContract.ts';
import { RUN_DETAILS_API_INPUTS, RUNS_API_INPUTS, type RunDetailsApi, type RunsApi } from './runsContract.ts';
import type { PublicSettings, SaveSettingsResult, SettingsInput } from './settings.ts';
import { STORAGE_API_INPUTS, type StorageApi } from './storage.ts';

export type AppInfo = {
  version: string;
  /** The data folder in use (database and logs). */
  dataFolder: string;
  /** A data folder saved in Settings that takes effect at the next start. */
  dataFolderPending?: string;
  logFile: string;
  databaseFile: string;
  /** The settings file (0600): where the secrets are, in plain text when not encrypted. */
  settingsFile?: string;
  /** Whether secrets are encrypted at rest on this machine (Electron safeStorage). */
  secretsEncrypted: boolean;
};

export interface SettingsApi {
  getAppInfo(): Promise<AppInfo>;
  getSettings(): Promise<PublicSettings>;
  saveSettings(input: SettingsInput): Promise<SaveSettingsResult>;
  testConnection(draft: ConnectionDraft): Promise<ConnectionReport>;
}

/**
 * The one contract between the renderer and the main process. The preload, the IPC registration, the
 * browser-test bridge and the renderer hooks are all derived from API_INPUTS below.
 */
export interface Api extends SettingsApi, StorageApi, ItemsApi, RunsApi, RunDetailsApi {}

/**
 * Zod schemas of each method's arguments, checked in the main process before the core is called.
 * saveSettings takes `unknown` on purpose: the core validates it and answers with a message per field
 * instead of throwing.
 */
export const API_INPUTS = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([z.unknown()]),
  testConnection: z.tuple([connectionDraftSchema]),
  ...STORAGE_API_INPUTS,
  ...ITEMS_API_INPUTS,
  ...RUNS_API_INPUTS,
  ...RUN_DETAILS_API_INPUTS,
} as const satisfies Record<keyof Api, z.ZodTuple>;

export type Channel = keyof Api;
export const CHANNELS = Object.keys(API_INPUTS) as Channel[];

/** The single push channel for AppEvents. */
export const EVENT_CHANNEL = 'app-event';

/** What the preload (and the browser-test bridge) put on `window.api`. */
export type WindowApi = Api & { onEvent(listener: AppEventListener): () => void };
