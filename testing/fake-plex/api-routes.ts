// The plex.tv endpoints the fake serves under /api/v2 (docs/plex-api.md §6.3).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountJson, findAccount } from './accounts';
import { ERRORS } from './errors';
import { pinJson } from './pins';
import { negotiate, sendData, sendError, sendJson, sendNoContent, sendXml, xmlElement, type Format } from './render';
import { parseForm, plexParam, type RequestTarget } from './request';
import type { FakeState } from './state';
import type { DeviceInfo, TokenRecord } from './tokens';

export const API_PREFIX = '/api/v2';

interface ApiContext {
  req: IncomingMessage;
  res: ServerResponse;
  state: FakeState;
  format: Format;
  query: URLSearchParams;
  body: Buffer;
  clientIdentifier: string;
}

interface Route {
  method: string;
  /** Matched against the path after /api/v2; capture groups become `params`. */
  pattern: RegExp;
  handle(ctx: ApiContext, params: string[]): void;
}

const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/users\/signin$/, handle: signIn },
  { method: 'GET', pattern: /^\/user$/, handle: getUser },
  { method: 'DELETE', pattern: /^\/users\/signout$/, handle: signOut },
  { method: 'GET', pattern: /^\/ping$/, handle: ping },
  { method: 'POST', pattern: /^\/pins$/, handle: createPin },
  { method: 'PUT', pattern: /^\/pins\/link$/, handle: linkPin },
  { method: 'GET', pattern: /^\/pins\/([^/]+)$/, handle: getPin },
  { method: 'GET', pattern: /^\/resources$/, handle: getResources },
];

/** Answers a request whose path starts with /api/v2. */
export function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  target: RequestTarget,
  body: Buffer,
): void {
  const format = negotiate(req);
  // Every endpoint checks the client identifier first, unknown routes included.
  const clientIdentifier = plexParam(req, target.query, 'X-Plex-Client-Identifier');
  if (clientIdentifier === undefined) return sendError(res, format, ERRORS.missingClientIdentifier);

  const method = (req.method ?? 'GET').toUpperCase();
  // Tolerate a trailing slash: `/api/v2/user/` is `/api/v2/user`.
  const routePath = target.path.slice(API_PREFIX.length).replace(/(.)\/$/, '$1');
  const ctx: ApiContext = { req, res, state, format, query: target.query, body, clientIdentifier };
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(routePath) : null;
    if (match) return route.handle(ctx, match.slice(1));
  }
  sendError(res, format, ERRORS.notFound);
}

// --- sign-in and tokens ----------------------------------------------------------

/**
 * POST /users/signin. Checks run in this order: lock-out; login and password (1001,
 * counted); the 2FA code (1029 when absent, not counted; 1028 when wrong, counted).
 */
function signIn(ctx: ApiContext): void {
  const { state, res, format } = ctx;
  const address = ctx.req.socket.remoteAddress ?? 'unknown';
  if (state.failures.isLockedOut(address)) return sendError(res, format, ERRORS.lockedOut);

  const form = parseForm(ctx.body);
  const account = findAccount(form.get('login') ?? '');
  const password = form.get('password') ?? '';
  if (!account || account.password === null || password === '' || password !== account.password) {
    state.failures.record(address);
    return sendError(res, format, ERRORS.notAuthenticated);
  }

  if (account.verificationCodes.length > 0) {
    const code = (form.get('verificationCode') ?? '').trim();
    if (code === '') return sendError(res, format, ERRORS.verificationCodeRequired);
    if (!account.verificationCodes.includes(code)) {
      state.failures.record(address);
      return sendError(res, format, ERRORS.invalidVerificationCode);
    }
  }

  const record = state.tokens.mint(account, ctx.clientIdentifier, deviceInfo(ctx), isTrue(form.get('rememberMe')));
  sendData(res, format, 201, 'user', { ...userJson(record), pastSubscriptions: [], trials: [] });
}

/** GET /user: the token's account, or 401/1001 when the token is not live. */
function getUser(ctx: ApiContext): void {
  const record = liveToken(ctx);
  if (record) sendData(ctx.res, ctx.format, 200, 'user', userJson(record));
}

