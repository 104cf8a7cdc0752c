import type { SignedIn } from '../../core/plex-client';
import type { CliIo } from '../context';

/** The token alone on stdout (so `TOKEN=$(plex-signin signin ...)` works), or JSON. */
export function printSignedIn({ account, token }: SignedIn, json: boolean, io: CliIo): void {
  io.out(json ? `${JSON.stringify({ ...account, authToken: token }, null, 2)}\n` : `${token}\n`);
}
