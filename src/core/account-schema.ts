import * as z from 'zod/mini';
import type { PlexAccount } from '../shared/account';
import { tokenSchema } from './token-shape';

// plex.tv's UserPlexAccount (docs/plex-api.md §3). Only the fields plex.tv always sends
// are required; the rest are optional, and a usually-present field in an odd shape is
// dropped rather than failing the sign-in. Unknown fields are ignored.

/** An optional field that never fails the parse: a wrong shape reads as absent. */
const tolerant = <T extends z.ZodMiniType>(schema: T) => z.optional(z.catch(z.nullable(schema), null));

const buildAccountSchema = () =>
  z.object({
    id: z.int(),
    uuid: z.string(),
    username: z.string(),
    title: z.string(),
    friendlyName: z.string(),
    email: z.string(),
    authToken: tokenSchema(),
    joinedAt: z.number(),
    hasPassword: z.boolean(),
    twoFactorEnabled: z.boolean(),
    thumb: tolerant(z.string()),
    rememberExpiresAt: tolerant(z.number()),
    roles: tolerant(z.array(z.string())),
    subscription: tolerant(z.object({ active: tolerant(z.boolean()) })),
  });

export interface ParsedAccount {
  account: PlexAccount;
  token: string;
}

// Built on first use: creating zod schemas costs start-up time the CLI's other paths
// (help, usage errors) should not pay.
let accountSchema: ReturnType<typeof buildAccountSchema> | undefined;

/** Parses a sign-in or `GET /user` body; null when it is not a usable account. */
export function parseAccount(body: unknown): ParsedAccount | null {
  accountSchema ??= buildAccountSchema();
  const parsed = accountSchema.safeParse(body);
  if (!parsed.success) return null;
  const a = parsed.data;
  const joinedAt = epochToIso(a.joinedAt);
  if (joinedAt === null) return null; // a required date no calendar holds: not a usable body
  return {
    token: a.authToken,
    account: {
      id: a.id,
      uuid: a.uuid,
      username: a.username,
      title: a.title || a.friendlyName || a.username,
      friendlyName: a.friendlyName,
      email: a.email,
      thumb: a.thumb ?? null,
      joinedAt,
      hasPassword: a.hasPassword,
      twoFactorEnabled: a.twoFactorEnabled,
      hasPlexPass: a.subscription?.active === true || (a.roles ?? []).includes('plexpass'),
      rememberExpiresAt: a.rememberExpiresAt == null ? null : epochToIso(a.rememberExpiresAt),
    },
  };
}

/** ISO 8601 for epoch seconds; null for values outside what a Date can hold. */
function epochToIso(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
