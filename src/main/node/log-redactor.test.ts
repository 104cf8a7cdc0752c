import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlexErrorKind, plexErrorMessage } from '../../shared/plex-error';
import { createRedactor, MIN_SECRET_LENGTH, REDACTED, redactPatterns } from './log-redactor';

// What the redactor scrubs: the secrets the app holds right now, in every encoding they
// travel in, and anything shaped like a credential; and what it leaves alone.

const AWKWARD = 'pä$$ wörd&=+%/🔑';
const TOKEN = 'sH9xQ2vLk3ZpW8rT1yUe';

const PLEX_ERROR_KINDS: PlexErrorKind[] = [
  'invalid-credentials',
  'invalid-credentials-or-code',
  'verification-required',
  'invalid-verification-code',
  'locked-out',
  'rate-limited',
  'token-invalid',
  'token-expired',
  'unavailable',
  'network',
  'timeout',
  'cancelled',
  'pin-expired',
  'unexpected-response',
];

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

/** The secret in every shape below: matched nowhere in the output, whatever the shape. */
const S = 'Zq9SecretV4lue';

// Every shape a token, password or code takes in headers, query strings, form and JSON
// bodies, XML and inspected error objects, with exactly what the redactor makes of it.
const SHAPES: [name: string, input: string, expected: string][] = [
  ['header', `X-Plex-Token: ${S}`, `X-Plex-Token: [redacted]`],
  ['header, no space', `X-Plex-Token:${S}`, `X-Plex-Token:[redacted]`],
  ['header, lower case', `x-plex-token: ${S}`, `x-plex-token: [redacted]`],
  ['header, lower case, no space', `x-plex-token:${S}`, `x-plex-token:[redacted]`],
  ['header, upper case, tab', `X-PLEX-TOKEN:\t${S}`, `X-PLEX-TOKEN:\t[redacted]`],
  [
    'header line in a dump',
    `GET /api/v2/user HTTP/1.1\r\nX-Plex-Token:${S}\r\nAccept: */*`,
    `GET /api/v2/user HTTP/1.1\r\nX-Plex-Token:[redacted]\r\nAccept: */*`,
  ],
  [
    'inspected headers object',
    `headers: { Accept: 'application/json', 'X-Plex-Token': '${S}' }`,
    `headers: { Accept: 'application/json', 'X-Plex-Token': "[redacted]" }`,
  ],
  [
    'AxiosHeaders',
    `AxiosHeaders { 'x-plex-token': '${S}', accept: 'application/json' }`,
    `AxiosHeaders { 'x-plex-token': "[redacted]", accept: 'application/json' }`,
  ],
  [
    'raw header list',
    `rawHeaders: [ 'X-Plex-Token', '${S}', 'Accept', 'application/json' ]`,
    `rawHeaders: [ 'X-Plex-Token', '[redacted]', 'Accept', 'application/json' ]`,
  ],
  ['JSON header', `{"X-Plex-Token":"${S}"}`, `{"X-Plex-Token":"[redacted]"}`],
  ['Authorization Bearer', `Authorization: Bearer ${S}`, `Authorization: [redacted]`],
  ['Authorization no space', `authorization:Bearer ${S}`, `authorization:[redacted]`],
  ['query X-Plex-Token', `/api/v2/user?X-Plex-Token=${S}&a=1`, `/api/v2/user?X-Plex-Token=[redacted]&a=1`],
  ['query lower case', `/api/v2/user?a=1&x-plex-token=${S}`, `/api/v2/user?a=1&x-plex-token=[redacted]`],
  ['query token', `https://host/path?token=${S}`, `https://host/path?token=[redacted]`],
  ['query authToken', `?authToken=${S}&x=1`, `?authToken=[redacted]&x=1`],
  ['query auth_token', `?auth_token=${S}`, `?auth_token=[redacted]`],
  [
    'query percent-encoded inside another URL',
    `next=%2Fuser%3FX-Plex-Token%3D${S}%26a%3D1`,
    `next=%2Fuser%3FX-Plex-Token%3D[redacted]%26a%3D1`,
  ],
  [
    'fragment code',
    `https://app.plex.tv/auth#?clientID=abc&code=${S}&context%5Bdevice%5D=x`,
    `https://app.plex.tv/auth#?clientID=abc&code=[redacted]&context%5Bdevice%5D=x`,
  ],
  ['query pin', `/api/v2/home/users/u1/switch?pin=${S}`, `/api/v2/home/users/u1/switch?pin=[redacted]`],
  ['form password', `login=a&password=${S}&rememberMe=true`, `login=a&password=[redacted]&rememberMe=true`],
  ['form password first', `password=${S}&login=a`, `password=[redacted]&login=a`],
  [
    'form password percent-encoded',
    `login=a&password=${S}%C3%A4%26%3D&rememberMe=true`,
    `login=a&password=[redacted]&rememberMe=true`,
  ],
  ['form verificationCode', `login=a&verificationCode=${S}`, `login=a&verificationCode=[redacted]`],
  ['form backupCode', `backupCode=${S}&x=1`, `backupCode=[redacted]&x=1`],
  ['form backup_code', `backup_code=${S}`, `backup_code=[redacted]`],
  ['form code', `code=${S}`, `code=[redacted]`],
  ['JSON authToken', `{"id":1,"authToken":"${S}","x":2}`, `{"id":1,"authToken":"[redacted]","x":2}`],
  ['JSON authToken spaced', `{ "authToken" : "${S}" }`, `{ "authToken" : "[redacted]" }`],
  ['JSON password with spaces', `{"password": "${S} and more"}`, `{"password": "[redacted]"}`],
  ['JSON verificationCode', `{"verificationCode":"${S}"}`, `{"verificationCode":"[redacted]"}`],
  ['JSON backupCode', `{"backupCode":"${S}"}`, `{"backupCode":"[redacted]"}`],
  ['JSON code', `{"code":"${S}"}`, `{"code":"[redacted]"}`],
  ['JSON token', `{"token":"${S}"}`, `{"token":"[redacted]"}`],
  ['JSON accessToken', `{"name":"NAS","accessToken":"${S}"}`, `{"name":"NAS","accessToken":"[redacted]"}`],
  ['JSON authenticationToken', `{"authenticationToken":"${S}"}`, `{"authenticationToken":"[redacted]"}`],
  ['JSON with an escaped quote in the value', `{"authToken":"${S}\\"x"}`, `{"authToken":"[redacted]"}`],
  ['JSON inside a JSON string', `"{\\"authToken\\":\\"${S}\\"}"`, `"{\\"authToken\\":\\"[redacted]\\"}"`],
  ['XML authToken', `<user id="1" authToken="${S}" title="x"/>`, `<user id="1" authToken=[redacted] title="x"/>`],
  [
    'XML device token',
    `<Device name="x" token="${S}" clientIdentifier="c"/>`,
    `<Device name="x" token=[redacted] clientIdentifier="c"/>`,
  ],
  ['XML single quotes', `<user authenticationToken='${S}'/>`, `<user authenticationToken=[redacted]/>`],
  ['inspected authToken', `{ id: 1, authToken: '${S}' }`, `{ id: 1, authToken: [redacted] }`],
  [
    'inspected null-prototype password',
    `[Object: null prototype] { password: '${S}' }`,
    `[Object: null prototype] { password: [redacted] }`,
  ],
  [
    'inspected axios config data',
    `config: { data: 'login=a&password=${S}&rememberMe=true' }`,
    `config: { data: 'login=a&password=[redacted]&rememberMe=true' }`,
  ],
  [
    'error message with a URL',
    `Error: Request failed with status code 401 (url: '/user?X-Plex-Token=${S}')`,
    `Error: Request failed with status code 401 (url: '/user?X-Plex-Token=[redacted]')`,
  ],
  [
    'error cause chain',
    `Error: outer { cause: Error: inner { headers: { 'x-plex-token': '${S}' } } }`,
    `Error: outer { cause: Error: inner { headers: { 'x-plex-token': "[redacted]" } } }`,
  ],
  ['Bearer in text', `sent Bearer ${S}.more-1`, `sent Bearer [redacted]`],
  ['YAML-ish password', `password: ${S}`, `password: [redacted]`],
  ['capitalised Password', `Password=${S}`, `Password=[redacted]`],
  ['JWT', `jwt=eyJhbGciOiJIUzI1NiJ9.eyJ${S}.c2lnbmF0dXJl done`, `jwt=[redacted] done`],
];

