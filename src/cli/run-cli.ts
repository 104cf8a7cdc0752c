import { PRODUCT_VERSION } from '../shared/product';
import { CliError } from './cli-error';
import { devices, DEVICES_HELP } from './commands/devices';
import { servers, SERVERS_HELP } from './commands/servers';
import { signin, SIGNIN_HELP } from './commands/signin';
import { signout, SIGNOUT_HELP } from './commands/signout';
import { token, TOKEN_HELP } from './commands/token';
import { whoami, WHOAMI_HELP } from './commands/whoami';
import type { CliIo } from './context';
import { EXIT } from './exit-codes';

export const HELP = `Usage: plex-signin <command> [options]

Gets and checks your Plex token (X-Plex-Token) from a terminal or a script.

Commands:
  signin    sign in and print the token (alias: login)  (plex-signin signin --help)
  whoami    show the account a token belongs to  (plex-signin whoami --help)
  signout   revoke a token on plex.tv            (plex-signin signout --help)
  token     a separate token for each tool       (plex-signin token --help)
  servers   your servers, their addresses and own tokens  (plex-signin servers --help)
  devices   list and clean up Authorized Devices (plex-signin devices --help)

Exit codes:
  0 ok                          5 invalid verification code
  1 internal error              6 rate limited or locked out
  2 usage                       7 plex.tv unreachable, timed out, unavailable or unexpected
  3 invalid credentials         8 token invalid or expired
  4 verification code required  9 browser or link sign-in expired before approval
                                130 interrupted
`;

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  signin,
  login: signin, // what other tools call it
  whoami,
  signout,
  token,
  servers,
  devices,
};
const COMMAND_HELP: Record<string, string> = {
  signin: SIGNIN_HELP,
  login: SIGNIN_HELP,
  whoami: WHOAMI_HELP,
  signout: SIGNOUT_HELP,
  token: TOKEN_HELP,
  servers: SERVERS_HELP,
  devices: DEVICES_HELP,
};

/** Runs one CLI invocation and returns its exit code; reports failures on stderr. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  const debug = argv.includes('--debug');
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      io.out(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${PRODUCT_VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'help') {
      io.out(COMMAND_HELP[args[0] ?? ''] ?? HELP);
      return EXIT.ok;
    }
    const handler = COMMANDS[command];
    if (!handler) {
      throw new CliError(`Unknown command "${command}"; run "plex-signin --help" to see the commands.`, EXIT.usage);
    }
    return await handler(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`plex-signin: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug of ours. Its text could in theory hold anything, so it is shown only on request.
    io.err(
      debug
        ? `plex-signin: internal error\n${(error as Error)?.stack ?? String(error)}\n`
        : 'plex-signin: something went wrong inside plex-signin; run again with --debug and report the output.\n',
    );
    return EXIT.internal;
  }
}
