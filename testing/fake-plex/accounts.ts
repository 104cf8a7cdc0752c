// The three seeded plex.tv accounts of docs/plex-api.md §6.2 and the account JSON (§3) the
// fake answers with. Every value is obviously fake (example.com, small ids).

export interface SeededAccount {
  id: number;
  uuid: string;
  username: string;
  email: string;
  friendlyName: string;
  /** null: the account has no password (signs in with Google), so password sign-in always fails. */
  password: string | null;
  /** Accepted 2FA codes (the current code and backup codes); empty when 2FA is off. */
  verificationCodes: readonly string[];
  joinedAt: number;
  plexPass: boolean;
}

export const ACCOUNTS: readonly SeededAccount[] = [
  {
    id: 1001,
    uuid: 'a11ce0000000a001',
    username: 'alice',
    email: 'alice@example.com',
    friendlyName: 'Alice Example',
    password: 'alice-pass-1',
    verificationCodes: [],
    joinedAt: 1_577_880_000, // 2020-01-01
    plexPass: true,
  },
  {
    id: 1002,
    uuid: 'b0b00000000b0002',
    username: 'bob',
    email: 'bob@example.com',
    friendlyName: 'Bob Example',
    password: 'bob-pass-2',
    verificationCodes: ['123456', '4f7k9m2q8x3c5v1b'],
    joinedAt: 1_609_502_400, // 2021-01-01
    plexPass: false,
  },
  {
    id: 1003,
    uuid: 'ca201000000c0003',
    username: 'carol',
    email: 'carol@example.com',
    friendlyName: 'Carol Example',
    password: null,
    verificationCodes: [],
    joinedAt: 1_641_038_400, // 2022-01-01
    plexPass: false,
  },
];

/** The account whose email or username is `login`, compared case-insensitively. */
export function findAccount(login: string): SeededAccount | undefined {
  const wanted = login.toLowerCase();
  if (wanted === '') return undefined;
  return ACCOUNTS.find((a) => a.email.toLowerCase() === wanted || a.username.toLowerCase() === wanted);
}

const PLEX_PASS_FEATURES = ['webhooks', 'sync', 'camera_upload', 'hardware_transcoding', 'lyrics'];

function subscription(plexPass: boolean): Record<string, unknown> {
  return plexPass
    ? {
        active: true,
        subscribedAt: '2021-03-14T09:26:53Z',
        status: 'Active',
        paymentService: 'braintree',
        plan: 'lifetime',
        features: [...PLEX_PASS_FEATURES],
      }
    : { active: false, subscribedAt: null, status: 'Inactive', paymentService: null, plan: null, features: [] };
}

/**
 * The account as GET /user and POST /users/signin return it: the always-present fields
 * of §3, a realistic set of the usually-present ones, and one field no spec lists
 * (`experimentalFeatures`) so clients prove they ignore unknown fields.
 */
export function accountJson(
  account: SeededAccount,
  authToken: string,
  rememberExpiresAt: number,
): Record<string, unknown> {
  const twoFactor = account.verificationCodes.length > 0;
  return {
    id: account.id,
    uuid: account.uuid,
    username: account.username,
    title: account.username,
    friendlyName: account.friendlyName,
    email: account.email,
    authToken,
    joinedAt: account.joinedAt,
    hasPassword: account.password !== null,
    twoFactorEnabled: twoFactor,
    thumb: `https://plex.tv/users/${account.uuid}/avatar?c=1700000000`,
    rememberExpiresAt,
    locale: null,
    country: 'US',
    confirmed: true,
    emailOnlyAuth: false,
    protected: false,
    restricted: false,
    home: false,
    homeAdmin: false,
    homeSize: 1,
    maxHomeSize: 15,
    guest: false,
    anonymous: false,
    backupCodesCreated: twoFactor,
    roles: account.plexPass ? ['plexpass'] : [],
    entitlements: account.plexPass ? ['all'] : [],
    services: [],
    profile: {
      autoSelectAudio: true,
      defaultAudioLanguage: 'en',
      autoSelectSubtitle: 0,
      defaultSubtitleLanguage: 'en',
      defaultSubtitleAccessibility: 0,
      defaultSubtitleForced: 1,
    },
    subscription: subscription(account.plexPass),
    subscriptions: account.plexPass ? [subscription(true)] : [],
    mailingListStatus: account.plexPass ? 'active' : 'unsubscribed',
    scrobbleTypes: '',
    adsConsent: null,
    experimentalFeatures: false,
  };
}
