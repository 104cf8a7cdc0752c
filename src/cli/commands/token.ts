import { listDevices } from '../../core/devices';
import { createToolToken, revokeToolToken } from '../../core/tool-tokens';
import { formatToken, isTokenFormat, TOKEN_FORMATS } from '../../shared/token-formats';
import { checkToolTokenName, sameToolTokenName } from '../../shared/tool-token-name';
import { parseCommandArgs } from '../args';
import { usageError } from '../cli-error';
import { columns } from '../columns';
import { EXIT } from '../exit-codes';
import { clientFor, type CliIo } from '../context';
import { plexFailure } from '../plex-failure';
import { terminalJson, terminalText } from '../terminal-text';
import { readToken } from '../token-source';
import { loadToolTokens, saveToolTokens, type StoredToolToken, toolTokenFile } from '../tool-token-store';

// `plex-signin token create|list|revoke`: a token of its own for each tool (docs/plex-api.md
// §5a), so pasting one into Kometa never ties Kometa to this CLI's own session.

export const TOKEN_HELP = `Usage: plex-signin token create --name <name> [--format token|env|curl|json|kometa]
       plex-signin token list [--json]
       plex-signin token revoke --name <name> | --id <client identifier>

Makes a separate Plex token for each of your tools (Tautulli, Kometa, Home Assistant, a
script...). Each is its own device on plex.tv, named after the tool: signing in or out
here, or revoking your own token, leaves it working, and revoking it stops only that tool.
Your account token comes from PLEX_TOKEN, or from stdin with --token-stdin.

  create    make a token; it is printed once, on stdout, and never stored
  list      the tokens made here (name, created, client identifier) and whether each
            still exists on plex.tv
  revoke    remove one from plex.tv (works even if you lost the token itself)

Options:
  --name <name>             the tool's name, 1 to 64 characters, unique among yours
  --format <format>         create: token (default), env (PLEX_TOKEN=...), curl (a header),
                            json, or kometa (a plex: block for Kometa's config.yml)
  --id <client identifier>  revoke: the token's client identifier, as token list shows it
  --json                    list: machine-readable output
  --token-stdin             read your account token from stdin instead of PLEX_TOKEN
  --api-url <url>           the API base URL (default PLEX_API_URL, else https://plex.tv/api/v2)
  --timeout <seconds>       time limit for each request (default 30)
  --debug                   print each HTTP exchange (never secrets) and stack traces
`;

const OPTIONS = {
  name: { type: 'string' },
  format: { type: 'string' },
  id: { type: 'string' },
  json: { type: 'boolean' },
  'token-stdin': { type: 'boolean' },
} as const;

