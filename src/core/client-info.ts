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
  return {
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
}
