import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { corruptFileName } from './corrupt-file-name';
import type { DocumentStore } from './ports';

// The settings document as a plain JSON file (the app's `config.json` in its data folder,
// the same file and format electron-store wrote, so existing settings carry over).
// electron-store is not used: its constructor registers an ipcMain listener of its own
// ('electron-store-get-data'), a door outside the validating router. Writes are atomic
// (a temporary file, flushed, then renamed over) and readable by the user only.

export function createJsonFileStore(file: string): DocumentStore {
  return {
    read() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
      } catch {
        // Names the file but does not quote it: the parser's message would.
        throw new SyntaxError(`The settings file \`${file}\` is not valid JSON.`);
      }
    },
    write(doc) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeSync(fd, `${JSON.stringify(doc, null, '\t')}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      try {
        fs.renameSync(tmp, file);
      } catch (error) {
        fs.rmSync(tmp, { force: true });
        throw error;
      }
    },
    setAside() {
      if (!fs.existsSync(file)) return null;
      const aside = corruptFileName(file);
      fs.renameSync(file, aside);
      return aside;
    },
  };
}
