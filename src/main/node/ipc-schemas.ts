import * as z from 'zod/mini';
import type { IpcChannel, IpcContract } from '../../shared/ipc-contract';

// The shape every channel's payload must have. The renderer is untrusted, so objects are
// strict (an extra key, `__proto__` or `constructor` included, is refused) and every
// string is bounded, so a megabyte "password" is rejected before it is copied anywhere.

export const LIMITS = {
  login: 320, // the longest valid email address
  password: 1024,
  verificationCode: 64, // 6 digits, or a backup code (longer)
  url: 2048,
} as const;

const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** Channels without a request take nothing: undefined, or null from some bridges. */
const none = z.union([z.undefined(), z.null()]);

const signIn = z.strictObject({
  login: bounded(LIMITS.login),
  password: bounded(LIMITS.password),
  rememberMe: z.boolean(),
  verificationCode: z.optional(bounded(LIMITS.verificationCode)),
});

const openExternal = z.strictObject({ url: bounded(LIMITS.url) });

const pinStart = z.strictObject({ mode: z.enum(['browser', 'link']), rememberMe: z.boolean() });

type RequestSchema<C extends IpcChannel> = IpcContract[C]['request'] extends void
  ? typeof none
  : z.ZodMiniType<IpcContract[C]['request']>;

export const IPC_SCHEMAS: { readonly [C in IpcChannel]: RequestSchema<C> } = {
  'app:get-info': none,
  'session:get': none,
  'session:validate': none,
  'session:sign-in': signIn,
  'session:sign-out': none,
  'session:revoke': none,
  'token:copy': none,
  'app:open-external': openExternal,
  'pin:start': pinStart,
  'pin:wait': none,
  'pin:cancel': none,
  'app:copy-diagnostics': none,
};
