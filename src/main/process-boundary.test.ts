import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Only index.ts and the electron-*.ts adapters may load Electron: everything else in
// src/main runs under Vitest and in the web-mode e2e bridge, where no Electron exists.

const dir = __dirname;
const ELECTRON_IMPORT = /from\s+['"](electron|electron-store|@electron-toolkit\/[^'"]+)['"]|require\(\s*['"]electron/;

describe('the Electron boundary in src/main', () => {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.ts'));

  it.each(files.filter((name) => name !== 'index.ts' && !name.startsWith('electron-')))(
    '%s does not import Electron',
    (name) => {
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).not.toMatch(ELECTRON_IMPORT);
    },
  );

  it('the test doubles do not import Electron either', () => {
    const doubles = path.resolve(dir, '../../test/support/main-doubles.ts');
    expect(fs.readFileSync(doubles, 'utf8')).not.toMatch(ELECTRON_IMPORT);
  });
});
