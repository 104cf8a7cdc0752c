import { describe, expect, it } from 'vitest';
import { parseAccount } from './account-schema';
import signinAnswer from './fixtures/signin-answer.json';
import userAnswer from './fixtures/user-answer.json';

// Values are obviously fake; no real account or token appears in this repository.
const required = {
  id: 42,
  uuid: 'a1b2c3d4',
  username: 'sample',
  title: 'Sample User',
  friendlyName: 'Sample',
  email: 'sample@example.com',
  authToken: 'test-token-not-real-1',
  joinedAt: 1_500_000_000,
  hasPassword: true,
  twoFactorEnabled: false,
};

describe('parseAccount', () => {
  it('accepts a body with only the always-present fields', () => {
    const parsed = parseAccount(required);
    expect(parsed?.token).toBe('test-token-not-real-1');
    expect(parsed?.account.friendlyName).toBe('Sample');
    expect(parsed?.account).toEqual({
      id: 42,
      uuid: 'a1b2c3d4',
      username: 'sample',
      title: 'Sample User',
      friendlyName: 'Sample',
      email: 'sample@example.com',
      thumb: null,
      joinedAt: '2017-07-14T02:40:00.000Z',
      hasPassword: true,
      twoFactorEnabled: false,
      hasPlexPass: false,
      rememberExpiresAt: null,
    });
  });

  it.each(Object.keys(required))('rejects a body without the required field %s', (field) => {
    const body: Record<string, unknown> = { ...required };
    delete body[field];
    expect(parseAccount(body)).toBeNull();
  });

  it('rejects wrong types in required fields and non-objects', () => {
    expect(parseAccount({ ...required, id: '42' })).toBeNull();
    expect(parseAccount({ ...required, id: 4.2 })).toBeNull();
    expect(parseAccount({ ...required, authToken: '' })).toBeNull();
    expect(parseAccount('<html>proxy</html>')).toBeNull();
    expect(parseAccount(null)).toBeNull();
    expect(parseAccount([required])).toBeNull();
  });

  it.each([
    ['a classic 20-character token', 'aB3-dE6_gH9iJ2kL5mN8'],
    ['a short one', 'x'],
    ['punctuation a recorded token never had', '!#$%&()*+,./:;<=>?@[]^`{|}~'],
    ['a JWT', `eyJhbGciOiJFZERTQSJ9.${'e'.repeat(400)}.${'s'.repeat(86)}`],
    ['the longest we accept', 'T'.repeat(4096)],
  ])('accepts any printable ASCII token without spaces: %s', (_name, token) => {
    expect(parseAccount({ ...required, authToken: token })?.token).toBe(token);
  });

  it.each([
    ['CR/LF (a forged output line or header)', 'abc\r\ndef'],
    ['a space', 'abc def'],
    ['a tab', 'abc\tdef'],
    ['an escape sequence', '\u001b]52;c;aGk=\u0007'],
    ['DEL', 'abc\u007f'],
    ['non-ASCII', 'tökén'],
    ['a bidi override', 'abc\u202edef'],
    ['over 4096 characters', 'T'.repeat(4097)],
    ['50 MB', 'T'.repeat(50 * 1024 * 1024)],
  ])('refuses a body whose token holds %s', (_name, token) => {
    expect(parseAccount({ ...required, authToken: token })).toBeNull();
  });

  it('ignores unknown fields and tolerates odd shapes of optional ones', () => {
    const parsed = parseAccount({
      ...required,
      somethingNew: { nested: true },
      thumb: 17,
      roles: 'plexpass',
      subscription: null,
      rememberExpiresAt: 'soon',
    });
    expect(parsed?.account.thumb).toBeNull();
    expect(parsed?.account.hasPlexPass).toBe(false);
    expect(parsed?.account.rememberExpiresAt).toBeNull();
  });

  it('reads Plex Pass from the subscription or the plexpass role', () => {
    expect(parseAccount({ ...required, subscription: { active: true } })?.account.hasPlexPass).toBe(true);
    expect(parseAccount({ ...required, roles: ['plexpass'] })?.account.hasPlexPass).toBe(true);
    expect(parseAccount({ ...required, subscription: { active: false }, roles: [] })?.account.hasPlexPass).toBe(false);
  });

  it('keeps the avatar and the remember expiry when given', () => {
    const parsed = parseAccount({
      ...required,
      thumb: 'https://plex.tv/users/x/avatar',
      rememberExpiresAt: 1_600_000_000,
    });
    expect(parsed?.account.thumb).toBe('https://plex.tv/users/x/avatar');
    expect(parsed?.account.rememberExpiresAt).toBe('2020-09-13T12:26:40.000Z');
  });

  it('treats a date no calendar holds as absent, or the body as unusable when the date is required', () => {
    expect(parseAccount({ ...required, rememberExpiresAt: 1e16 })?.account.rememberExpiresAt).toBeNull();
    expect(parseAccount({ ...required, joinedAt: 1e16 })).toBeNull();
  });

  it('falls back to the friendly name when the title is empty', () => {
    expect(parseAccount({ ...required, title: '' })?.account.title).toBe('Sample');
  });

  it('keeps the friendly name as plex.tv gave it, empty included', () => {
    expect(parseAccount({ ...required, friendlyName: 'Zoë Example' })?.account.friendlyName).toBe('Zoë Example');
    expect(parseAccount({ ...required, friendlyName: '' })?.account.friendlyName).toBe('');
  });
});

describe('parseAccount on answers shaped like recorded plex.tv ones (src/core/fixtures)', () => {
  it('reads a sign-in answer: nulls, an empty friendlyName, title equal to the username', () => {
    expect(Object.keys(signinAnswer).length).toBeGreaterThanOrEqual(40);
    const parsed = parseAccount(signinAnswer);
    expect(parsed).toEqual({
      token: 'FAKE-TOKEN-aaaaaaaaaaaa',
      account: {
        id: 40_000_001,
        uuid: '0123456789abcdef',
        username: 'sample_user',
        title: 'sample_user',
        friendlyName: '',
        email: 'sample.user@example.com',
        thumb: 'https://plex.tv/users/0123456789abcdef/avatar?c=1600000000',
        joinedAt: '2016-02-29T23:36:52.000Z',
        hasPassword: true,
        twoFactorEnabled: true,
        hasPlexPass: false,
        rememberExpiresAt: '2023-11-14T22:13:20.000Z',
      },
    });
  });

  it('reads a GET /user answer of a Plex Pass account whose plan and payment service are null', () => {
    const parsed = parseAccount(userAnswer);
    expect(parsed?.token).toBe('FAKE-TOKEN-b'); // a short token is still a token
    expect(parsed?.account.friendlyName).toBe('Pass Holder');
    expect(parsed?.account).toMatchObject({ username: 'passholder', title: 'passholder', hasPlexPass: true });
  });

  it('still reads them with every optional field null', () => {
    for (const answer of [signinAnswer, userAnswer]) {
      const nulled = Object.fromEntries(
        Object.entries(answer).map(([key, value]) => [key, key in required ? value : null]),
      );
      expect(parseAccount(nulled)?.account.username).toBe(answer.username);
    }
  });
});
