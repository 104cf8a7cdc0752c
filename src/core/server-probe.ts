import axios, { type AxiosRequestConfig } from 'axios';
import { XMLParser } from 'fast-xml-parser';
import { rankConnections } from './best-connection';
import type { PlexConnection, PlexServer } from './servers';

// Which of a server's addresses answer from here: `GET {uri}/identity` on each candidate
// at once, a few seconds each, then the best-ranked one that answered as THIS server.
// /identity needs no token, so none is sent: a LAN address such as http://192.168.1.20
// may be a stranger's machine on another network, and must never receive a token (the
// account's least of all).

export interface ProbeOptions {
  /** Per address (default 3 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** This install's identifier, sent as X-Plex-Client-Identifier. */
  clientIdentifier?: string;
  /** Axios transport overrides, as for the plex.tv client (the app's net.fetch). */
  transport?: Pick<AxiosRequestConfig, 'adapter' | 'env'>;
}

export interface ProbeResult {
  /** The best connection that answered, or null when none did. */
  connection: PlexConnection | null;
  /** Each candidate, best-ranked first: whether it answered and how long it took. */
  tried: { uri: string; answered: boolean; ms: number }[];
}

const MAX_IDENTITY_BYTES = 64 * 1024;

/** The machine identifier in an /identity answer (JSON, or PMS's default XML), if any. */
function machineIdentifier(data: unknown): string | undefined {
  if (typeof data !== 'string') return undefined;
  let body: { MediaContainer?: { machineIdentifier?: unknown } } | undefined;
  try {
    body = JSON.parse(data) as typeof body;
  } catch {
    try {
      body = xml.parse(data) as typeof body;
    } catch {
      return undefined;
    }
  }
  const id = body?.MediaContainer?.machineIdentifier;
  return typeof id === 'string' ? id : undefined;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  processEntities: { enabled: true, maxEntityCount: 0 },
});

export async function probeServer(server: PlexServer, options: ProbeOptions = {}): Promise<ProbeResult> {
  const candidates = rankConnections(server);
  const timeoutMs = options.timeoutMs ?? 3_000;
  const done = new AbortController();
  const http = axios.create({
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
    maxContentLength: MAX_IDENTITY_BYTES,
    ...options.transport,
  });

  const attempts = candidates.map(async (connection) => {
    const started = Date.now();
    const signals = [AbortSignal.timeout(timeoutMs), done.signal, ...(options.signal ? [options.signal] : [])];
    try {
      const res = await http.get<string>(`${connection.uri}/identity`, {
        headers: {
          Accept: 'application/json',
          ...(options.clientIdentifier ? { 'X-Plex-Client-Identifier': options.clientIdentifier } : {}),
        },
        signal: AbortSignal.any(signals),
      });
      const id = machineIdentifier(res.data);
      // Only this server's own identity counts: another server at the same address (a
      // different LAN) or a captive portal's 200 page is not an answer.
      const answered = res.status === 200 && id === server.clientIdentifier;
      return { uri: connection.uri, answered, ms: Date.now() - started };
    } catch {
      return { uri: connection.uri, answered: false, ms: Date.now() - started };
    }
  });

  // In rank order: the first that answered wins, without waiting for worse ones.
  const tried: ProbeResult['tried'] = [];
  let connection: PlexConnection | null = null;
  for (const [index, attempt] of attempts.entries()) {
    const outcome = await attempt;
    tried.push(outcome);
    if (outcome.answered) {
      connection = candidates[index] ?? null;
      break;
    }
  }
  done.abort();
  for (const attempt of attempts.slice(tried.length)) tried.push(await attempt);
  return { connection, tried };
}

/** Probes every server at once. */
export function probeServers(servers: readonly PlexServer[], options: ProbeOptions = {}): Promise<ProbeResult[]> {
  return Promise.all(servers.map((server) => probeServer(server, options)));
}
