import type { SignInRequest } from '../../core/plex-client';
import type { PlexErrorKind } from '../../shared/plex-error';
import { parseCommandArgs } from '../args';
import { usageError } from '../cli-error';
import { clientFor, type CliIo } from '../context';
import { plexFailure } from '../plex-failure';
import { canPrompt, promptHidden, promptVisible, readStdin } from '../terminal';
import { printSignedIn } from './signed-in-output';
import { signinWithPin } from './signin-with-pin';

export const SIGNIN_HELP = `Usage: plex-signin signin --login <email|username> [options]
       plex-signin signin --browser | --link [--json] [--timeout <seconds>]

Signs in to plex.tv and prints the token alone on stdout, so TOKEN=$(plex-signin signin ...) works.
\`plex-signin login\` is another name for \`plex-signin signin\`.

Options:
  --login <email|username>  the Plex account, signing in with its password
  --browser                 approve the sign-in in your browser instead (no password here;
                            for Google, Apple or Facebook accounts too); prints the address
  --link                    show a 4-character code to enter at plex.tv/link on any device
  --password-stdin          read the password from stdin (else you are asked, with echo off)
  --code-stdin              with --password-stdin: read the 6-digit code or a backup code
                            from the second line of stdin (the password is the first)
  --code <code>             the code on the command line, for scripts only: visible to other
                            users of this computer (ps, /proc) and kept in shell history;
                            prefer --code-stdin, or leave it out to be asked at a terminal
  --no-remember             ask for a short-lived token instead of a 14-day one
  --json                    print the account and its authToken as JSON
  --api-url <url>           the API base URL (default PLEX_API_URL, else https://plex.tv/api/v2)
  --timeout <seconds>       time limit for each request (default 30); with --browser or
                            --link, how long to wait for approval (default: until the code expires)
  --debug                   print each HTTP exchange (never secrets) and stack traces
`;

const OPTIONS = {
  login: { type: 'string' },
  browser: { type: 'boolean' },
  link: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  'code-stdin': { type: 'boolean' },
  code: { type: 'string' },
  'no-remember': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const CODE = /^[A-Za-z0-9-]{6,64}$/;

/** Spaces people type inside a code ("123 456") are dropped; the rest must look like a code. */
export function normaliseCode(raw: string): string {
  const code = raw.replace(/\s+/g, '');
  if (!CODE.test(code)) {
    throw usageError('A verification code is 6 digits or a backup code of letters and digits; check it and try again.');
  }
  return code;
}

export async function signin(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs('signin', args, OPTIONS);
  if (values.help) {
    io.out(SIGNIN_HELP);
    return 0;
  }
  const pinMode = values.browser ? 'browser' : values.link ? 'link' : undefined;
  if (pinMode) {
    const clash = (
      ['login', 'password-stdin', 'code', 'code-stdin', 'no-remember', values.browser && 'link'] as const
    ).find((name) => name && values[name] !== undefined);
    if (clash) throw usageError(`--${pinMode} signs in without a password, so it cannot be combined with --${clash}.`);
    return signinWithPin(pinMode, values, io);
  }
  const login = values.login?.trim();
  if (!login) {
    throw usageError('Say which account to sign in with --login <email or username>, or use --browser or --link.');
  }
  if (login.length > 255) throw usageError('That login is too long for a Plex email or username; check it.');
  const codeFromStdin = Boolean(values['code-stdin']);
  if (codeFromStdin && values.code !== undefined) {
    throw usageError('Give the verification code either with --code or with --code-stdin, not both.');
  }
  if (codeFromStdin && !values['password-stdin']) {
    throw usageError(
      '--code-stdin reads the code from the second line of stdin, after the password, so it needs --password-stdin too.',
    );
  }
  let code = values.code === undefined ? undefined : normaliseCode(values.code);
  const { client } = clientFor(values, io);

  const secrets = await readSecrets(Boolean(values['password-stdin']), codeFromStdin, io.signal);
  const { password } = secrets;
  if (secrets.code !== undefined) code = secrets.code;
  const request = (verificationCode?: string): SignInRequest => ({
    login,
    password,
    rememberMe: !values['no-remember'],
    ...(verificationCode ? { verificationCode } : {}),
  });

  // One request, and more only when the person at the terminal types a code: after
  // plex.tv asked for one, and once more after it refused one (a wrong code may come back
  // as 1001, "the password or the code"). Nothing is ever retried on its own.
  let result = await client.signIn(request(code), { signal: io.signal });
  if (!result.ok && result.error.kind === 'verification-required' && code === undefined && canPrompt()) {
    code = normaliseCode(await promptVisible(CODE_PROMPT, CANCELLED_BEFORE_CODE));
    result = await client.signIn(request(code), { signal: io.signal });
  }
  if (!result.ok && code !== undefined && CODE_REFUSED.has(result.error.kind) && canPrompt()) {
    io.err(`${result.error.message}\n`);
    code = normaliseCode(await promptVisible(CODE_PROMPT, CANCELLED_AFTER_CODE));
    result = await client.signIn(request(code), { signal: io.signal });
  }
  if (!result.ok) throw plexFailure(result.error);

  printSignedIn(result.value, Boolean(values.json), io);
  return 0;
}

const CODE_PROMPT = 'Verification code (or backup code): ';
// Ctrl-C at the code prompt comes after the password went to plex.tv: say so.
const CANCELLED_BEFORE_CODE =
  'Cancelled at the code prompt; your password was sent to plex.tv and accepted, but no code was sent, so you are not signed in.';
const CANCELLED_AFTER_CODE =
  'Cancelled at the code prompt; your password and a code plex.tv refused were sent, and no other code, so you are not signed in.';

/** Answers after which typing the code again may help. */
const CODE_REFUSED = new Set<PlexErrorKind>(['invalid-verification-code', 'invalid-credentials-or-code']);

/**
 * The password, from stdin or the terminal, and with --code-stdin the code on the second
 * line of stdin (so neither ever appears in the command line).
 */
async function readSecrets(
  passwordFromStdin: boolean,
  codeFromStdin: boolean,
  signal: AbortSignal,
): Promise<{ password: string; code?: string }> {
  if (!codeFromStdin) return { password: await readPassword(passwordFromStdin, signal) };
  const text = await readStdin(signal);
  const lineBreak = /\r?\n/.exec(text);
  const password = lineBreak ? text.slice(0, lineBreak.index) : text;
  const code = lineBreak ? text.slice(lineBreak.index + lineBreak[0].length).replace(/\r?\n$/, '') : '';
  if (!password)
    throw usageError('--password-stdin read an empty password; put the password on the first line of stdin.');
  if (!code.trim()) {
    throw usageError(
      '--code-stdin found no code on the second line of stdin; put the code on the line after the password.',
    );
  }
  return { password, code: normaliseCode(code) };
}

async function readPassword(fromStdin: boolean, signal: AbortSignal): Promise<string> {
  if (fromStdin) {
    const password = await readStdin(signal);
    if (!password) throw usageError('--password-stdin read an empty password; pipe the password into the command.');
    return password;
  }
  if (!canPrompt()) {
    throw usageError('No password given; pipe it in with --password-stdin, or run in a terminal to be asked for it.');
  }
  const password = await promptHidden('Plex password: ');
  if (!password) throw usageError('The password was empty; run the command again and type it.');
  return password;
}
