import { listDevices, type PlexDevice, removeDevices } from '../../core/devices';
import { DEFAULT_STALE_DAYS, pickStaleDevices, type StaleDevice } from '../../core/stale-devices';
import { parseCommandLine } from '../args';
import { usageError } from '../cli-error';
import { columns } from '../columns';
import { clientFor, type CliIo } from '../context';
import { plexFailure } from '../plex-failure';
import { canPrompt, promptVisible } from '../terminal';
import { terminalJson, terminalText } from '../terminal-text';
import { readToken } from '../token-source';
import { loadToolTokens, toolTokenFile } from '../tool-token-store';

// `plex-signin devices [remove]`: the account's Authorized Devices (docs/plex-api.md §5b)
// and their clean-up. Tools that made a new client identifier per run leave hundreds of
// stale entries; removing one kills its token, so this CLI's own device is never removed
// and its tool tokens only when named by id.

export const DEVICES_HELP = `Usage: plex-signin devices [--json] [--stale <days>]
       plex-signin devices remove <id>... | --stale <days> [--yes]

Lists the account's Authorized Devices on plex.tv (id, name, product, platform, last seen,
created), marking this CLI, the tool tokens made here, and stale devices: not seen for
${DEFAULT_STALE_DAYS} days, or one of a flood of same-named entries. "remove" removes devices
one at a time (each one's token stops working); it asks first on a terminal. This CLI's own
device is never removed, and its tool tokens only when you name them by id.
Your account token comes from PLEX_TOKEN, or from stdin with --token-stdin.

Options:
  --stale <days>        list: only stale devices; remove: remove the stale ones, judged by
                        this many days
  --yes                 remove without asking (needed when not on a terminal)
  --json                list: machine-readable output
  --token-stdin         read your account token from stdin instead of PLEX_TOKEN
  --api-url <url>       the API base URL (default PLEX_API_URL, else https://plex.tv/api/v2)
  --timeout <seconds>   time limit for each request (default 30)
  --debug               print each HTTP exchange (never secrets) and stack traces
`;

const OPTIONS = {
  json: { type: 'boolean' },
  stale: { type: 'string' },
  yes: { type: 'boolean' },
  'token-stdin': { type: 'boolean' },
} as const;

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw usageError(`--stale takes a whole number of days from 1 up, not "${terminalText(value)}".`);
  }
  return days;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');

