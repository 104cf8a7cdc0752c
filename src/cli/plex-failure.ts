import type { PlexErrorInfo } from '../shared/plex-error';
import { CliError } from './cli-error';
import { exitCodeFor } from './exit-codes';

/** A plex.tv failure as the CLI reports it, with wording fit for a terminal. */
export function plexFailure(error: PlexErrorInfo): CliError {
  const message =
    error.kind === 'verification-required'
      ? 'This account uses two-step verification; run again at a terminal to be asked for the code, or pipe the 6-digit code or a backup code in with --code-stdin, on the line after the password.'
      : error.message;
  return new CliError(message, exitCodeFor(error.kind));
}
