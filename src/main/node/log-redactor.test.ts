import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, MIN_SECRET_LENGTH, REDACTED, redactPatterns } from './log-redactor';

// What the redactor scrubs: the secrets the app holds right now, in every encoding they
// travel in, and anything shaped like a credential; and what it leaves alone.

const AWKWARD = 'pä$$ wörd&=+%/🔑';
const TOKEN = 'sH9xQ2vLk3ZpW8rT1yUe';

describe('remembered secrets', () => {
  it('scrubs a remembered secret verbatim, form-encoded, URL-encoded and JSON-escaped', () => {
    const r = createRedactor();
    r.remember(AWKWARD);
    const forms = [
      AWKWARD,
      new URLSearchParams({ p: AWKWARD }).toString().slice(2),
      encodeURIComponent(AWKWARD),
      JSON.stringify(AWKWARD).slice(1, -1),
    ];
    for (const form of forms) {
      const out = r.redact(`before ${form} after`);
      expect(out).toBe(`before ${REDACTED} after`);
      expect(out).not.toContain('wörd');
    }
    expect(r.redact(JSON.stringify({ note: `x${AWKWARD}"y` }))).not.toContain('w\\u00f6rd');
  });

  it('scrubs every occurrence, and two secrets where one contains the other', () => {
    const r = createRedactor();
    r.remember(TOKEN);
    r.remember(TOKEN.slice(0, 8));
    expect(r.redact(`${TOKEN}|${TOKEN}|${TOKEN.slice(0, 8)}`)).toBe(`${REDACTED}|${REDACTED}|${REDACTED}`);
  });

  it('stops scrubbing a secret once every holder forgot it', () => {
    const r = createRedactor();
    r.remember(TOKEN);
    r.remember(TOKEN);
    r.forget(TOKEN);
    expect(r.redact(TOKEN)).toBe(REDACTED);
    r.forget(TOKEN);
    expect(r.redact(TOKEN)).toBe(TOKEN);
    r.forget(TOKEN); // one forget too many is harmless
    expect(r.redact(TOKEN)).toBe(TOKEN);
  });

  it(`ignores secrets shorter than ${MIN_SECRET_LENGTH} characters, which would garble every line`, () => {
    const r = createRedactor();
    r.remember('ab');
    r.remember('');
    expect(r.redact('abc ab')).toBe('abc ab');
  });

  it('never lets a remembered secret through, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40, unit: 'grapheme' }),
        fc.string({ maxLength: 40, unit: 'grapheme' }),
        fc.string({ maxLength: 40, unit: 'grapheme' }),
        (secret, before, after) => {
          const r = createRedactor();
          r.remember(secret);
          // Read between the replacements: the marker's own letters next to the text
          // around it could spell a secret such as "ted]x" without leaking anything.
          for (const piece of r.redact(`${before}${secret}${after}`).split(REDACTED)) {
            expect(piece).not.toContain(secret);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('credential patterns', () => {
  it.each([
    ['an X-Plex-Token header', 'X-Plex-Token: SECRETVALUE1', 'X-Plex-Token: [redacted]'],
    ['a lower-case header', 'x-plex-token:\tSECRETVALUE1', 'x-plex-token:\t[redacted]'],
    [
      'an X-Plex-Token query value',
      '/api/v2/user?X-Plex-Token=SECRETVALUE1&a=1',
      '/api/v2/user?X-Plex-Token=[redacted]&a=1',
    ],
    ['a JSON header', '{"X-Plex-Token":"SECRETVALUE1"}', '{"X-Plex-Token":"[redacted]"}'],
    ['a JSON authToken', '{"id":1,"authToken":"SECRET\\"VALUE1","x":2}', '{"id":1,"authToken":"[redacted]","x":2}'],
    ['an inspected authToken', "{ authToken: 'SECRETVALUE1' }", '{ authToken: [redacted] }'],
    ['an XML authToken', '<user authToken="SECRETVALUE1" id="1"/>', '<user authToken=[redacted] id="1"/>'],
    ['a form password', 'login=a&password=SECRETVALUE1&rememberMe=true', 'login=a&password=[redacted]&rememberMe=true'],
    ['a JSON password', '{"password": "SECRET VALUE1"}', '{"password": "[redacted]"}'],
    ['a form verificationCode', 'verificationCode=123456&x=1', 'verificationCode=[redacted]&x=1'],
    ['a code query value', '/auth#?clientID=abc&code=SECRETVALUE1', '/auth#?clientID=abc&code=[redacted]'],
    ['a Bearer token', 'sent Bearer SECRET.VALUE-1', 'sent Bearer [redacted]'],
    ['an Authorization header', 'Authorization: Basic U0VDUkVU', 'Authorization: [redacted]'],
    [
      'a JWT',
      'jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl done',
      'jwt=[redacted] done', // the JWT pattern, whatever the key
    ],
    ['a bare JWT payload', 'key eyJ0eXAiOiJKV1QiLCJhbGciOi end', 'key [redacted] end'],
  ])('scrubs %s', (_name, input, expected) => {
    expect(redactPatterns(input)).toBe(expected);
    expect(createRedactor().redact(input)).toBe(expected);
  });

  it.each([
    'POST /users/signin -> 401 in 12 ms',
    'IPC token:copy -> ok in 3 ms',
    'IPC session:sign-in -> invalid-verification-code in 40 ms',
    'errorcode=5 and clientToken-ish words',
    'Plex did not accept the email or password; check them and try again.',
    'The token could not be encrypted; it is kept in memory only.',
    '2025-01-02T12:34:56.789Z',
  ])('leaves ordinary log text alone: %s', (line) => {
    expect(redactPatterns(line)).toBe(line);
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    const once = redactPatterns('X-Plex-Token=abc&password=def {"authToken":"x"} Bearer y');
    expect(redactPatterns(once)).toBe(once);
  });
});