describe('credential patterns', () => {
  it('covers at least 40 shapes', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SHAPES)('scrubs %s', (_name, input, expected) => {
    expect(redactPatterns(input)).toBe(expected);
    expect(createRedactor().redact(input)).toBe(expected);
    expect(expected).not.toContain(S.slice(0, 6));
    expect(redactPatterns(expected)).toBe(expected); // idempotent: a second pass changes nothing
  });

  it.each([
    ['an inspected authToken', "{ authToken: 'SECRETVALUE1' }", '{ authToken: [redacted] }'],
    ['an Authorization header', 'Authorization: Basic U0VDUkVU', 'Authorization: [redacted]'],
    ['a bare JWT payload', 'key eyJ0eXAiOiJKV1QiLCJhbGciOi end', 'key [redacted] end'],
  ])('scrubs %s', (_name, input, expected) => {
    expect(redactPatterns(input)).toBe(expected);
  });

  it.each([
    'POST /users/signin -> 401 in 12 ms',
    'GET /pins/12 -> 200 in 30 ms',
    'IPC token:copy -> ok in 3 ms',
    'IPC pin:start -> ok in 3 ms',
    'IPC session:sign-in -> invalid-verification-code in 40 ms',
    'errorcode=5 and clientToken-ish words',
    'Plex did not accept the email or password; check them and try again.',
    'The token could not be encrypted; it is kept in memory only.',
    '2025-01-02T12:34:56.789Z',
    'X-Plex-Product: Plex Sign-In CLI',
  ])('leaves ordinary log text alone: %s', (line) => {
    expect(redactPatterns(line)).toBe(line);
  });

  it.each(PLEX_ERROR_KINDS)('leaves the sentence for %s alone', (kind) => {
    const message = plexErrorMessage(kind, {
      status: 503,
      retryAfterSeconds: 30,
      timeoutSeconds: 30,
      host: '127.0.0.1:9',
    });
    expect(redactPatterns(message)).toBe(message);
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    const once = redactPatterns('X-Plex-Token=abc&password=def {"authToken":"x"} Bearer y');
    expect(redactPatterns(once)).toBe(once);
  });
});
