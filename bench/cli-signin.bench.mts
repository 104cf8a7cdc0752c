import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakePlex } from '../testing/fake-plex/server';
import { median } from './bench-support.mjs';

// `npm run bench`: whole-process sign-in time of the CLI against the fake plex.tv, next to
// the floor (a bare node:http script doing the same single POST) and a naive fetch script,
// in one run, interleaved (the order reversed every round) so that machine noise hits all three alike. Goal: CLI ≤ 1.3 × floor.

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;
const login = 'alice@example.com';
const password = 'alice-pass-1'; // the fake's seeded test account, not a real credential

const fake = await startFakePlex();
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-bench-'));

const candidates = {
  floor: [path.resolve('bench/floor-signin.cjs'), fake.apiUrl, login, password],
  fetch: [path.resolve('bench/fetch-signin.cjs'), fake.apiUrl, login, password],
  cli: [path.resolve('out/cli/plex-signin.cjs'), 'signin', '--login', login, '--password-stdin'],
} as const;
type Name = keyof typeof candidates;

function timeOnce(name: Name): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...candidates[name]], {
      env: {
        PATH: process.env.PATH ?? '',
        XDG_CONFIG_HOME: configHome,
        XDG_CACHE_HOME: configHome,
        PLEX_API_URL: fake.apiUrl,
      },
      // stderr dropped: against the fake, every CLI run starts with its not-plex.tv warning.
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 || !/^[A-Za-z0-9_-]+\n$/.test(out)) reject(new Error(`${name} failed (exit ${code})`));
      else resolve(ms);
    });
    child.stdin.end(`${password}\n`);
  });
}

const names = Object.keys(candidates) as Name[];
const times: Record<Name, number[]> = { floor: [], fetch: [], cli: [] };
for (let i = 0; i < WARMUP + RUNS; i += 1) {
  // A B C, then C B A: each pair of neighbours shares the machine's drift.
  for (const name of i % 2 === 0 ? names : [...names].reverse()) {
    const ms = await timeOnce(name);
    if (i >= WARMUP) times[name].push(ms);
  }
}
await fake.close();
fs.rmSync(configHome, { recursive: true, force: true });

const floor = median(times.floor);
console.log(`sign-in, whole process, median of ${RUNS} runs (node ${process.version}, ${os.cpus().length} cores)`);
for (const name of names) {
  const m = median(times[name]);
  console.log(`  ${name.padEnd(6)} ${m.toFixed(1).padStart(7)} ms   ${(m / floor).toFixed(2)} x floor`);
}
const ratio = median(times.cli) / floor;
// Paired: each run's CLI time over the floor's time of the same round, then the median.
const paired = median(times.cli.map((ms, i) => ms / times.floor[i]!));
console.log(`cli/floor ratio: ${ratio.toFixed(2)} of the medians, ${paired.toFixed(2)} paired (goal <= 1.30)`);
