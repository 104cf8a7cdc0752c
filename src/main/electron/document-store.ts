import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { corruptFileName } from '../node/corrupt-file-name';
import type { DocumentStore } from '../node/ports';

// electron-store as the app's DocumentStore: `config.json` in the user-data folder, read
// and written whole. It is told never to clear an invalid file itself (clearInvalidConfig
// false): the vault decides, and an unreadable file is moved aside, not deleted.

type SettingsStore = Store<Record<string, unknown>>;

export function createElectronDocumentStore(): DocumentStore {
  const file = join(app.getPath('userData'), 'config.json');
  let store = open();

  function open(): SettingsStore | null {
    try {
      return new Store<Record<string, unknown>>({
        clearInvalidConfig: false,
        watch: false,
        // Only the user may read it: the account summary is personal, if not secret.
        configFileMode: 0o600,
      });
    } catch {
      return null; // a file it cannot parse can fail the constructor: read() reports it
    }
  }

  return {
    read() {
      if (!store) throw new Error('The settings file could not be opened.');
      return store.store;
    },
    write(doc) {
      store ??= open();
      if (!store) throw new Error('The settings file could not be opened.');
      store.store = doc;
    },
    setAside() {
      const target = store?.path ?? file;
      let aside: string | null = null;
      if (existsSync(target)) {
        aside = corruptFileName(target);
        renameSync(target, aside);
      }
      store = open();
      return aside;
    },
  };
}
