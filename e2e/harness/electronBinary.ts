import fs from 'node:fs';
import path from 'node:path';

/** Electron >= 42 downloads its binary on demand; path.txt and dist/ exist only once it has. */
export const electronBinaryPresent = () =>
  fs.existsSync(path.join('node_modules', 'electron', 'path.txt')) &&
  fs.existsSync(path.join('node_modules', 'electron', 'dist'));
