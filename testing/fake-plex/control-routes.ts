// The fake's own endpoints under /__fake (docs/plex-api.md §6.4): tests use them to reset
// state, read what clients sent, play the browser step and inject faults. They speak JSON
// only, need no client identifier and are never logged.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { findAccount } from './accounts';
import { controlError, ERRORS } from './errors';
import { parseFault } from './faults';
import { sendError, sendJson, sendNoContent } from './render';
import type { FakeState } from './state';

export const CONTROL_PREFIX = '/__fake/';

export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  path: string,
  body: Buffer,
): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
  let match: RegExpExecArray | null;

  if (route === 'POST /reset') {
    state.reset();
    return sendNoContent(res);
  }
  if (route === 'GET /requests') return sendJson(res, 200, state.requests);
  if (route === 'GET /devices') {
    // `seeded` marks alice's starting devices, so test helpers can tell them apart.
    const devices = state.tokens.devices().map((d) => {
      const account = findAccount(d.login);
      return { ...d, seeded: Boolean(account && state.devices.find(account.id, d.clientIdentifier)?.seeded) };
    });
    return sendJson(res, 200, devices);
  }

  if ((match = /^POST \/tokens\/([^/]+)\/revoke$/.exec(route))) {
    state.tokens.revoke(decodeSegment(match[1] ?? ''));
    return sendNoContent(res);
  }

  if ((match = /^POST \/pins\/(\d+)\/claim$/.exec(route))) {
    const input = parseJson(body);
    const login = isRecord(input) && typeof input['login'] === 'string' ? input['login'] : undefined;
    if (login === undefined) return sendError(res, 'json', controlError(400, 'body must be JSON {"login": "…"}'));
    const pin = state.pins.get(Number(match[1]));
    if (!pin) return sendError(res, 'json', controlError(404, `no live pin ${match[1]}`));
    const account = findAccount(login);
    if (!account) return sendError(res, 'json', controlError(404, `no account "${login}"`));
    state.approvePin(pin, account);
    return sendNoContent(res);
  }

  if (route === 'POST /faults') {
    const fault = parseFault(parseJson(body));
    if (typeof fault === 'string') return sendError(res, 'json', controlError(400, fault));
    state.faults.add(fault);
    return sendNoContent(res);
  }

  sendError(res, 'json', ERRORS.notFound);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Tokens may be percent-encoded in the path; a malformed escape is taken literally. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
