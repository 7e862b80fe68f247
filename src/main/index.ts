import path from 'node:path';
// electron-vite builds the query threads' module as a file of its own and gives its path.
// eslint-disable-next-line boundaries/no-unknown-dependencies -- the "?modulePath" suffix is electron-vite's, not a file
import itemQueryWorker from './core/items/itemQueryWorker.ts?modulePath';
import { startApp } from './startApp.ts';

void startApp({
  preloadDir: path.join(__dirname, '../preload'),
  rendererDir: path.join(__dirname, '../renderer'),
  itemQueryWorker,
});
