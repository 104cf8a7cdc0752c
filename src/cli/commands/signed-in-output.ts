import type { SignedIn } from '../../core/plex-client';
import type { CliIo } from '../context';
import { terminalJson, terminalText } from '../terminal-text';

/**
 * The token alone on stdout (so `TOKEN=$(plex-signin signin ...)` works), or JSON; at a
 * terminal, a line on stderr saying how the next command takes it (never the token again).
 */
export function printSignedIn({ account, token }: SignedIn, json: boolean, io: CliIo): void {
  // The core only hands over well-formed tokens; server text still goes through the helpers.
  io.out(json ? `${terminalJson({ ...account, authToken: token })}\n` : `${terminalText(token)}\n`);
  if (process.stderr.isTTY) {
    io.err(
      `Signed in as ${terminalText(account.username)}; other commands take the token in PLEX_TOKEN or on stdin with --token-stdin, e.g. PLEX_TOKEN=<token> plex-signin whoami.\n`,
    );
  }
}