/** DELETE /users/signout: the token dies. */
function signOut(ctx: ApiContext): void {
  const record = liveToken(ctx);
  if (!record) return;
  ctx.state.tokens.revoke(record.token);
  sendNoContent(ctx.res);
}

/** GET /ping: keeps a live token alive. */
function ping(ctx: ApiContext): void {
  const record = liveToken(ctx);
  if (!record) return;
  ctx.state.tokens.ping(record);
  sendData(ctx.res, ctx.format, 200, 'pong', { pong: true }, {});
}

// --- pins ------------------------------------------------------------------------

/** POST /pins: `strong=true` (query string or form) asks for a 25-character code. */
function createPin(ctx: ApiContext): void {
  const strong = isTrue(ctx.query.get('strong') ?? parseForm(ctx.body).get('strong'));
  const device = deviceInfo(ctx);
  const pin = ctx.state.pins.create(strong, ctx.clientIdentifier, device.product, device);
  sendData(ctx.res, ctx.format, 201, 'pin', pinJson(pin));
}

/** GET /pins/{id}: only the client identifier that created the pin may poll it. */
function getPin(ctx: ApiContext, [id = '']: string[]): void {
  const pin = /^\d+$/.test(id) ? ctx.state.pins.get(Number(id)) : undefined;
  if (!pin || pin.clientIdentifier !== ctx.clientIdentifier) {
    return sendError(ctx.res, ctx.format, ERRORS.pinNotFound);
  }
  sendData(ctx.res, ctx.format, 200, 'pin', pinJson(pin));
}

/** PUT /pins/link `code=XXXX`: a signed-in device approves a code shown elsewhere. */
function linkPin(ctx: ApiContext): void {
  const record = liveToken(ctx);
  if (!record) return;
  const code = parseForm(ctx.body).get('code') ?? ctx.query.get('code') ?? '';
  const pin = ctx.state.pins.findByCode(code);
  if (!pin) return sendError(ctx.res, ctx.format, ERRORS.pinNotFound);
  ctx.state.approvePin(pin, record.account);
  sendNoContent(ctx.res);
}

// --- servers ---------------------------------------------------------------------

/** GET /resources: the account's devices and the servers shared with it (§5b). */
function getResources(ctx: ApiContext): void {
  const record = liveToken(ctx);
  if (!record) return;
  // Only an explicit 0 (or false) drops a kind of connection.
  const off = (name: string) => ['0', 'false'].includes((ctx.query.get(name) ?? '').trim().toLowerCase());
  const resources = ctx.state.resources.forAccount(record.account.username, {
    https: !off('includeHttps'),
    relay: !off('includeRelay'),
  });
  if (ctx.format === 'json') return sendJson(ctx.res, 200, resources);
  sendXml(
    ctx.res,
    200,
    `<MediaContainer size="${resources.length}">${resources.map((r) => xmlElement('Device', r)).join('')}</MediaContainer>`,
  );
}

// --- helpers ---------------------------------------------------------------------

/** The live token the request carries, or undefined after answering 401/1001. */
function liveToken(ctx: ApiContext): TokenRecord | undefined {
  const record = ctx.state.tokens.find(plexParam(ctx.req, ctx.query, 'X-Plex-Token'));
  if (!record) sendError(ctx.res, ctx.format, ERRORS.notAuthenticated);
  else ctx.state.devices.touch(record);
  return record;
}

function userJson(record: TokenRecord): Record<string, unknown> {
  return accountJson(record.account, record.token, record.rememberExpiresAt);
}

function deviceInfo(ctx: ApiContext): DeviceInfo {
  const param = (name: string): string | null => plexParam(ctx.req, ctx.query, name) ?? null;
  return {
    product: param('X-Plex-Product'),
    device: param('X-Plex-Device'),
    deviceName: param('X-Plex-Device-Name'),
    platform: param('X-Plex-Platform'),
  };
}

function isTrue(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && ['true', '1'].includes(value.trim().toLowerCase());
}
