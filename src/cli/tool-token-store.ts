import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { userConfigDir } from '../core/config-dir';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

// The tool tokens this install made, as `plex-signin token list` shows them. Only what is
// not secret is kept (name, client identifier, when): the token itself is printed once and
// never written here, and revoking works from the client identifier alone.

export interface StoredToolToken {
  name: string;
  clientIdentifier: string;
  createdAt: string;
}

const fileSchema = z.object({
  version: z.literal(1),
  tokens: z.array(
    z.object({
      name: z.string().check(z.minLength(1), z.maxLength(256)),
      clientIdentifier: z.string().check(z.regex(/^[A-Za-z0-9-]{8,128}$/)),
      createdAt: z.string().check(z.maxLength(64)),
    }),
  ),
});

export function toolTokenFile(env: NodeJS.ProcessEnv): string {
  return path.join(userConfigDir('plex-signin', env), 'tool-tokens.json');
}

/** The stored list; empty when the file does not exist yet. A damaged file is reported, never overwritten. */
export function loadToolTokens(file: string): StoredToolToken[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CliError(
      `Could not read the list of tool tokens in ${file}; check that file's permissions.`,
      EXIT.internal,
    );
  }
  let parsed: ReturnType<typeof fileSchema.safeParse>;
  try {
    parsed = fileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = { success: false } as ReturnType<typeof fileSchema.safeParse>;
  }
  if (!parsed.success) {
    throw new CliError(
      `The list of tool tokens in ${file} is damaged; move it aside (the tokens themselves still work) and run again.`,
      EXIT.internal,
    );
  }
  return parsed.data.tokens.map(({ name, clientIdentifier, createdAt }) => ({ name, clientIdentifier, createdAt }));
}

/** Writes the list through a temporary file, so a crash never leaves half a list. */
export function saveToolTokens(file: string, tokens: readonly StoredToolToken[]): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    throw new CliError(
      `Could not save the list of tool tokens in ${file}; check that folder's permissions.`,
      EXIT.internal,
    );
  }
}
