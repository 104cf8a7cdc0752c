// Scrubs secrets out of text before it is written anywhere (the log file, the console,
// the diagnostics report). Two layers:
//   1. the secrets the app holds right now (the token of the session, the password and
//      code of a sign-in in flight), registered with remember() and dropped with forget(),
//      matched verbatim and in the encodings they travel in (form, URL, JSON);
//   2. patterns that look like credentials whoever they belong to: X-Plex-Token headers
//      and query values, token and password fields of JSON and forms, JWTs, Bearer tokens.
// Pure string work: no Node or Electron API, so it runs anywhere.

export interface Redactor {
  /** Scrubs `secret` from everything redacted until it is forgotten (counted: remember twice, forget twice). */
  remember(secret: string): void;
  forget(secret: string): void;
  /** `text` with every remembered secret and every credential-looking value replaced. */
  redact(text: string): string;
}

export const REDACTED = '[redacted]';

/**
 * Shorter secrets are not remembered: scrubbing every "abc" would garble the log, and no
 * Plex token, password or verification code is that short. The patterns still apply.
 */
export const MIN_SECRET_LENGTH = 4;

/** Field names whose values are secrets, in JSON, forms, query strings and headers. */
const SECRET_KEYS = [
  'x-plex-token',
  'auth[-_]?token',
  'authentication[-_]?token',
  'access[-_]?token',
  'refresh[-_]?token',
  'token',
  'password',
  'passwd',
  'verification[-_]?code',
  'backup[-_]?code',
  'code',
  'pin', // a Plex Home user's PIN (`/home/users/{uuid}/switch?pin=`)
  'secret',
].join('|');
/** Header names whose value is a secret: `Name:value` counts even without a space. */
const SECRET_HEADERS = 'x-plex-token|x-plex-pin';

// `"key": "value"` (JSON, escaped quotes included) and `'key': 'value'`.
const QUOTED_FIELD = new RegExp(
  String.raw`(["'])(${SECRET_KEYS})\1(\s*:\s*)(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,}\]]+)`,
  'gi',
);
// The same inside a JSON string (a body logged as a string): `\"key\":\"value\"`, at
// any depth of escaping.
const ESCAPED_FIELD = new RegExp(String.raw`(\\+)"(${SECRET_KEYS})\1"(\s*:\s*)\1"(?:.*?)\1"`, 'gi');
// `key=value` (forms, query strings, XML attributes) and `key: value` (headers; the space
// keeps `token:copy`, a channel name, from reading as a field). A key is a whole word:
// `errorcode=` is not `code=`.
const BARE_FIELD = new RegExp(
  String.raw`(^|[^\w-])(${SECRET_KEYS})(\s*=\s*|:\s+)(?!\[redacted\])(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s&"',;}\]]+)`,
  'gi',
);
// `X-Plex-Token:value`, the way Node and curl write a header with no space.
const HEADER_FIELD = new RegExp(String.raw`(^|[^\w-])(${SECRET_HEADERS})(:)(?!\[redacted\])[^\s"',;}\]]+`, 'gi');
// `['X-Plex-Token', 'value']`: Node's rawHeaders list, name and value side by side.
const HEADER_LIST = new RegExp(
  String.raw`(["'])(${SECRET_HEADERS}|authorization)\1(\s*,\s*)(["'])(?:(?!\4).)*\4`,
  'gi',
);
// `key%3Dvalue`: a query string inside another, percent-encoded (`next=%2Fuser%3FX-Plex-Token%3D…`).
const ENCODED_FIELD = new RegExp(
  String.raw`(^|[^\w-]|%3F|%26)(${SECRET_KEYS})(%3D)(?!\[redacted\])(?:(?!%26)[^\s&"',;}\]])+`,
  'gi',
);
const AUTHORIZATION =
  /\b(authorization["']?\s*[:=]\s*["']?)(?!\[redacted\])(?:(?:bearer|basic|token)\s+)?[^\s"',;}\]]+/gi;
const BEARER = /\bbearer\s+[\w~+/.=-]+/gi;
/** A JWT (or any base64url JSON object: `{"` encodes as `eyJ`), with up to two more dotted parts. */
const JWT = /\beyJ[\w-]{6,}(?:\.[\w-]*){0,2}/g;

export function createRedactor(): Redactor {
  /** remembered secret → how many holders still remember it */
  const held = new Map<string, number>();
  /** every form of every remembered secret, longest first (a longer form may contain a shorter one) */
  let forms: string[] = [];

  function rebuild(): void {
    const all = new Set<string>();
    for (const secret of held.keys()) for (const form of encodings(secret)) all.add(form);
    forms = [...all].sort((a, b) => b.length - a.length);
  }

  return {
    remember(secret) {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) return;
      held.set(secret, (held.get(secret) ?? 0) + 1);
      if (held.get(secret) === 1) rebuild();
    },
    forget(secret) {
      const count = held.get(secret);
      if (count === undefined) return;
      if (count > 1) held.set(secret, count - 1);
      else {
        held.delete(secret);
        rebuild();
      }
    },
    redact(text) {
      let out = String(text);
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
      return redactPatterns(out);
    },
  };
}

/** Only the pattern layer: for text no redactor instance sees (and in tests). */
export function redactPatterns(text: string): string {
  return text
    .replace(AUTHORIZATION, `$1${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(
      ESCAPED_FIELD,
      (_m, esc: string, key: string, sep: string) => `${esc}"${key}${esc}"${sep}${esc}"${REDACTED}${esc}"`,
    )
    .replace(QUOTED_FIELD, (_m, quote: string, key: string, sep: string) => `${quote}${key}${quote}${sep}"${REDACTED}"`)
    .replace(
      HEADER_LIST,
      (_m, quote: string, name: string, sep: string) => `${quote}${name}${quote}${sep}'${REDACTED}'`,
    )
    .replace(ENCODED_FIELD, (_m, before: string, key: string, sep: string) => `${before}${key}${sep}${REDACTED}`)
    .replace(BARE_FIELD, (_m, before: string, key: string, sep: string) => `${before}${key}${sep}${REDACTED}`)
    .replace(HEADER_FIELD, (_m, before: string, name: string, sep: string) => `${before}${name}${sep}${REDACTED}`);
}

/** The forms a secret takes on its way out: as is, form-encoded, URL-encoded, inside JSON. */
function encodings(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2)); // application/x-www-form-urlencoded
  try {
    forms.add(encodeURIComponent(secret));
  } catch {
    // a lone surrogate cannot be URL-encoded; it is still matched as is
  }
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}
