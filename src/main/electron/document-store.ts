import { join } from 'node:path';
import { app } from 'electron';
import { createJsonFileStore } from '../node/json-file-store';
import type { DocumentStore } from '../node/ports';

/** `config.json` in the user-data folder, as a plain JSON file (json-file-store.ts says why not electron-store). */
export function createElectronDocumentStore(): DocumentStore {
  return createJsonFileStore(join(app.getPath('userData'), 'config.json'));
}
