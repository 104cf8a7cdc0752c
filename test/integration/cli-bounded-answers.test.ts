import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { endlessBody, gzipBomb, type HostileServer, startHostileServer, trickle } from '../support/hostile-server';
import { freshConfigHome, runCli } from '../support/cli';

// The CLI as a process against a hostile server: whatever the answer, it ends in one
// sentence and exit 7, quickly, and its peak memory stays where an honest run's is.

const MAX_RSS_MIB = 150;
let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs `plex-signin signin` against `apiUrl`, reporting the process's peak RSS. */
async function signinMeasured(apiUrl: string, extraArgs: string[] = []) {
  const dir = freshConfigHome();
  const probe = path.join(dir, 'rss-probe.cjs');
  const report = path.join(dir, 'max-rss');
  // Preloaded into the CLI's own process: its peak resident memory, written as it exits.
  fs.writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const started = Date.now();
  const run = await runCli(['signin', '--login', 'someone', '--password-stdin', ...extraArgs], {
    stdin: 'not-a-real-password',
    env: { XDG_CONFIG_HOME: dir, PLEX_API_URL: apiUrl, NODE_OPTIONS: `--require ${probe}` },
  });
  const maxRssMiB = Number(fs.readFileSync(report, 'utf8')) / 1024;
  return { run, maxRssMiB, ms: Date.now() - started };
}

describe('plex-signin against a hostile server', () => {
  it.each([
    ['a 256 MiB body', () => endlessBody(256, false)],
    ['a gzip bomb of 512 MiB', () => gzipBomb(512)],
  ])('refuses %s as an unexpected answer, within its memory budget', async (_name, handler) => {
    server = await startHostileServer(handler());
    const { run, maxRssMiB, ms } = await signinMeasured(server.apiUrl);
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/^plex-signin: .*does not understand.*\.\n$/);
    expect(maxRssMiB).toBeLessThan(MAX_RSS_MIB);
    expect(ms).toBeLessThan(5000);
  });

  it('says with --debug that the answer was over the cap', async () => {
    server = await startHostileServer(endlessBody(8, true));
    const { run } = await signinMeasured(server.apiUrl, ['--debug']);
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(
      /^debug: POST \/users\/signin -> unexpected-response \(answer over 1048576 bytes\) after \d+ ms$/m,
    );
  });

  it('gives up on a trickling server at --timeout', async () => {
    server = await startHostileServer(trickle(50));
    const { run, ms } = await signinMeasured(server.apiUrl, ['--timeout', '1']);
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('did not answer within 1 second');
    expect(ms).toBeLessThan(4000);
  });
});
