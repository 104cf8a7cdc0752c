// Pins for browser and link-code sign-in (docs/plex-api.md §1, §6.3): a short 4-character
// code typed at plex.tv/link, or a strong 25-character one carried in the browser sign-in URL.

import { randomInt } from 'node:crypto';
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

export class PinStore {
  private readonly pins = new Map<number, Pin>();
  /** Never reset, so a pin id from before a reset can't name a newer pin. */
  private nextId = 1;

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

/** The pin as plex.tv shows it; `expiresIn` counts down to the expiry. */
export function pinJson(pin: Pin): Record<string, unknown> {
  return {
    id: pin.id,
    code: pin.code,
    product: pin.product,
    trusted: false,
    clientIdentifier: pin.clientIdentifier,
    expiresIn: Math.max(0, Math.round((pin.expiresAt - Date.now()) / 1000)),
    createdAt: new Date(pin.createdAt).toISOString(),
    expiresAt: new Date(pin.expiresAt).toISOString(),
    authToken: pin.authToken,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
  };
}
