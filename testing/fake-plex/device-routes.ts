// plex.tv's v1 Authorized Devices endpoints, served at the fake's origin outside /api/v2
// (plex-api.md §1, §5b, §6). They speak XML only, errors included, as plex.tv's do.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeviceRecord } from './device-registry';
import { ERRORS } from './errors';
import { escapeXml, sendError, sendXml } from './render';
import { plexParam, type RequestTarget } from './request';
import type { FakeState } from './state';
import type { TokenRecord } from './tokens';

const LIST = /^\/devices\.xml$/;
const ONE = /^\/devices\/([^/]+)\.xml$/;

/** Whether the path is one of these endpoints (the server logs them like /api/v2 ones). */
export function isDevicePath(path: string): boolean {
  return LIST.test(path) || ONE.test(path);
}

export function handleDevices(
  req: IncomingMessage,
  res: ServerResponse,
  state: FakeState,
  target: RequestTarget,
): void {
  if (plexParam(req, target.query, 'X-Plex-Client-Identifier') === undefined) {
    return sendError(res, 'xml', ERRORS.missingClientIdentifier);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const record = state.tokens.find(plexParam(req, target.query, 'X-Plex-Token'));
  const one = ONE.exec(target.path);
  if (method === 'GET' && LIST.test(target.path)) {
    if (!record) return sendError(res, 'xml', ERRORS.notAuthenticated);
    state.devices.touch(record);
    return listDevices(res, state, record);
  }
  if (method === 'DELETE' && one) {
    if (!record) return sendError(res, 'xml', ERRORS.notAuthenticated);
    state.devices.touch(record);
    const id = /^\d+$/.test(one[1] ?? '') ? Number(one[1]) : Number.NaN;
    const removed = state.devices.remove(record.account.id, id);
    if (!removed) return sendError(res, 'xml', ERRORS.notFound);
    const token = state.tokens.tokenFor(removed.account.id, removed.clientIdentifier);
    if (token) state.tokens.revoke(token.token);
    return sendXml(res, 200, '<MediaContainer size="0"/>');
  }
  sendError(res, 'xml', ERRORS.notFound);
}

function listDevices(res: ServerResponse, state: FakeState, record: TokenRecord): void {
  const devices = state.devices.list(record.account.id);
  const body = devices.map((device) =>
    deviceXml(device, state.tokens.tokenFor(device.account.id, device.clientIdentifier)),
  );
  sendXml(
    res,
    200,
    `<MediaContainer size="${devices.length}" publicAddress="203.0.113.7">${body.join('')}</MediaContainer>`,
  );
}

/** One `<Device>` with §5b's attributes; a device whose token died has an empty `token`. */
function deviceXml(device: DeviceRecord, token: TokenRecord | undefined): string {
  const attributes: [string, string | number][] = [
    ['name', device.info.deviceName ?? ''],
    ['publicAddress', '203.0.113.7'],
    ['product', device.info.product ?? ''],
    ['productVersion', device.productVersion],
    ['platform', device.info.platform ?? ''],
    ['platformVersion', device.platformVersion],
    ['device', device.info.device ?? ''],
    ['model', ''],
    ['vendor', ''],
    ['provides', device.provides],
    ['clientIdentifier', device.clientIdentifier],
    ['version', device.productVersion],
    ['id', device.id],
    ['token', token?.token ?? ''],
    ['createdAt', device.createdAt],
    ['lastSeenAt', device.lastSeenAt],
    ['screenResolution', ''],
    ['screenDensity', ''],
  ];
  const text = attributes.map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`).join('');
  return `<Device${text}/>`;
}
