// Security gate: runs Electronegativity over src/ and fails (exit 1) on what it must not
// let through. The tool exits 0 whatever it finds, so this script reads its CSV report
// (and runs it again, up to 3 times, when the report comes out garbled: see readFindings):
//   - any HIGH finding fails;
//   - any MEDIUM finding fails, except PRELOAD_JS_CHECK ("Review the use of preload
//     scripts"): the tool raises it for every window that has a preload at all, whatever
//     the preload does. What ours does is checked by test/security (one frozen object
//     built from the IPC contract, no ipcRenderer, require or Node object), so the note
//     carries no information here;
//   - LOW and INFORMATIONAL findings are listed in the count only.
// Two more rules keep the tool honest:
//   - PRELOAD_JS_CHECK must be present: it proves the tool saw the window's
//     webPreferences. It only understands them written inline in `new BrowserWindow({…})`;
//     if it stops seeing them, its sandbox/contextIsolation/nodeIntegration checks are
//     silently off, and the gate fails rather than pass on a blind scan.
//   - Inline `eng-disable` comments (the tool's way to silence a finding) are accepted only
//     where REVIEWED_SUPPRESSIONS says so; any other one fails the gate.
// The checks the tool lacks are tests: `npx vitest run test/security`.
//
// Usage: node scripts/security-gate.mjs   (needs the npm registry the first time: npx)
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCAN_DIR = 'src';
const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/** The MEDIUM check that is allowed, and why (see the top of this file). */
export const ALLOWED_MEDIUM = new Set(['PRELOAD_JS_CHECK']);
/** The check whose presence proves the tool parsed the window's webPreferences. */
export const REQUIRED_CANARY = 'PRELOAD_JS_CHECK';

/**
 * Inline suppressions that were reviewed. Each names the check and a pattern the
 * suppressed line must contain; anything else is refused.
 */
export const REVIEWED_SUPPRESSIONS = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    // The tool flags every openExternal call whose argument is not a string literal; it
    // cannot see a guard. The app's one call is proved to sit behind isAllowedExternalUrl
    // by test/security/open-external.test.ts, which also fails on any second call site.
    line: /\bshell\.openExternal\(/,
    why: 'the one shell.openExternal call, guarded by isAllowedExternalUrl (test/security/open-external.test.ts)',
  },
];

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((value) => value.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((value) => value.trim() !== '')) rows.push(row);
  return rows;
}

const SEVERITIES = new Set(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);
const CONFIDENCES = new Set(['CERTAIN', 'FIRM', 'TENTATIVE']);

/**
 * The findings of an Electronegativity CSV report; throws if it is not one. Strict on
 * every row, because the tool writes the header and the rows with two unsynchronised
 * writes: now and then the header lands over the first row, and a lenient reader would
 * silently lose that finding.
 */
export function readFindings(csv) {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header.map((name) => name.trim().toLowerCase()).join() !== CSV_HEADER.join()) {
    throw new Error(`not an Electronegativity CSV report (header: ${header ? header.join(',') : 'none'})`);
  }
  return rows.map((fields) => {
    const [issue, severity, confidence, file, location, sample, description, url] = fields.map((v) => v.trim());
    const wellFormed =
      fields.length === CSV_HEADER.length &&
      /^[A-Z0-9_]+_CHECK$/.test(issue) &&
      SEVERITIES.has(severity) &&
      CONFIDENCES.has(confidence) &&
      /^\d+:\d+$/.test(location) &&
      url === `https://github.com/doyensec/electronegativity/wiki/${issue}`;
    if (!wellFormed) throw new Error(`malformed report row: ${fields.join(',').slice(0, 200)}`);
    return { issue, severity, confidence, file, location, sample, description, url };
  });
}

/** Every `eng-disable` comment under src/, with the line it sits on. */
export async function findSuppressions(dir) {
  const found = [];
  const walk = async (current) => {
    const entries = (await readdir(current, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') await walk(absolute);
      } else if (/\.(m?[jt]sx?|c[jt]s|html?|json)$/.test(entry.name)) {
        const lines = (await readFile(absolute, 'utf8')).split(/\r?\n/);
        lines.forEach((line, index) => {
          const match = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+([\w \t,]+)/i.exec(line);
          if (!match) return;
          for (const check of match[1].trim().split(/[\s,]+/)) {
            found.push({
              file: path.relative(ROOT, absolute),
              line: index + 1,
              text: line.trim(),
              check: check.toUpperCase(),
            });
          }
        });
      }
    }
  };
  await walk(dir);
  return found;
}

