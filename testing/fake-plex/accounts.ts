// The three seeded plex.tv accounts of docs/plex-api.md §6.2 and the account JSON (§3, §5c) the
// fake answers with. Every value is obviously fake (example.com, made-up ids).
//
// The contract fixes the logins, passwords, codes, two-step verification, Plex Pass and
// whether an account has a password. Everything else (ids, uuids, join dates, avatars,
// friendly names, country, the order of fields) differs between seeds, so the suites can
// be run against a fake with other values (FAKE_PLEX_SEED=2) to prove that no test
// depends on a value the contract does not fix.

export type FakeSeed = 1 | 2;

export interface SeededAccount {
  id: number;
  uuid: string;
  username: string;
  email: string;
  /** May be "" (no name given), as on real accounts. */
  friendlyName: string;
  /** null: the account has no password (signs in with Google), so password sign-in always fails. */
  password: string | null;
  /** Accepted 2FA codes (the current code and backup codes); empty when 2FA is off. */
  verificationCodes: readonly string[];
  joinedAt: number;
  thumb: string;
  plexPass: boolean;
  /** Plex Pass start, ISO 8601; null without Plex Pass. */
  subscribedAt: string | null;
  country: string;
  locale: string | null;
}

/** What the contract fixes for each account (plex-api.md §6, "Seeded accounts"). */
const FIXED = {
  alice: { username: 'alice', email: 'alice@example.com', password: 'alice-pass-1', codes: [], plexPass: true },
  bob: {
    username: 'bob',
    email: 'bob@example.com',
    password: 'bob-pass-2',
    codes: ['123456', '4f7k9m2q8x3c5v1b'],
    plexPass: false,
  },
  carol: { username: 'carol', email: 'carol@example.com', password: null, codes: [], plexPass: false },
} as const;

type Name = keyof typeof FIXED;

/** Per seed, the values the contract leaves open. */
const OPEN: Record<
  FakeSeed,
  Record<
    Name,
    Pick<SeededAccount, 'id' | 'uuid' | 'friendlyName' | 'joinedAt' | 'thumb' | 'country' | 'locale'> & {
      subscribedAt?: string;
    }
  >
> = {
  1: {
    alice: {
      id: 1001,
      uuid: 'a11ce0000000a001',
      friendlyName: 'Alice Example',
      joinedAt: 1_577_880_000, // 2020-01-01
      thumb: 'https://plex.tv/users/a11ce0000000a001/avatar?c=1700000000',
      country: 'US',
      locale: null,
      subscribedAt: '2021-03-14T09:26:53Z',
    },
    bob: {
      id: 1002,
      uuid: 'b0b00000000b0002',
      friendlyName: 'Bob Example',
      joinedAt: 1_609_502_400, // 2021-01-01
      thumb: 'https://plex.tv/users/b0b00000000b0002/avatar?c=1700000001',
      country: 'US',
      locale: null,
    },
    carol: {
      id: 1003,
      uuid: 'ca201000000c0003',
      friendlyName: '', // signed up with Google and never gave a name
      joinedAt: 1_641_038_400, // 2022-01-01
      thumb: 'https://plex.tv/users/ca201000000c0003/avatar?c=1700000002',
      country: 'US',
      locale: null,
    },
  },
  2: {
    alice: {
      id: 58_214_907,
      uuid: '7f3e2d1c0b9a8f7e',
      friendlyName: '',
      joinedAt: 1_466_000_000, // 2016-06-15
      thumb:
        'https://secure.gravatar.com/avatar/00000000000000000000000000000a11?d=https%3A%2F%2Fplex.tv%2Favatars%2FA.png',
      country: 'DE',
      locale: 'de',
      subscribedAt: '2017-11-02T18:04:11Z',
    },
    bob: {
      id: 3_141_592,
      uuid: '0c0ffee000000b0b',
      friendlyName: 'Robert Zweitwert',
      joinedAt: 1_217_000_000, // 2008-07-25
      thumb: 'https://plex.tv/users/0c0ffee000000b0b/avatar?c=1598765432',
      country: 'AT',
      locale: 'de-AT',
    },
    carol: {
      id: 99_000_003,
      uuid: 'deadbeef0000ca20',
      friendlyName: 'Caro ✨',
      joinedAt: 1_735_000_000, // 2024-12-24
      thumb: 'https://plex.tv/users/deadbeef0000ca20/avatar?c=1',
      country: 'NZ',
      locale: 'en-NZ',
    },
  },
};

