import type { PlexResult } from '../shared/plex-error';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../shared/product';
import { checkToolTokenName } from '../shared/tool-token-name';
import { type ClientInfo, describeThisComputer } from './client-info';
import { listDevices, removeDevice, type RemoveOutcome, unexpected } from './devices';
import { parsePin } from './pin-schema';
import type { CallOptions, PlexClient } from './plex-client';

// A token of its own for each tool (docs/plex-api.md §5a). plex.tv keeps one token per
// (account, client identifier), so a tool token is a new device: a short PIN created as
// that device, approved with the account's token, then collected as that device. It lives
// and dies on its own: the app signing out or in again, or revoking its own token, leaves
// it working; removing its device kills only it.

export interface ToolToken {
  token: string;
  /** The tool's own client identifier: how it is found again on plex.tv, even without its token. */
  clientIdentifier: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * What plex.tv's Authorized Devices will show for the tool. The list puts the device name
 * first and the product under it, so the name says both which tool and where it came from
 * ("Kometa (Plex Sign-In)"), and the product is the tool alone ("Kometa"), which is also
 * what plex.tv's "new device" mail names.
 */
export function toolClientInfo(name: string, clientIdentifier: string): ClientInfo {
  const computer = describeThisComputer(name, PRODUCT_VERSION, clientIdentifier);
  return { ...computer, device: PRODUCT_NAME, deviceName: `${name} (${PRODUCT_NAME})`, model: 'tool token' };
}

/**
 * Mints a token for a tool called `name` (checked with checkToolTokenName; an invalid
 * name is a programming error and throws). Three requests, one per step, none retried on
 * a 401; cancellable. If the last step fails after plex.tv made the device, the device is
 * removed again so no orphan is left behind.
 */
export async function createToolToken(
  plex: PlexClient,
  accountToken: string,
  request: { name: string },
  options: CallOptions = {},
): Promise<PlexResult<ToolToken>> {
  const check = checkToolTokenName(request.name);
  if (!check.ok) throw new TypeError(check.message);
  const name = check.name;
  const clientIdentifier = globalThis.crypto.randomUUID();
  const as = toolClientInfo(name, clientIdentifier);

  // 1. A short PIN (strong ones cannot be linked), created as the new device.
  const created = await plex.exchange({ method: 'POST', path: '/pins', call: 'pin', as }, options);
  if (!created.ok) return created;
  const pin = parsePin(created.value.body);
  if (!pin) return { ok: false, error: unexpected(plex, created.value.status) };

  // 2. Approved for the account, with its token and the caller's own identifier.
  const linked = await plex.exchange(
    { method: 'PUT', path: '/pins/link', call: 'token', token: accountToken, form: { code: pin.code } },
    options,
  );
  if (!linked.ok) return linked;

  // 3. Collected as the new device: the token is that device's own.
  const collected = await plex.exchange({ method: 'GET', path: `/pins/${pin.id}`, call: 'pin', as }, options);
  const token = collected.ok ? parsePin(collected.value.body)?.authToken : null;
  if (collected.ok && token) {
    return { ok: true, value: { token, clientIdentifier, name, createdAt: new Date().toISOString() } };
  }
  if (!options.signal?.aborted) await revokeToolToken(plex, accountToken, clientIdentifier, options);
  return collected.ok ? { ok: false, error: unexpected(plex, collected.value.status) } : collected;
}

/**
 * Removes a tool's device, found by its client identifier in the account's devices, so it
 * works when the tool's token itself is lost. A device that is not there any more is
 * success ("already-gone").
 */
export async function revokeToolToken(
  plex: PlexClient,
  accountToken: string,
  clientIdentifier: string,
  options: CallOptions = {},
): Promise<PlexResult<RemoveOutcome>> {
  const devices = await listDevices(plex, accountToken, options);
  if (!devices.ok) return devices;
  const device = devices.value.find((d) => d.clientIdentifier === clientIdentifier);
  if (!device) return { ok: true, value: 'already-gone' };
  return removeDevice(plex, accountToken, device.id, options);
}

/** alive: plex.tv accepts it (200); dead: plex.tv refused it (401); unknown: anything else. */
export type TokenStatus = 'alive' | 'dead' | 'unknown';

/** Asks plex.tv about a token with `GET /user`; only a 401 says it is dead (docs/plex-api.md §4). */
export async function checkToken(plex: PlexClient, token: string, options: CallOptions = {}): Promise<TokenStatus> {
  const answer = await plex.exchange({ method: 'GET', path: '/user', call: 'token', token }, options);
  if (answer.ok) return 'alive';
  return answer.error.status === 401 ? 'dead' : 'unknown';
}
