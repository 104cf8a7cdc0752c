import path from 'node:path';
import { isPlexTv, resolveApiUrl, serviceHost } from '../core/api-url';
import { type ClientInfo, describeThisComputer } from '../core/client-info';
import { loadOrCreateClientIdentifier } from '../core/client-identifier';
import { userConfigDir } from '../core/config-dir';
import { createPlexClient, type PlexClient } from '../core/plex-client';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../shared/product';
import { CliError, usageError } from './cli-error';
import { parseTimeout } from './args';
import { EXIT } from './exit-codes';
import { terminalText } from './terminal-text';

/** What plex.tv's Authorized Devices list shows for the CLI. */
export const CLI_PRODUCT = `${PRODUCT_NAME} CLI`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  signal: AbortSignal;
}

export interface CommonValues {
  'api-url'?: string | undefined;
  timeout?: string | undefined;
  debug?: boolean | undefined;
}

export interface CommandClient {
  client: PlexClient;
  /** What the client tells plex.tv about itself (the browser sign-in URL needs it). */
  info: ClientInfo;
}

/**
 * The Plex client for a command: its API URL, this install's identifier, and a time limit
 * per request (from --timeout unless the command gives its own).
 */
export function clientFor(values: CommonValues, io: CliIo, requestTimeoutMs?: number): CommandClient {
  let apiUrl: string;
  try {
    apiUrl = resolveApiUrl(values['api-url'], io.env);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const timeoutMs = requestTimeoutMs ?? parseTimeout(values.timeout);
  const file = path.join(userConfigDir('plex-signin', io.env), 'client-identifier');
  let clientIdentifier: string;
  try {
    clientIdentifier = loadOrCreateClientIdentifier(file);
  } catch {
    throw new CliError(
      `Could not read or create this computer's Plex client identifier in ${path.dirname(file)}; check that folder's permissions.`,
      EXIT.internal,
    );
  }
  const info = describeThisComputer(CLI_PRODUCT, PRODUCT_VERSION, clientIdentifier);
  if (!isPlexTv(apiUrl)) {
    // As the app's banner does: a stray PLEX_API_URL must not pass unnoticed, before any
    // password is asked for or any token sent. The address never carries credentials.
    const source = values['api-url'] === undefined ? 'PLEX_API_URL' : '--api-url';
    io.err(
      `plex-signin: warning: using the Plex API at ${terminalText(serviceHost(apiUrl))} (set by ${source}), not plex.tv; passwords and tokens go to that server.\n`,
    );
  }
  const client = createPlexClient({
    apiUrl,
    client: info,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(values.debug ? { log: (line: string) => io.err(`debug: ${line}\n`) } : {}),
  });
  return { client, info };
}
