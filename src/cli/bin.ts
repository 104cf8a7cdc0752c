import { deferWebFetchGlobals } from './defer-web-fetch';
import type * as Main from './run-cli';

// Entry point of the bundled CLI (out/cli/plex-signin.cjs).

const restore = deferWebFetchGlobals();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the globals are hidden
const { run } = require('./run-cli') as typeof Main;
restore();

const controller = new AbortController();
// Ctrl-C cancels the request in flight; a second one ends the process at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);

void run(process.argv.slice(2), {
  env: process.env,
  out: write(process.stdout),
  err: write(process.stderr),
  signal: controller.signal,
}).then((code) => {
  // Exit once both streams have flushed (pipes are asynchronous on some platforms), so
  // idle keep-alive sockets cannot hold the process open.
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
});
