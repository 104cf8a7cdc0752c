import type { PlexErrorInfo, PlexResult } from '../shared/plex-error';
import { plexErrorMessage } from '../shared/plex-error';
import { serviceHost } from './api-url';
import { type PlexDevice, parseDevicesXml } from './devices-xml';
import type { CallOptions, PlexClient } from './plex-client';

// The account's Authorized Devices (docs/plex-api.md §5b): `GET /devices.xml` and
// `DELETE /devices/{id}.xml`, both at plex.tv's v1 origin, both with the account token.
// Removing a device kills its token on plex.tv.

export type { PlexDevice } from './devices-xml';

/** What removing one device did: both count as success. */
export type RemoveOutcome = 'removed' | 'already-gone';

export async function listDevices(
  plex: PlexClient,
  accountToken: string,
  options: CallOptions = {},
): Promise<PlexResult<PlexDevice[]>> {
  const answer = await plex.exchange(
    { method: 'GET', path: '/devices.xml', base: 'v1', accept: 'xml', call: 'token', token: accountToken },
    options,
  );
  if (!answer.ok) return answer;
  const devices = parseDevicesXml(answer.value.text);
  if (!devices) return { ok: false, error: unexpected(plex, answer.value.status) };
  return { ok: true, value: devices };
}

/** Removes one device; a 404 (unknown id, or removed meanwhile) is "already gone". */
export async function removeDevice(
  plex: PlexClient,
  accountToken: string,
  id: string,
  options: CallOptions = {},
): Promise<PlexResult<RemoveOutcome>> {
  // The id goes into a path: only plex.tv's numeric ids may.
  if (!/^\d{1,20}$/.test(id)) throw new TypeError('A device id is a number, as plex-signin devices lists it.');
  const answer = await plex.exchange(
    { method: 'DELETE', path: `/devices/${id}.xml`, base: 'v1', accept: 'xml', call: 'token', token: accountToken },
    options,
  );
  if (answer.ok) return { ok: true, value: 'removed' };
  if (answer.error.status === 404) return { ok: true, value: 'already-gone' };
  return answer;
}

export interface BulkRemoval {
  removed: string[];
  alreadyGone: string[];
  /** The first failure, which stopped the run; the ids after it were not tried. */
  failed?: { id: string; error: PlexErrorInfo };
  notTried: string[];
}

export interface RemoveDevicesOptions extends CallOptions {
  /** After each device: how many are done of how many. */
  onProgress?: (done: number, total: number, id: string, outcome: RemoveOutcome) => void;
}

/**
 * Removes devices one at a time, so plex.tv's rate limit is met rather than hammered:
 * each removal is retried on 429/503 as the client's retry rule allows (Retry-After
 * honoured), and the first failure that outlasts it stops the run.
 */
export async function removeDevices(
  plex: PlexClient,
  accountToken: string,
  ids: readonly string[],
  options: RemoveDevicesOptions = {},
): Promise<BulkRemoval> {
  const result: BulkRemoval = { removed: [], alreadyGone: [], notTried: [] };
  for (const [index, id] of ids.entries()) {
    const outcome = await removeDevice(plex, accountToken, id, options);
    if (!outcome.ok) {
      result.failed = { id, error: outcome.error };
      result.notTried = ids.slice(index + 1);
      break;
    }
    (outcome.value === 'removed' ? result.removed : result.alreadyGone).push(id);
    options.onProgress?.(index + 1, ids.length, id, outcome.value);
  }
  return result;
}

/** A 2xx answer whose body is not what the endpoint sends. */
export function unexpected(plex: PlexClient, status: number): PlexErrorInfo {
  const host = serviceHost(plex.apiUrl);
  return { kind: 'unexpected-response', message: plexErrorMessage('unexpected-response', { status, host }), status };
}
