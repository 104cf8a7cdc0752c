import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

// Reading secrets and answers from the person at the terminal, or from a pipe.

/** Whether we can ask the person at the terminal. */
export function canPrompt(stdin: NodeJS.ReadStream = process.stdin): boolean {
  return Boolean(stdin.isTTY);
}

/**
 * Reads all of stdin and drops one trailing line break (what `echo` and files add).
 * Ctrl-C (`signal`) stops the wait, so a terminal left on stdin never hangs the CLI.
 */
export function readStdin(signal?: AbortSignal, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  // Plain events rather than `for await`: the async iterator machinery costs a few ms of
  // start-up on every scripted sign-in.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = () => {
      stdin.pause();
      reject(new CliError('Cancelled while reading stdin; nothing was sent to plex.tv.', EXIT.interrupted));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    stdin.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stdin.once('error', reject);
    stdin.once('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(
        Buffer.concat(chunks)
          .toString('utf8')
          .replace(/\r?\n$/, ''),
      );
    });
  });
}

/** What Ctrl-C at a prompt reports unless the caller knows better. */
const NOTHING_SENT = 'Cancelled at the prompt; nothing was sent to plex.tv.';

/**
 * Asks a question on stderr and reads the answer with echo off (for passwords).
 * `cancelled` is the sentence for Ctrl-C: it must say what was already sent, if anything.
 */
export function promptHidden(question: string, cancelled = NOTHING_SENT): Promise<string> {
  return prompt(question, false, cancelled);
}

/** Asks a question on stderr and reads a visible answer; `cancelled` as for promptHidden. */
export function promptVisible(question: string, cancelled = NOTHING_SENT): Promise<string> {
  return prompt(question, true, cancelled);
}

function prompt(question: string, echo: boolean, cancelled: string): Promise<string> {
  const stdin = process.stdin;
  const stderr = process.stderr;
  // Raw mode lets us read key by key without the terminal echoing them. It is switched on
  // before the question appears, so nothing typed at the prompt can be echoed.
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  stderr.write(question);
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) {
          // Ctrl-C, or Ctrl-D on an empty line: the person gave up.
          finish();
          reject(new CliError(cancelled, EXIT.interrupted));
          return;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (value) {
            value = Array.from(value).slice(0, -1).join('');
            if (echo) stderr.write('\b \b');
          }
        } else if (ch === '\u0015') {
          value = ''; // Ctrl-U clears the line, as in a shell.
        } else if (ch >= ' ') {
          value += ch;
          if (echo) stderr.write(ch);
        }
      }
    };
    stdin.on('data', onData);
  });
}