/** The gate's verdict on a set of findings and suppressions. */
export function evaluate(findings, suppressions) {
  const blocking = findings.filter(
    (f) => f.severity === 'HIGH' || (f.severity === 'MEDIUM' && !ALLOWED_MEDIUM.has(f.issue)),
  );
  const allowed = findings.filter((f) => f.severity === 'MEDIUM' && ALLOWED_MEDIUM.has(f.issue));
  const minor = findings.filter((f) => f.severity !== 'HIGH' && f.severity !== 'MEDIUM');
  const problems = blocking.map(
    (f) =>
      `${f.severity} ${f.issue} src/${f.file}:${f.location}: ${f.description}${f.sample && f.sample !== 'N/A' ? ` — ${f.sample}` : ''}`,
  );
  if (!findings.some((f) => f.issue === REQUIRED_CANARY)) {
    problems.push(
      `${REQUIRED_CANARY} is missing: Electronegativity did not see the window's webPreferences (write them inline in \`new BrowserWindow({ webPreferences: {…} })\`), so its window checks did not run`,
    );
  }
  const unreviewed = suppressions.filter(
    (s) => !REVIEWED_SUPPRESSIONS.some((r) => r.check === s.check && r.line.test(s.text)),
  );
  for (const s of unreviewed) {
    problems.push(
      `unreviewed suppression ${s.file}:${s.line}: eng-disable ${s.check} (add it to REVIEWED_SUPPRESSIONS with a reason, or fix the finding)`,
    );
  }
  const count = (severity) => blocking.filter((f) => f.severity === severity).length;
  const summary =
    `security gate: ${problems.length === 0 ? 'PASS' : 'FAIL'} — ` +
    `${count('HIGH')} high, ${count('MEDIUM')} medium blocking; ` +
    `${allowed.length} allowed (${[...ALLOWED_MEDIUM].join(', ')}); ${minor.length} low/informational; ` +
    `${suppressions.length - unreviewed.length} reviewed suppression(s), ${unreviewed.length} unreviewed ` +
    `(${ELECTRONEGATIVITY})`;
  return { ok: problems.length === 0, problems, summary };
}

function run(command, args, options) {
  return new Promise((resolve) => {
    execFile(command, args, options, (error, stdout, stderr) => resolve({ error, stdout, stderr }));
  });
}

/** The exact Electron version from package.json (the tool's version-specific checks need it). */
async function electronVersion() {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!/^\d+\.\d+\.\d+$/.test(version ?? ''))
    throw new Error(`package.json must pin electron exactly (found ${version})`);
  return version;
}

/** One Electronegativity run over src/: its findings, or why there are none. */
async function scan(version) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'plex-signin-security-gate-'));
  try {
    const report = path.join(tmp, 'report.csv');
    const args = ['-y', ELECTRONEGATIVITY, '-i', SCAN_DIR, '-r', '-v', 'false', '-e', version, '-o', report];
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const options = { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' };
    const result = await run(npx, args, options);
    let csv;
    try {
      csv = await readFile(report, 'utf8');
    } catch {
      const detail = `${result.error?.message ?? ''}\n${result.stderr}`.trim();
      throw new Error(`Electronegativity wrote no report${detail ? `:\n${detail}` : ''}`);
    }
    const findings = readFindings(csv);
    // There is always at least the preload note: an empty report is a lost write.
    if (findings.length === 0) throw new Error('Electronegativity wrote an empty report');
    return findings;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

const ATTEMPTS = 3;

async function main() {
  const version = await electronVersion();
  let findings;
  for (let attempt = 1; !findings; attempt++) {
    try {
      findings = await scan(version);
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      console.log(
        `  … scan ${attempt} unusable (${error instanceof Error ? error.message.split('\n')[0] : error}); again`,
      );
    }
  }
  const verdict = evaluate(findings, await findSuppressions(path.join(ROOT, SCAN_DIR)));
  for (const problem of verdict.problems) console.log(`  ✗ ${problem}`);
  console.log(verdict.summary);
  return verdict.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.log(`  ✗ ${error instanceof Error ? error.message : String(error)}`);
      console.log(`security gate: FAIL — the scan did not complete (${ELECTRONEGATIVITY})`);
      process.exit(1);
    },
  );
}
