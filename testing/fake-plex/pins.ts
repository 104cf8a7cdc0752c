// Pins for browser and link-code sign-in (docs/plex-api.md §1, §6.3): a short 4-character
// code typed at plex.tv/link, or a strong 25-character one carried in the browser sign-in URL.

import { randomInt } from 'node:crypto';
import type { FakeSeed } from './accounts';
import type { DeviceInfo } from './tokens';

export interface Pin {
  id: number;
  code: string;
  product: string | null;
  clientIdentifier: string;
  /** The creating device, so the token minted on approval shows up with its details. */
  device: DeviceInfo;
  createdAt: number;
  expiresAt: number;
  authToken: string | null;
}

const SHORT = { length: 4, alphabet: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', lifetimeSeconds: 900 };
const STRONG = { length: 25, alphabet: 'abcdefghijklmnopqrstuvwxyz0123456789', lifetimeSeconds: 1800 };

function randomCode(length: number, alphabet: string): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Where plex.tv places the client asking for a pin (§5c); the contract fixes none of it. */
const LOCATIONS: Record<FakeSeed, Record<string, unknown>> = {
  1: {
    code: 'US',
    european_union_member: false,
    continent_code: 'NA',
    country: 'United States',
    city: 'Springfield',
    time_zone: 'America/Chicago',
    postal_code: '62701',
    in_privacy_restricted_country: false,
    in_privacy_restricted_region: false,
    subdivisions: 'Illinois',
    coordinates: '39.8000, -89.6500',
  },
  2: {
    code: 'DE',
    european_union_member: true,
    continent_code: 'EU',
    country: 'Germany',
    city: 'Berlin',
    time_zone: 'Europe/Berlin',
    postal_code: '10115',
    in_privacy_restricted_country: true,
    in_privacy_restricted_region: false,
    subdivisions: 'Land Berlin',
    coordinates: '52.5200, 13.4000',
  },
};

export class PinStore {
  private readonly pins = new Map<number, Pin>();
  /** Never reset, so a pin id from before a reset can't name a newer pin. */
  private nextId: number;

  constructor(readonly seed: FakeSeed = 1) {
    // Real pin ids are large; seed 2 starts there, so no test can count on small ones.
    this.nextId = seed === 2 ? 7_390_000_001 : 1;
  }

  create(strong: boolean, clientIdentifier: string, product: string | null, device: DeviceInfo): Pin {
    const kind = strong ? STRONG : SHORT;
    let code = randomCode(kind.length, kind.alphabet);
    while (this.findByCode(code)) code = randomCode(kind.length, kind.alphabet);
    const createdAt = Date.now();
    const pin: Pin = {
      id: this.nextId++,
      code,
      product,
      clientIdentifier,
      device,
      createdAt,
      expiresAt: createdAt + kind.lifetimeSeconds * 1000,
      authToken: null,
    };
    this.pins.set(pin.id, pin);
    return pin;
  }

  /** A pin that has not expired; expired ones are forgotten on the way. */
  get(id: number): Pin | undefined {
    const pin = this.pins.get(id);
    if (pin && pin.expiresAt <= Date.now()) {
      this.pins.delete(id);
      return undefined;
    }
    return pin;
  }

  /** A live pin by its code, case-insensitively (people type link codes). */
  findByCode(code: string): Pin | undefined {
    const wanted = code.trim().toUpperCase();
    if (wanted === '') return undefined;
    for (const id of [...this.pins.keys()]) {
      const pin = this.get(id);
      if (pin && pin.code.toUpperCase() === wanted) return pin;
    }
    return undefined;
  }

  clear(): void {
    this.pins.clear();
  }
}

/**
 * The pin as plex.tv shows it (§5c): `location` (a GeoData object) and `newRegistration`
 * included; `expiresIn` counts down to the expiry. Seed 2 writes the fields in reverse order.
 */
export function pinJson(pin: Pin, seed: FakeSeed): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: pin.id,
    code: pin.code,
    product: pin.product,
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    location: { ...LOCATIONS[seed] },
    expiresIn: Math.max(0, Math.round((pin.expiresAt - Date.now()) / 1000)),
    createdAt: new Date(pin.createdAt).toISOString(),
    expiresAt: new Date(pin.expiresAt).toISOString(),
    authToken: pin.authToken,
    newRegistration: null,
  };
  return seed === 2 ? Object.fromEntries(Object.entries(body).reverse()) : body;
}
