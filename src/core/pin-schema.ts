import * as z from 'zod/mini';

// A plex.tv PIN (docs/plex-api.md §1, §7): the handle of a browser or link-code sign-in.
// Only what the flow needs is required; everything else in the body is ignored.

export interface PlexPin {
  id: number;
  /** 25 lower-case characters for the browser URL, or 4 upper-case ones for plex.tv/link. */
  code: string;
  /** When plex.tv forgets the PIN, as ISO 8601. */
  expiresAt: string;
  /** Set once the user approved the PIN. */
  authToken: string | null;
}

const pinSchema = z.object({
  id: z.int(),
  code: z.string().check(z.minLength(1)),
  authToken: z.optional(z.nullable(z.string())),
  expiresAt: z.optional(z.nullable(z.string())),
  expiresIn: z.optional(z.nullable(z.number())),
});

/** Parses a `POST /pins` or `GET /pins/{id}` body; null when it is not a usable PIN. */
export function parsePin(body: unknown, now: number = Date.now()): PlexPin | null {
  const parsed = pinSchema.safeParse(body);
  if (!parsed.success) return null;
  const { id, code, authToken, expiresAt, expiresIn } = parsed.data;
  // The relative lifetime first: it does not depend on this computer's clock agreeing with
  // plex.tv's. The absolute time is the fallback.
  const expiry =
    typeof expiresIn === 'number' ? now + expiresIn * 1000 : expiresAt ? Date.parse(expiresAt) : Number.NaN;
  const date = new Date(expiry);
  if (Number.isNaN(date.getTime())) return null;
  return { id, code, expiresAt: date.toISOString(), authToken: authToken || null };
}

/**
 * The app.plex.tv address where the user approves a strong PIN. Its parameters live in
 * the fragment, so they never reach a server log.
 */
export function browserAuthUrl(clientIdentifier: string, code: string, product: string): string {
  const params = [
    ['clientID', clientIdentifier],
    ['code', code],
    ['context[device][product]', product],
  ].map(([key, value]) => `${encodeURIComponent(key!)}=${encodeURIComponent(value!)}`);
  return `https://app.plex.tv/auth#?${params.join('&')}`;
}

/** Where a short code is typed. */
export const LINK_URL = 'https://plex.tv/link';
