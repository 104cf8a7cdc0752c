import os from 'node:os';

// What a program tells plex.tv about itself. These values are what the user sees in
// plex.tv's "Authorized Devices" list, so they name the program and the computer.
export interface ClientInfo {
  product: string;
  version: string;
  platform: string;
  platformVersion: string;
  device: string;
  deviceName: string;
  model: string;
  vendor: string;
  clientIdentifier: string;
}

const PLATFORM_NAMES: Record<string, { name: string; vendor: string }> = {
  darwin: { name: 'macOS', vendor: 'Apple' },
  win32: { name: 'Windows', vendor: 'Microsoft' },
  linux: { name: 'Linux', vendor: 'Linux' },
};

/** Describes this computer, for a program called `product` with a stored identifier. */
export function describeThisComputer(product: string, version: string, clientIdentifier: string): ClientInfo {
  const platform = PLATFORM_NAMES[process.platform] ?? { name: process.platform, vendor: process.platform };
  return {
    product,
    version,
    platform: platform.name,
    platformVersion: os.release(),
    device: platform.name,
    deviceName: os.hostname(),
    model: process.arch,
    vendor: platform.vendor,
    clientIdentifier,
  };
}

export function plexHeaders(info: ClientInfo): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Plex-Product': info.product,
    'X-Plex-Version': info.version,
    'X-Plex-Platform': info.platform,
    'X-Plex-Platform-Version': info.platformVersion,
    'X-Plex-Device': info.device,
    'X-Plex-Device-Name': info.deviceName,
    'X-Plex-Model': info.model,
    'X-Plex-Device-Vendor': info.vendor,
    'X-Plex-Client-Identifier': info.clientIdentifier,
  };
  for (const [name, value] of Object.entries(headers)) headers[name] = utf8Bytes(value);
  return headers;
}

/**
 * plex.tv reads header values as UTF-8 (docs/plex-api.md §2, §5c), but Node's http and
 * fetch both send a header string one byte per character, refusing characters past
 * U+00FF (`客厅`) and sending the rest as Latin-1 (`Büro-PC`). So each value is handed
 * over as its UTF-8 bytes, one character per byte: those bytes are what goes out.
 */
function utf8Bytes(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}
