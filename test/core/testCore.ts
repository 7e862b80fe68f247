import path from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../src/main/core/createCore.ts';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { jsonFilePersistence, plainSecretBox } from '../../src/main/core/settings/persistence.ts';

/** A core as the bridge builds one (settings.json in the data folder, no keychain), changed by `deps`. */
export function createTestCore(dataFolder: string, deps: Partial<CoreDeps> = {}): Core {
  return createCore({
    dataFolder,
    persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
    secretBox: plainSecretBox,
    version: 'test',
    desktop: headlessDesktop(dataFolder),
    ...deps,
  });
}
