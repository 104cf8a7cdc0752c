import { XMLParser } from 'fast-xml-parser';
import * as z from 'zod/mini';

// plex.tv's Authorized Devices list, `GET /devices.xml` (docs/plex-api.md §5b): XML only,
// parsed with fast-xml-parser, then checked with zod. Each <Device> also carries that
// device's token: it is read only to say whether the device still has one, and never
// kept, so no list, log or screen built from this can hold another device's token.

export interface PlexDevice {
  /** plex.tv's device id, digits only: what `DELETE /devices/{id}.xml` takes. */
  id: string;
  name: string;
  product: string;
  productVersion: string;
  platform: string;
  platformVersion: string;
  device: string;
  clientIdentifier: string;
  /** ISO 8601; null when plex.tv left it out. */
  createdAt: string | null;
  lastSeenAt: string | null;
  /** e.g. ['server'] or ['client', 'player']. */
  provides: string[];
  /** Whether plex.tv still lists a token for it (a device can outlive a signed-out token). */
  hasToken: boolean;
}

/** Longest attribute we keep: a device name on plex.tv is short; this bounds hostile input. */
const MAX_TEXT = 1024;

const text = () => z.optional(z.string().check(z.maxLength(MAX_TEXT)));

const deviceSchema = z.object({
  id: z.string().check(z.regex(/^\d{1,20}$/)),
  clientIdentifier: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT)),
  name: text(),
  product: text(),
  productVersion: text(),
  platform: text(),
  platformVersion: text(),
  device: text(),
  provides: text(),
  createdAt: text(),
  lastSeenAt: text(),
  token: z.optional(z.string()),
});

const documentSchema = z.object({
  MediaContainer: z.object({
    Device: z.optional(z.array(z.unknown())),
  }),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Every value stays a string: a name like "007" or "true" must not turn into a number.
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'Device' || name === 'Connection',
  // plex.tv's answer declares no entities; refusing DOCTYPE entities shuts out expansion bombs.
  processEntities: { enabled: true, maxEntityCount: 0 },
});

/** Epoch seconds as plex.tv writes them, as ISO 8601; null when absent or unreadable. */
function isoFromSeconds(value: string | undefined): string | null {
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return null;
  const date = new Date(Number(value) * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The devices in a devices.xml body; null when it is not such a document. A <Device> that
 * lacks an id or client identifier is skipped: it could not be named or removed anyway.
 */
export function parseDevicesXml(xml: string): PlexDevice[] | null {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return null;
  }
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) return null;
  const devices: PlexDevice[] = [];
  for (const item of parsed.data.MediaContainer.Device ?? []) {
    const device = deviceSchema.safeParse(item);
    if (!device.success) continue;
    const d = device.data;
    devices.push({
      id: d.id,
      name: d.name ?? '',
      product: d.product ?? '',
      productVersion: d.productVersion ?? '',
      platform: d.platform ?? '',
      platformVersion: d.platformVersion ?? '',
      device: d.device ?? '',
      clientIdentifier: d.clientIdentifier,
      createdAt: isoFromSeconds(d.createdAt),
      lastSeenAt: isoFromSeconds(d.lastSeenAt),
      provides: (d.provides ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      hasToken: Boolean(d.token?.trim()),
    });
  }
  return devices;
}
