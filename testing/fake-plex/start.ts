// `npm run fake-plex`: runs the fake plex.tv until interrupted, for trying the app
// without an account. Prints one line, the API base URL, so scripts can read it.
//   npm run fake-plex -- --port 32500      (or FAKE_PLEX_PORT=32500; default: a free port)
//   FAKE_PLEX_SEED=2 npm run fake-plex     other ids, join dates, avatars and names (see accounts.ts)

import { seedFromEnv } from './accounts';
import { startFakePlex } from './server';

function portFrom(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const arg = flag === -1 ? undefined : argv[flag]?.startsWith('--port=') ? argv[flag]?.slice(7) : argv[flag + 1];
  const raw = arg ?? env['FAKE_PLEX_PORT'] ?? '0';
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`fake-plex: invalid port "${raw}" (use --port N or FAKE_PLEX_PORT, 0 for any free port)`);
  }
  return port;
}

async function main(): Promise<void> {
  const fake = await startFakePlex({
    port: portFrom(process.argv.slice(2), process.env),
    host: '127.0.0.1',
    seed: seedFromEnv(process.env),
  });
  process.stdout.write(`${fake.apiUrl}\n`);

  const stop = (): void => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
