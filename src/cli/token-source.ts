import { usageError } from './cli-error';
import { readStdin } from './terminal';

/** The token a command acts on: from stdin with --token-stdin, else from PLEX_TOKEN. */
export async function readToken(fromStdin: boolean, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  const token = (fromStdin ? await readStdin(signal) : (env.PLEX_TOKEN ?? '')).trim();
  if (!token) {
    throw usageError(
      fromStdin
        ? '--token-stdin read nothing; pipe the token into the command.'
        : 'No token given; sign in with `plex-signin signin` and pass the token in PLEX_TOKEN or with --token-stdin.',
    );
  }
  return token;
}
