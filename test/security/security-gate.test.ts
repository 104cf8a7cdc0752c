import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  evaluate,
  type Finding,
  findSuppressions,
  parseCsv,
  readFindings,
  type Suppression,
} from '../../scripts/security-gate.mjs';

// The gate's reading of Electronegativity's CSV and its policy, without running the tool
// (that is `node scripts/security-gate.mjs`, about 10–40 s and the npm registry once).

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const row = (issue: string, severity: string, file: string, sample = 'N/A', description = 'Review this') =>
  `${issue},"${severity}","FIRM","${file}","3:4",${sample === 'N/A' ? 'N/A' : `"${sample.replace(/"/g, '""')}"`},"${description}",https://github.com/doyensec/electronegativity/wiki/${issue}`;
const PRELOAD = row(
  'PRELOAD_JS_CHECK',
  'MEDIUM',
  'main/electron/window.ts',
  "preload: join(__dirname, '../preload/index.js'),",
);
const finding = (issue: string, severity: string): Finding =>
  readFindings(`${HEADER}\n${row(issue, severity, 'main/x.ts')}\n`)[0]!;
const preload = finding('PRELOAD_JS_CHECK', 'MEDIUM');
const suppression = (check: string, text: string): Suppression => ({ file: 'src/main/x.ts', line: 3, text, check });

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('reading the report', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""",N/A\r\n"multi\nline",x,,\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'N/A'],
      ['multi\nline', 'x', '', ''],
    ]);
  });

  it('reads the findings of a real report', () => {
    const csv = [
      HEADER,
      'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'none\'; script-src \'self\'","One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
      PRELOAD,
      row(
        'OPEN_EXTERNAL_JS_CHECK',
        'MEDIUM',
        'renderer/api.ts',
        'openExternal: (request) => guard((b) => b.openExternal(request)),',
      ),
      '',
    ].join('\n');
    const findings = readFindings(csv);
    expect(findings.map((f) => [f.issue, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html'],
      ['PRELOAD_JS_CHECK', 'MEDIUM', 'main/electron/window.ts'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'renderer/api.ts'],
    ]);
  });

  it('refuses a report whose first row the header overwrote (the tool’s two writes race)', () => {
    const body = `${row('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'renderer/api.ts', 'b.openExternal(request)')}\n${PRELOAD}\n`;
    const header = `${HEADER}\n`;
    // The header, written at offset 0 after the rows were appended there.
    const raced = header + body.slice(header.length);
    expect(() => readFindings(raced)).toThrow(/malformed report row/);
    expect(readFindings(header + body)).toHaveLength(2);
  });

  it('refuses something that is not the report, rather than read it as “no findings”', () => {
    expect(() => readFindings('')).toThrow(/not an Electronegativity CSV report/);
    expect(() => readFindings('issue,severity\nX,HIGH\n')).toThrow(/not an Electronegativity CSV report/);
    expect(() => readFindings(`${HEADER}\nX,"HIGH"\n`)).toThrow(/malformed report row/);
  });
});

describe('the policy', () => {
  it('passes the generic preload note and low findings', () => {
    const verdict = evaluate([preload, finding('CSP_GLOBAL_CHECK', 'LOW'), finding('X_CHECK', 'INFORMATIONAL')], []);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.summary).toMatch(/^security gate: PASS — 0 high, 0 medium blocking; 1 allowed/);
  });

  it('fails on any HIGH and on any other MEDIUM, naming each', () => {
    const verdict = evaluate(
      [preload, finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'), finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM')],
      [],
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      'HIGH CONTEXT_ISOLATION_JS_CHECK src/main/x.ts:3:4: Review this',
      'MEDIUM OPEN_EXTERNAL_JS_CHECK src/main/x.ts:3:4: Review this',
    ]);
    expect(verdict.summary).toMatch(/^security gate: FAIL — 1 high, 1 medium blocking/);
  });

  it('fails when the tool did not see the window at all (no preload note)', () => {
    const verdict = evaluate([finding('CSP_GLOBAL_CHECK', 'LOW')], []);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.join()).toMatch(/PRELOAD_JS_CHECK is missing/);
  });

  it('accepts only reviewed suppressions: openExternal on the shell.openExternal line', () => {
    const reviewed = suppression(
      'OPEN_EXTERNAL_JS_CHECK',
      'await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK',
    );
    expect(evaluate([preload], [reviewed]).ok).toBe(true);
    for (const bad of [
      suppression('OPEN_EXTERNAL_JS_CHECK', 'await api.openExternal({ url }); // eng-disable OPEN_EXTERNAL_JS_CHECK'),
      suppression('CONTEXT_ISOLATION_JS_CHECK', 'contextIsolation: false, // eng-disable CONTEXT_ISOLATION_JS_CHECK'),
      suppression('OPENEXTERNALJSCHECK', '/* eng-disable OpenExternalJSCheck */'),
    ]) {
      const verdict = evaluate([preload], [bad]);
      expect(verdict.ok, bad.text).toBe(false);
      expect(verdict.problems.join(), bad.text).toMatch(/unreviewed suppression src\/main\/x\.ts:3/);
    }
  });

  it('finds eng-disable comments in scripts and pages', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-gate-'));
    made.push(dir);
    mkdirSync(path.join(dir, 'main'));
    writeFileSync(path.join(dir, 'main/a.ts'), 'ok();\nshell.openExternal(u); // eng-disable OPEN_EXTERNAL_JS_CHECK\n');
    writeFileSync(path.join(dir, 'index.html'), '<!-- eng-disable CSP_GLOBAL_CHECK AUXCLICK_HTML_CHECK -->\n');
    const found = await findSuppressions(dir);
    expect(found.map((s) => [path.basename(s.file), s.line, s.check])).toEqual([
      ['index.html', 1, 'CSP_GLOBAL_CHECK'],
      ['index.html', 1, 'AUXCLICK_HTML_CHECK'],
      ['a.ts', 2, 'OPEN_EXTERNAL_JS_CHECK'],
    ]);
    expect(found[2]!.text).toBe('shell.openExternal(u); // eng-disable OPEN_EXTERNAL_JS_CHECK');
  });
});
