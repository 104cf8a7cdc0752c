/** The seeded accounts of the fake's contract (docs/plex-api.md §6.2): test credentials, not real ones. */
export const SEEDED = {
  alice: { login: 'alice@example.com', username: 'alice', password: 'alice-pass-1' },
  bob: {
    login: 'bob@example.com',
    username: 'bob',
    password: 'bob-pass-2',
    code: '123456',
    backupCode: '4f7k9m2q8x3c5v1b',
  },
  carol: { login: 'carol@example.com', username: 'carol' },
} as const;