export async function token(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(TOKEN_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const values = parseCommandArgs(`token ${sub}`, rest, OPTIONS);
  if (values.help) {
    io.out(TOKEN_HELP);
    return 0;
  }
  const file = toolTokenFile(io.env);
  const allowed: Record<string, readonly string[]> = {
    create: ['name', 'format'],
    list: ['json'],
    revoke: ['name', 'id'],
  };
  const own = allowed[sub];
  if (!own) throw usageError(`Unknown token command "${sub}"; use create, list or revoke.`);
  const stray = (['name', 'format', 'id', 'json'] as const).find((o) => values[o] !== undefined && !own.includes(o));
  if (stray) throw usageError(`token ${sub} does not take --${stray}; run "plex-signin token --help".`);

  if (sub === 'create') {
    const check = checkToolTokenName(values.name ?? '');
    if (!check.ok)
      throw usageError(
        values.name === undefined ? 'Name the token with --name <tool>, e.g. --name Kometa.' : check.message,
      );
    const format = values.format ?? 'token';
    if (!isTokenFormat(format)) throw usageError(`--format takes one of ${TOKEN_FORMATS.join(', ')}.`);
    const stored = loadToolTokens(file);
    const clash = stored.find((t) => sameToolTokenName(t.name, check.name));
    if (clash) {
      throw usageError(
        `You already have a token named "${terminalText(clash.name)}"; choose another name, or revoke that one first with plex-signin token revoke --name.`,
      );
    }
    const { client } = clientFor(values, io);
    const accountToken = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
    const made = await createToolToken(client, accountToken, { name: check.name }, { signal: io.signal });
    if (!made.ok) throw plexFailure(made.error);
    const entry: StoredToolToken = {
      name: made.value.name,
      clientIdentifier: made.value.clientIdentifier,
      createdAt: made.value.createdAt,
    };
    try {
      saveToolTokens(file, [...stored, entry]);
    } catch (error) {
      // A token this list cannot name could never be revoked from here: take it back.
      await revokeToolToken(client, accountToken, entry.clientIdentifier, { signal: io.signal });
      throw error;
    }
    io.out(formatToken(format, { token: made.value.token }));
    io.err(
      `Made a token for ${terminalText(entry.name)}; plex.tv lists it as "${terminalText(entry.name)} (Plex Sign-In)" under Authorized Devices. It is shown only this once.\n`,
    );
    return 0;
  }

  if (sub === 'list') {
    const stored = loadToolTokens(file);
    if (stored.length === 0) {
      if (values.json) io.out('[]\n');
      else io.err('No tool tokens made here yet; make one with plex-signin token create --name <tool>.\n');
      return 0;
    }
    const { client } = clientFor(values, io);
    const accountToken = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
    const devices = await listDevices(client, accountToken, { signal: io.signal });
    if (!devices.ok) throw plexFailure(devices.error);
    const rows = stored.map((t) => {
      const device = devices.value.find((d) => d.clientIdentifier === t.clientIdentifier);
      const onPlex = !device ? 'removed' : device.hasToken ? 'active' : 'signed-out';
      return { ...t, onPlex };
    });
    if (values.json) {
      io.out(`${terminalJson(rows)}\n`);
      return 0;
    }
    const table = [['NAME', 'CREATED', 'ON PLEX.TV', 'CLIENT IDENTIFIER']].concat(
      rows.map((r) => [terminalText(r.name), r.createdAt.slice(0, 16).replace('T', ' '), r.onPlex, r.clientIdentifier]),
    );
    io.out(columns(table));
    return 0;
  }

  // revoke
  if ((values.name === undefined) === (values.id === undefined)) {
    throw usageError('Say which token to revoke with --name <name> or --id <client identifier> (one of them).');
  }
  const stored = loadToolTokens(file);
  const { client, info } = clientFor(values, io);
  let target: { clientIdentifier: string; label: string };
  if (values.name !== undefined) {
    const found = stored.find((t) => sameToolTokenName(t.name, values.name ?? ''));
    if (!found)
      throw usageError(
        `No token named "${terminalText(values.name.trim())}" was made here; plex-signin token list shows them.`,
      );
    target = { clientIdentifier: found.clientIdentifier, label: terminalText(found.name) };
  } else {
    const id = (values.id ?? '').trim();
    if (!/^[A-Za-z0-9-]{1,128}$/.test(id))
      throw usageError('--id takes a client identifier as plex-signin token list shows it.');
    if (id === info.clientIdentifier) {
      throw usageError(
        "That is this CLI's own client identifier, not a tool token; use plex-signin signout to revoke its token.",
      );
    }
    const found = stored.find((t) => t.clientIdentifier === id);
    target = { clientIdentifier: id, label: found ? terminalText(found.name) : id };
  }
  const accountToken = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
  const revoked = await revokeToolToken(client, accountToken, target.clientIdentifier, { signal: io.signal });
  if (!revoked.ok) throw plexFailure(revoked.error);
  const remaining = stored.filter((t) => t.clientIdentifier !== target.clientIdentifier);
  if (remaining.length !== stored.length) saveToolTokens(file, remaining);
  io.err(
    revoked.value === 'removed'
      ? `Revoked the token for ${target.label}: plex.tv no longer accepts it.\n`
      : `The token for ${target.label} was already gone from plex.tv; it is off this list now.\n`,
  );
  return 0;
}
