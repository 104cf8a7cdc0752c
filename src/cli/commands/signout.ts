import { parseCommandArgs } from '../args';
import { clientFor, type CliIo } from '../context';
import { plexFailure } from '../plex-failure';
import { readToken } from '../token-source';

export const SIGNOUT_HELP = `Usage: plex-signin signout [--token-stdin]

Revokes a token on plex.tv: every tool using it stops working. The token comes from
PLEX_TOKEN, or from stdin with --token-stdin. A token plex.tv no longer accepts counts as
already signed out (exit 0).

Options:
  --token-stdin         read the token from stdin instead of PLEX_TOKEN
  --api-url <url>       the API base URL (default PLEX_API_URL, else https://plex.tv/api/v2)
  --timeout <seconds>   time limit for each request (default 30)
  --debug               print each HTTP exchange (never secrets) and stack traces
`;

const OPTIONS = { 'token-stdin': { type: 'boolean' } } as const;

export async function signout(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs('signout', args, OPTIONS);
  if (values.help) {
    io.out(SIGNOUT_HELP);
    return 0;
  }
  const { client } = clientFor(values, io);
  const token = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
  const result = await client.signOut(token, { signal: io.signal });
  if (!result.ok && (result.error.kind === 'token-invalid' || result.error.kind === 'token-expired')) {
    // What signing out asks for is already true: nothing to do, nothing to sign in again for.
    io.err('plex-signin: This token was already signed out: plex.tv no longer accepts it.\n');
    return 0;
  }
  if (!result.ok) throw plexFailure(result.error);
  io.err('Signed out: plex.tv has revoked the token.\n');
  return 0;
}
