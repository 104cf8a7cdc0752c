import * as z from 'zod/mini';
import type { PlexAccount } from '../../shared/account';

// The settings document as it sits on disk. Only non-secret data is in clear: the client
// identifier and the account summary shown at launch before plex.tv answers. The token is
// only ever stored encrypted (base64 of the OS keystore's ciphertext).

/** The same rule the CLI applies to its stored identifier. */
const clientIdentifierSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,128}$/));

const accountSchema = z.object({
  id: z.int(),
  uuid: z.string(),
  username: z.string(),
  title: z.string(),
  // Absent from files saved before it was kept.
  friendlyName: z._default(z.string(), ''),
  email: z.string(),
  thumb: z.nullable(z.string()),
  joinedAt: z.string(),
  hasPassword: z.boolean(),
  twoFactorEnabled: z.boolean(),
  hasPlexPass: z.boolean(),
  rememberExpiresAt: z.nullable(z.string()),
}) satisfies z.ZodMiniType<PlexAccount>;

const storedSessionSchema = z.object({
  // A JWT token encrypted is well under this; the bound keeps a tampered file cheap to reject.
  encryptedToken: z.base64().check(z.minLength(1), z.maxLength(16_384)),
  account: accountSchema,
  savedAt: z.string(),
});

/** A token the app made for one tool (docs/plex-api.md §5a): encrypted exactly like the session's. */
const storedToolTokenSchema = z.object({
  id: clientIdentifierSchema,
  name: z.string().check(z.minLength(1), z.maxLength(256)),
  accountUuid: z.string().check(z.maxLength(256)),
  createdAt: z.string(),
  lastCheckedAt: z.nullable(z.string()),
  status: z.enum(['alive', 'revoked', 'unchecked']),
  encryptedToken: z.base64().check(z.minLength(1), z.maxLength(16_384)),
});

const documentSchema = z.object({
  clientIdentifier: clientIdentifierSchema,
  session: z.optional(storedSessionSchema),
  tools: z.optional(z.array(storedToolTokenSchema).check(z.maxLength(500))),
});

export type StoredSession = z.infer<typeof storedSessionSchema>;
export type StoredToolToken = z.infer<typeof storedToolTokenSchema>;
export type VaultDocument = z.infer<typeof documentSchema>;

export type ParsedDocument =
  /** Nothing was ever saved. */
  | { state: 'empty' }
  | { state: 'valid'; doc: VaultDocument }
  /** Valid JSON in the wrong shape: only a readable client identifier is kept. */
  | { state: 'damaged'; clientIdentifier: string | null };

export function parseDocument(raw: unknown): ParsedDocument {
  if (raw === undefined || raw === null || (isPlainObject(raw) && Object.keys(raw).length === 0)) {
    return { state: 'empty' };
  }
  const parsed = documentSchema.safeParse(raw);
  if (parsed.success) return { state: 'valid', doc: parsed.data };
  const id = isPlainObject(raw) ? clientIdentifierSchema.safeParse(raw.clientIdentifier) : null;
  return { state: 'damaged', clientIdentifier: id?.success ? id.data : null };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