export function seededAccounts(seed: FakeSeed): readonly SeededAccount[] {
  return (Object.keys(FIXED) as Name[]).map((name) => {
    const fixed = FIXED[name];
    const open = OPEN[seed][name];
    return {
      id: open.id,
      uuid: open.uuid,
      username: fixed.username,
      email: fixed.email,
      friendlyName: open.friendlyName,
      password: fixed.password,
      verificationCodes: fixed.codes,
      joinedAt: open.joinedAt,
      thumb: open.thumb,
      plexPass: fixed.plexPass,
      subscribedAt: fixed.plexPass ? (open.subscribedAt ?? null) : null,
      country: open.country,
      locale: open.locale,
    };
  });
}

/** The seed FAKE_PLEX_SEED names (1 unless it says 2). */
export function seedFromEnv(env: NodeJS.ProcessEnv): FakeSeed {
  const raw = env['FAKE_PLEX_SEED']?.trim();
  if (raw === undefined || raw === '' || raw === '1') return 1;
  if (raw === '2') return 2;
  throw new Error(`fake-plex: FAKE_PLEX_SEED must be 1 or 2, not "${raw}"`);
}

/** The account whose email or username is `login`, compared case-insensitively. */
export function findAccount(accounts: readonly SeededAccount[], login: string): SeededAccount | undefined {
  const wanted = login.toLowerCase();
  if (wanted === '') return undefined;
  return accounts.find((a) => a.email.toLowerCase() === wanted || a.username.toLowerCase() === wanted);
}

const PLEX_PASS_FEATURES = ['webhooks', 'sync', 'camera_upload', 'hardware_transcoding', 'lyrics'];

/** As recorded answers have it (§5c): the plan and payment service come back null. */
function subscription(account: SeededAccount): Record<string, unknown> {
  return account.plexPass
    ? {
        active: true,
        subscribedAt: account.subscribedAt,
        status: 'Active',
        paymentService: null,
        plan: null,
        features: [...PLEX_PASS_FEATURES],
      }
    : { active: false, subscribedAt: null, status: 'Inactive', paymentService: null, plan: null, features: [] };
}

/**
 * The account as GET /user and POST /users/signin return it: the field set of recorded
 * plex.tv answers (§5c), unknown values as `null` rather than missing, `title` equal to
 * the username, and fields no spec lists (`experimentalFeatures`, `attributionPartner`)
 * so clients prove they ignore unknown fields. Seed 2 writes the fields in reverse order.
 */
export function accountJson(
  account: SeededAccount,
  authToken: string,
  rememberExpiresAt: number,
  seed: FakeSeed,
): Record<string, unknown> {
  const twoFactor = account.verificationCodes.length > 0;
  const body: Record<string, unknown> = {
    id: account.id,
    uuid: account.uuid,
    username: account.username,
    title: account.username,
    email: account.email,
    friendlyName: account.friendlyName,
    locale: account.locale,
    confirmed: true,
    joinedAt: account.joinedAt,
    emailOnlyAuth: false,
    hasPassword: account.password !== null,
    protected: false,
    thumb: account.thumb,
    authToken,
    mailingListStatus: account.plexPass ? 'active' : 'unsubscribed',
    mailingListActive: account.plexPass,
    scrobbleTypes: '',
    country: account.country,
    subscription: subscription(account),
    subscriptionDescription: null,
    restricted: false,
    anonymous: null,
    home: false,
    guest: false,
    homeSize: 1,
    homeAdmin: false,
    maxHomeSize: 15,
    rememberExpiresAt,
    profile: {
      autoSelectAudio: true,
      defaultAudioLanguage: null,
      autoSelectSubtitle: 0,
      defaultSubtitleLanguage: null,
      defaultSubtitleAccessibility: 0,
      defaultSubtitleForced: 1,
    },
    entitlements: account.plexPass ? ['all'] : [],
    roles: account.plexPass ? ['plexpass'] : [],
    services: [],
    adsConsent: null,
    adsConsentSetAt: null,
    adsConsentReminderAt: null,
    experimentalFeatures: false,
    twoFactorEnabled: twoFactor,
    backupCodesCreated: twoFactor,
    attributionPartner: null,
    subscriptions: account.plexPass ? [subscription(account)] : [],
  };
  return seed === 2 ? Object.fromEntries(Object.entries(body).reverse()) : body;
}
