import fs from 'node:fs';
import path from 'node:path';

// plex.tv lists every client identifier as a device and mails the user about each new
// one, so a program must make its identifier once and reuse it on every run.

const VALID = /^[A-Za-z0-9-]{8,128}$/;

/** Reads the identifier stored in `file`, or makes one and stores it there. */
export function loadOrCreateClientIdentifier(file: string): string {
  const existing = readIdentifier(file);
  if (existing) return existing;

  // The global Web Crypto loads node:crypto only when an identifier is first made.
  const id = globalThis.crypto.randomUUID();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written to a temporary file then renamed, so a crash never leaves half an identifier.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${id}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  // Two processes racing on first run: the rename that landed last wins, so use that one.
  return readIdentifier(file) ?? id;
}

function readIdentifier(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const id = text.trim();
  // An unreadable value (truncated, edited by hand) is replaced rather than sent.
  return VALID.test(id) ? id : null;
}
