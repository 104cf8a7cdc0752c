// Types for scripts/security-gate.mjs, so its tests (test/security/security-gate.test.ts) are typed.

export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
  url: string;
}

export interface Suppression {
  file: string;
  line: number;
  text: string;
  check: string;
}

export interface Verdict {
  ok: boolean;
  problems: string[];
  summary: string;
}

export const ELECTRONEGATIVITY: string;
export const ALLOWED_MEDIUM: ReadonlySet<string>;
export const REQUIRED_CANARY: string;
export const REVIEWED_SUPPRESSIONS: readonly { check: string; line: RegExp; why: string }[];
export function parseCsv(text: string): string[][];
export function readFindings(csv: string): Finding[];
export function findSuppressions(dir: string): Promise<Suppression[]>;
export function evaluate(findings: Finding[], suppressions: Suppression[]): Verdict;