export async function devices(args: string[], io: CliIo): Promise<number> {
  const removing = args[0] === 'remove';
  const command = removing ? 'devices remove' : 'devices';
  const { values, positionals } = parseCommandLine(command, removing ? args.slice(1) : args, OPTIONS);
  if (values.help) {
    io.out(DEVICES_HELP);
    return 0;
  }
  if (!removing && positionals.length > 0) {
    throw usageError(
      `Unknown devices command "${terminalText(positionals[0] ?? '')}"; use plex-signin devices, or devices remove <id>.`,
    );
  }
  const days = parseDays(values.stale);
  if (removing) {
    if (values.json) throw usageError('devices remove does not take --json.');
    if (positionals.length > 0 === (days !== undefined)) {
      throw usageError('Say which devices to remove: their ids, or --stale <days> (one of them).');
    }
    const bad = positionals.find((id) => !/^\d{1,20}$/.test(id));
    if (bad !== undefined)
      throw usageError(`"${terminalText(bad)}" is not a device id; plex-signin devices lists them.`);
  } else if (values.yes) {
    throw usageError('--yes goes with devices remove.');
  }

  const { client, info } = clientFor(values, io);
  const tools = new Map(loadToolTokens(toolTokenFile(io.env)).map((t) => [t.clientIdentifier, t.name]));
  const accountToken = await readToken(Boolean(values['token-stdin']), io.env, io.signal);
  const listed = await listDevices(client, accountToken, { signal: io.signal });
  if (!listed.ok) throw plexFailure(listed.error);
  const all = listed.value;
  const own = info.clientIdentifier;

  if (!removing) {
    const stale = new Map(
      pickStaleDevices(all, { days: days ?? DEFAULT_STALE_DAYS, protect: new Set([own]) }).map((s) => [s.device.id, s]),
    );
    const shown = days === undefined ? all : all.filter((d) => stale.has(d.id));
    const note = (d: PlexDevice) => {
      if (d.clientIdentifier === own) return 'this CLI';
      if (tools.has(d.clientIdentifier)) return 'tool token';
      const s = stale.get(d.id);
      return s ? staleNote(s) : '';
    };
    if (values.json) {
      const out = shown.map((d) => ({
        ...d,
        thisCli: d.clientIdentifier === own,
        toolToken: tools.has(d.clientIdentifier),
        stale: stale.get(d.id)?.reason ?? null,
      }));
      io.out(`${terminalJson(out)}\n`);
      return 0;
    }
    if (shown.length === 0) {
      io.err(
        days === undefined
          ? 'plex.tv lists no devices for this account.\n'
          : `No stale devices: every device was seen in the last ${days} days.\n`,
      );
      return 0;
    }
    const rows = shown.map((d) =>
      [d.id, d.name, d.product, d.platform, day(d.lastSeenAt), day(d.createdAt), note(d)].map((c) => terminalText(c)),
    );
    io.out(columns([['ID', 'NAME', 'PRODUCT', 'PLATFORM', 'LAST SEEN', 'CREATED', 'NOTE'], ...rows]));
    return 0;
  }

  // What to remove: named ids (tool tokens allowed), or the stale ones (tool tokens kept).
  let targets: PlexDevice[];
  if (days !== undefined) {
    targets = pickStaleDevices(all, { days, protect: new Set([own, ...tools.keys()]) }).map((s) => s.device);
  } else {
    const ownDevice = all.find((d) => d.clientIdentifier === own && positionals.includes(d.id));
    if (ownDevice) {
      throw usageError(
        `Device ${ownDevice.id} is this CLI itself; it is not removed from here (plex-signin signout revokes its token).`,
      );
    }
    const byId = new Map(all.map((d) => [d.id, d]));
    targets = [...new Set(positionals)].map((id) => byId.get(id) ?? { ...placeholder, id, name: `device ${id}` });
  }
  if (targets.length === 0) {
    io.out(`No stale devices to remove: every device was seen in the last ${days} days.\n`);
    return 0;
  }
  io.err(
    `${targets.length === 1 ? 'This device' : `These ${targets.length} devices`} will be removed from plex.tv, and ${targets.length === 1 ? 'its token stops' : 'their tokens stop'} working:\n`,
  );
  for (const d of targets)
    io.err(
      `  ${terminalText(d.id)}  ${terminalText(d.name)}  ${terminalText(d.product)}  last seen ${day(d.lastSeenAt)}\n`,
    );
  if (!values.yes) {
    if (!canPrompt()) throw usageError('Removing devices needs a yes: run on a terminal to be asked, or add --yes.');
    const question = `Remove ${targets.length === 1 ? 'it' : `all ${targets.length}`}? [y/N] `;
    const answer = (await promptVisible(question, 'Cancelled at the prompt; no device was removed.'))
      .trim()
      .toLowerCase();
    if (answer !== 'y' && answer !== 'yes') {
      io.out('Nothing removed.\n');
      return 0;
    }
  }
  const result = await removeDevices(
    client,
    accountToken,
    targets.map((d) => d.id),
    {
      signal: io.signal,
      onProgress: (done, total) => {
        if (total > 5 && (done % 10 === 0 || done === total)) io.err(`${done} of ${total} done\n`);
      },
    },
  );
  const removed = result.removed.length;
  const gone = result.alreadyGone.length;
  const summary = `Removed ${removed} device${removed === 1 ? '' : 's'}${gone ? ` (${gone} already gone)` : ''}`;
  if (result.failed) {
    io.out(`${summary}; ${result.notTried.length + 1} not removed.\n`);
    throw plexFailure(result.failed.error);
  }
  io.out(`${summary}.\n`);
  return 0;
}

function staleNote(s: StaleDevice): string {
  if (s.reason === 'duplicate') return 'stale: one of many with this name';
  const seen = Date.parse(s.device.lastSeenAt ?? s.device.createdAt ?? '');
  return Number.isNaN(seen)
    ? 'stale: never seen'
    : `stale: not seen for ${Math.floor((Date.now() - seen) / 86_400_000)} days`;
}

/** A device named by id that plex.tv no longer lists: removing it will find it gone. */
const placeholder: PlexDevice = {
  id: '',
  name: '',
  product: '',
  productVersion: '',
  platform: '',
  platformVersion: '',
  device: '',
  clientIdentifier: '',
  createdAt: null,
  lastSeenAt: null,
  provides: [],
  hasToken: false,
};
