import type { PlexAccount } from '../../shared/account';
import { parseCommandArgs } from '../args';
import { clientFor, type CliIo } from '../context';
import { plexFailure } from '../plex-failure';
import { terminalJson, terminalText } from '../terminal-text';
import { readToken } from '../token-source';

export const WHOAMI_HELP = `Usage: plex-signin whoami [--json] [--token-stdin]

Shows the account a token belongs to. The token comes from PLEX_TOKEN, or from stdin with
--token-stdin. Exits 8 when plex.tv says the token is no longer valid.

Options:
  --token-stdin         read the token from stdin instead of PLEX_TOKEN
  --json                print the account as JSON (without the token)
  --api-url <url>       the API base URL (default PLEX_API_URL, else https://plex.tv/api/v2)
  --timeout <seconds>   time limit for each request (default 30)
  --debug               print each HTTP exchange (never secrets) and stack traces
`;

const OPTIONS = {
  'token-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export async function whoami(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs('whoami', args, OPTIONS);
  if (values.help) {
    io.out(WHOAMI_HELP);
    return 0;
  }
  const { client } = clientFor(values, io);
  const token = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
  const result = await client.getAccount(token, { signal: io.signal });
  if (!result.ok) throw plexFailure(result.error);
  const { account } = result.value;
  io.out(values.json ? `${terminalJson(account)}\n` : describeAccount(account));
  return 0;
}

export function describeAccount(account: PlexAccount): string {
  const rows: [string, string][] = [
    ['Username', account.username],
    // plex.tv's `title` is the username; the name a person chose is `friendlyName`.
    ['Name', account.friendlyName || account.username],
    ['Email', account.email],
    ['Plex Pass', account.hasPlexPass ? 'yes' : 'no'],
    ['Two-factor', account.twoFactorEnabled ? 'on' : 'off'],
    ['Member since', account.joinedAt.slice(0, 10)],
  ];
  return rows.map(([label, value]) => `${`${label}:`.padEnd(14)}${terminalText(value)}\n`).join('');
}
