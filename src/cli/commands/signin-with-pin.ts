import { browserAuthUrl, LINK_URL } from '../../core/pin-schema';
import { waitForPin } from '../../core/pin-sign-in';
import { parseTimeout } from '../args';
import { clientFor, type CliIo, type CommonValues } from '../context';
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
  const minutes = Math.max(
    1,
    Math.round((Math.min(Date.parse(pin.expiresAt), deadline ?? Infinity) - Date.now()) / 60_000),
  );

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
  io.err(`Waiting for approval (up to ${minutes} minute${minutes === 1 ? '' : 's'}; Ctrl-C to cancel)...\n`);

  const result = await waitForPin(client, pin, { signal: io.signal, ...(deadline === undefined ? {} : { deadline }) });
  if (!result.ok) throw plexFailure(result.error);
  printSignedIn(result.value, Boolean(values.json), io);
  return 0;
}
