import type { SignedIn } from '../../core/plex-client';
import type { CliIo } from '../context';
import { terminalJson, terminalText } from '../terminal-text';

/** The token alone on stdout (so `TOKEN=$(plex-signin signin ...)` works), or JSON. */
export function printSignedIn({ account, token, friendlyName }: SignedIn, json: boolean, io: CliIo): void {
  // The core only hands over well-formed tokens; server text still goes through the helpers.
  io.out(json ? `${terminalJson({ ...account, friendlyName, authToken: token })}\n` : `${terminalText(token)}\n`);
}
