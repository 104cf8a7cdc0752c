import type { SignInRequest } from '../../core/plex-client';
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

Options:
  --login <email|username>  the Plex account, signing in with its password
  --browser                 approve the sign-in in your browser instead (no password here;
                            for Google, Apple or Facebook accounts too); prints the address
  --link                    show a 4-character code to enter at plex.tv/link on any device
  --password-stdin          read the password from stdin (else you are asked, with echo off)
  --code <code>             the 6-digit verification code, or a backup code
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
    const clash = (['login', 'password-stdin', 'code', 'no-remember', values.browser && 'link'] as const).find(
      (name) => name && values[name] !== undefined,
    );
    if (clash) throw usageError(`--${pinMode} signs in without a password, so it cannot be combined with --${clash}.`);
    return signinWithPin(pinMode, values, io);
  }
  const login = values.login?.trim();
  if (!login) {
    throw usageError('Say which account to sign in with --login <email or username>, or use --browser or --link.');
  }
  if (login.length > 255) throw usageError('That login is too long for a Plex email or username; check it.');
  let code = values.code === undefined ? undefined : normaliseCode(values.code);
  const { client } = clientFor(values, io);

  const password = await readPassword(Boolean(values['password-stdin']), io.signal);
  const request = (verificationCode?: string): SignInRequest => ({
    login,
    password,
    rememberMe: !values['no-remember'],
    ...(verificationCode ? { verificationCode } : {}),
  });

  let result = await client.signIn(request(code), { signal: io.signal });
  if (!result.ok && result.error.kind === 'verification-required' && code === undefined && canPrompt()) {
    code = normaliseCode(await promptVisible('Verification code (or backup code): '));
    result = await client.signIn(request(code), { signal: io.signal });
  }
  if (!result.ok) throw plexFailure(result.error);

  printSignedIn(result.value, Boolean(values.json), io);
  return 0;
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
