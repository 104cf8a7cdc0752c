import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';
import { PRODUCT_VERSION } from '../../src/shared/product';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { closedPortUrl } from '../../testing/closed-port';
import { SEEDED } from '../../testing/seeded-accounts';
import { freshConfigHome, runCli } from '../support/cli';

// What the single-file build does to stay fast must not change what it does: the V8
// code cache, and the modules it loads only on demand (TLS, the HTTPS proxy agent).

let fake: FakeHandle;
beforeAll(async () => {
  fake = await useFakePlex();
});
afterAll(() => fake.close());

const signin = (env: Record<string, string>) =>
  runCli(['signin', '--login', SEEDED.alice.login, '--password-stdin'], {
    stdin: SEEDED.alice.password,
    env: { XDG_CONFIG_HOME: freshConfigHome(), PLEX_API_URL: fake.apiUrl, ...env },
  });

describe('the bundled CLI', () => {
  it('writes its code cache on the first run and signs in alike with it, or with a corrupt one', async () => {
    const cacheHome = freshConfigHome();
    expect((await signin({ XDG_CACHE_HOME: cacheHome })).code).toBe(0);
    const dir = path.join(cacheHome, 'plex-signin');
    const [file] = fs.readdirSync(dir);
    expect(file).toMatch(/^cli-.*\.v8cache$/);
    expect(fs.statSync(path.join(dir, file!)).size).toBeGreaterThan(1000);

    expect((await signin({ XDG_CACHE_HOME: cacheHome })).code).toBe(0);
    fs.writeFileSync(path.join(dir, file!), 'not a code cache');
    expect((await signin({ XDG_CACHE_HOME: cacheHome })).code).toBe(0);
    expect(fs.statSync(path.join(dir, file!)).size).toBeGreaterThan(1000); // rewritten
  });

  it('runs the new code after a rebuild of the same size, never what the cache holds of the old', async () => {
    const dir = freshConfigHome();
    const outfile = path.relative(process.cwd(), path.join(dir, 'plex-signin.cjs'));
    const cacheHome = freshConfigHome();
    /** Builds the CLI with its version string changed: other code, same length. */
    const buildAs = (version: string) =>
      buildCli({
        outfile,
        transformBundle: (text) => {
          const parts = text.split(`"${PRODUCT_VERSION}"`);
          expect(parts, 'the version string appears once in the bundle').toHaveLength(2);
          expect(version).toHaveLength(PRODUCT_VERSION.length);
          return parts.join(`"${version}"`);
        },
      });
    const version = () =>
      execFileSync(process.execPath, [outfile, '--version'], {
        env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cacheHome },
        encoding: 'utf8',
      }).trim();

    await buildAs('7.7.7');
    const first = fs.statSync(outfile).size;
    expect(version()).toBe('7.7.7'); // writes the code cache
    expect(version()).toBe('7.7.7'); // runs from it
    await buildAs('8.8.8');
    expect(fs.statSync(outfile).size).toBe(first);
    expect(version()).toBe('8.8.8');
    expect(fs.readdirSync(path.join(cacheHome, 'plex-signin')).filter((f) => f.endsWith('.v8cache'))).toHaveLength(2);
  });

  it('still works when the cache folder cannot be written', async () => {
    const blocker = path.join(freshConfigHome(), 'a-file');
    fs.writeFileSync(blocker, '');
    const run = await signin({ XDG_CACHE_HOME: blocker });
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('loads TLS on demand for an https:// API URL', async () => {
    const run = await signin({ PLEX_API_URL: (await closedPortUrl()).replace('http:', 'https:') });
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/Could not reach plex\.tv \(127\.0\.0\.1:\d+\)/);
  });

  it('goes through an HTTPS proxy from HTTPS_PROXY (the proxy agent loads on demand)', async () => {
    const connects: string[] = [];
    const proxy = net.createServer((socket) => {
      socket.once('data', (data) => {
        connects.push(data.toString('latin1').split('\r\n')[0] ?? '');
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as net.AddressInfo;
    try {
      const run = await signin({
        PLEX_API_URL: 'https://plex.example.test/api/v2',
        HTTPS_PROXY: `http://127.0.0.1:${port}`,
      });
      expect(run.code).toBe(7);
      expect(connects).toEqual(['CONNECT plex.example.test:443 HTTP/1.1']);
    } finally {
      proxy.close();
    }
  });
});
