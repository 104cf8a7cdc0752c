import { browserAuthUrl, LINK_URL } from '../../core/pin-schema';
import { waitForPin } from '../../core/pin-sign-in';
import { parseTimeout } from '../args';
import { CliError } from '../cli-error';
import { clientFor, type CliIo, type CommonValues } from '../context';
import { EXIT } from '../exit-codes';
import { openInBrowser } from '../open-browser';
import { plexFailure } from '../plex-failure';
import { terminalText } from '../terminal-text';
import { printSignedIn } from './signed-in-output';

// `signin --browser` and `signin --link`: no password passes through the CLI. plex.tv
// hands out a PIN, the user approves it in a browser (or types the short code at
// plex.tv/link on any device), and we poll until the token arrives.

const PER_REQUEST_TIMEOUT_MS = 30_000;

export async function signinWithPin(
  mode: 'browser' | 'link',
  values: CommonValues & { json?: boolean | undefined },
  io: CliIo,
): Promise<number> {
  // Here --timeout is the whole wait for approval; each request keeps its own limit.
  const overallMs = parseTimeout(values.timeout);
  const { client, info } = clientFor(values, io, Math.min(overallMs ?? PER_REQUEST_TIMEOUT_MS, PER_REQUEST_TIMEOUT_MS));

  const created = await client.createPin({ strong: mode === 'browser' }, { signal: io.signal });
  if (!created.ok) throw plexFailure(created.error);
  const pin = created.value;
  const deadline = overallMs === undefined ? undefined : Date.now() + overallMs;
  // Whichever ends first, --timeout or the PIN's own life, is the one the wait names.
  const timeoutEndsWait = overallMs !== undefined && deadline! < Date.parse(pin.expiresAt);
  const minutes = Math.max(1, Math.round((Date.parse(pin.expiresAt) - Date.now()) / 60_000));
  const waitText = timeoutEndsWait
    ? `--timeout ends the wait in ${duration(overallMs)}`
    : `up to ${minutes} minute${minutes === 1 ? '' : 's'}`;

  if (mode === 'browser') {
    const url = browserAuthUrl(info.clientIdentifier, pin.code, info.product);
    const opened = openInBrowser(url, process.platform, io.env);
    io.err(
      `${opened ? 'Your browser should open plex.tv; if it does not, open' : 'Open'} this address and approve ${info.product}:\n\n  ${terminalText(url)}\n\n`,
    );
  } else {
    io.err(
      `On any device signed in to Plex, go to ${LINK_URL} and enter this code:\n\n    ${terminalText(pin.code)}\n\n`,
    );
  }
  io.err(`Waiting for approval (${waitText}; Ctrl-C to cancel)...\n`);

  const result = await waitForPin(client, pin, { signal: io.signal, ...(deadline === undefined ? {} : { deadline }) });
  if (!result.ok && result.error.kind === 'pin-expired' && timeoutEndsWait && Date.now() >= deadline!) {
    throw new CliError(
      `The time limit of ${duration(overallMs)} set by --timeout passed before the sign-in was approved; run again with a longer --timeout, or without it to wait until the request expires.`,
      EXIT.pinExpired,
    );
  }
  if (!result.ok) throw plexFailure(result.error);
  printSignedIn(result.value, Boolean(values.json), io);
  return 0;
}

/** `ms` as the person wrote it with --timeout: seconds, or whole minutes from 90 s up. */
function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds >= 90 && seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
