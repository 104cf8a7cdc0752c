import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'api-url': { type: 'string' },
  timeout: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Parses a command's arguments strictly, turning Node's errors into one usage sentence. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    throw usageFromParseError(command, error);
  }
}

/** The same, for commands that also take bare arguments (`devices remove <id>…`). */
export function parseCommandLine<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageFromParseError(command, error);
  }
}

function usageFromParseError(command: string, error: unknown) {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  const hint = `run "plex-signin ${command} --help" to see its options`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return usageError(`Unknown option ${option ?? ''} for ${command}; ${hint}.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return usageError(`Option ${option ?? ''} needs a value; ${hint}.`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return usageError(`${command} takes no bare arguments, only options; ${hint}.`);
  }
  return usageError(`Could not read the options for ${command}; ${hint}.`);
}

/** `--timeout` in seconds, as milliseconds for the client. */
export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw usageError(`--timeout takes a number of seconds between 0 and 3600, not "${value}".`);
  }
  return Math.round(seconds * 1000);
}
