import { bestConnection } from '../../core/best-connection';
import { probeServers, type ProbeResult } from '../../core/server-probe';
import { listServers, type PlexServer } from '../../core/servers';
import { formatToken } from '../../shared/token-formats';
import { parseCommandArgs } from '../args';
import { usageError } from '../cli-error';
import { clientFor, type CliIo } from '../context';
import { plexFailure } from '../plex-failure';
import { terminalJson, terminalText } from '../terminal-text';
import { readToken } from '../token-source';

// `plex-signin servers`: your servers and those shared with you, each with its best
// address and ITS OWN token (docs/plex-api.md §5b): for a shared server the account
// token is the wrong one.

export const SERVERS_HELP = `Usage: plex-signin servers [--json] [--format env|json|kometa] [--probe] [--server <name>]

Lists your Plex servers and those shared with you, with the best address for each: local
https, then remote https, then local http, a relay last. Tokens are printed only with
--json or --format, and each server gets its own token (a shared server's is not yours).
Your account token comes from PLEX_TOKEN, or from stdin with --token-stdin.

Options:
  --format <format>     env (PLEX_URL=... and PLEX_TOKEN=... lines), json, or kometa
                        (a plex: block with url and token for Kometa's config.yml)
  --json                every server with its token and all its addresses
  --probe               ask each address for the server's /identity (no token is sent;
                        3 s each, all at once) and use the best one that answers
  --server <name>       only this server
  --token-stdin         read your account token from stdin instead of PLEX_TOKEN
  --api-url <url>       the API base URL (default PLEX_API_URL, else https://plex.tv/api/v2)
  --timeout <seconds>   time limit for each request to plex.tv (default 30)
  --debug               print each HTTP exchange (never secrets) and stack traces
`;

const OPTIONS = {
  json: { type: 'boolean' },
  format: { type: 'string' },
  probe: { type: 'boolean' },
  server: { type: 'string' },
  'token-stdin': { type: 'boolean' },
} as const;

const PROBE_TIMEOUT_MS = 3_000;

export async function servers(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs('servers', args, OPTIONS);
  if (values.help) {
    io.out(SERVERS_HELP);
    return 0;
  }
  const format = values.json ? 'json' : values.format;
  if (format !== undefined && !['env', 'json', 'kometa'].includes(format)) {
    throw usageError('--format takes env, json or kometa.');
  }
  const { client, info } = clientFor(values, io);
  const accountToken = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
  const listed = await listServers(client, accountToken, { signal: io.signal });
  if (!listed.ok) throw plexFailure(listed.error);
  let found = listed.value;
  if (values.server !== undefined) {
    const wanted = values.server.trim().toLowerCase();
    found = found.filter((s) => s.name.toLowerCase() === wanted);
    if (found.length === 0)
      throw usageError(
        `No server named "${terminalText(values.server.trim())}"; run plex-signin servers to see their names.`,
      );
  }
  if (found.length === 0) {
    if (format === 'json') io.out('[]\n');
    else io.err('This account has no Plex servers, and none are shared with it.\n');
    return 0;
  }

  const probes: (ProbeResult | undefined)[] = values.probe
    ? await probeServers(found, {
        timeoutMs: PROBE_TIMEOUT_MS,
        signal: io.signal,
        clientIdentifier: info.clientIdentifier,
      })
    : found.map(() => undefined);
  const rows = found.map((server, i) => {
    const probe = probes[i];
    const connection = probe ? (probe.connection ?? bestConnection(server)) : bestConnection(server);
    return { server, url: connection?.uri, connection, answered: probe ? probe.connection !== null : undefined };
  });

  if (format === 'json') {
    const out = rows.map(({ server, url, answered }) => ({
      name: server.name,
      owned: server.owned,
      owner: server.owner,
      clientIdentifier: server.clientIdentifier,
      url: url ?? null,
      ...(answered === undefined ? {} : { answered }),
      token: server.accessToken,
      connections: server.connections,
    }));
    io.out(`${terminalJson(out)}\n`);
    return 0;
  }
  if (format === 'env' || format === 'kometa') {
    const blocks = rows.map(({ server, url }) => {
      const heading = rows.length > 1 ? `# ${terminalText(describe(server))}\n` : '';
      const body = formatToken(format, {
        token: server.accessToken,
        ...(url === undefined ? {} : { url: terminalText(url) }),
      });
      return heading + body;
    });
    io.out(blocks.join('\n'));
    if (rows.length > 1 && format === 'kometa')
      io.err('Kometa takes one plex: block; pick a server with --server <name>.\n');
    return 0;
  }
  for (const { server, connection, answered } of rows) {
    io.out(`${terminalText(describe(server))}\n`);
    if (!connection) io.out('  no usable address is known for it\n');
    else {
      const kind = connection.relay ? 'relay' : connection.local ? 'local' : 'remote';
      const note = answered === undefined ? '' : answered ? ', answered' : ', no address answered from here';
      io.out(`  ${terminalText(connection.uri)}  (${kind} ${connection.protocol}${note})\n`);
    }
  }
  io.err('Tokens are not shown here; add --format env, json or kometa to print each server with its own token.\n');
  return 0;
}

function describe(server: PlexServer): string {
  return server.owned ? `${server.name} (yours)` : `${server.name} (shared by ${server.owner ?? 'another account'})`;
}
