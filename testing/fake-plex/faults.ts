// Scripted failures (POST /__fake/faults) so tests can see how clients handle 5xx,
// 429, slow answers and dropped connections. Faults match in the order they were added.

import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { FaultSpec } from './types';

/** A validated fault with its defaults filled in; `remaining` counts down to zero. */
export interface Fault {
  method: string | undefined;
  path: string;
  remaining: number;
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  contentType: string | undefined;
  delayMs: number;
  reset: boolean;
}

/**
 * Checks a fault sent as JSON. Returns the fault, or a message saying what is wrong.
 * A non-string `body` is sent as JSON (with an application/json default content type).
 */
export function parseFault(input: unknown): Fault | string {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'the fault must be a JSON object';
  const spec = input as { [K in keyof FaultSpec]?: unknown };

  if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) return '"path" must be a string starting with /';
  if (spec.method !== undefined && typeof spec.method !== 'string') return '"method" must be a string';
  const times = spec.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) return '"times" must be a positive integer';
  const status = spec.status;
  if (
    status !== undefined &&
    (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
  ) {
    return '"status" must be an integer from 200 to 599';
  }
  const delayMs = spec.delayMs ?? 0;
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) return '"delayMs" must be a number >= 0';
  const reset = spec.reset ?? false;
  if (typeof reset !== 'boolean') return '"reset" must be a boolean';
  if (spec.contentType !== undefined && typeof spec.contentType !== 'string') return '"contentType" must be a string';

  const headers: Record<string, string> = {};
  if (spec.headers !== undefined) {
    if (spec.headers === null || typeof spec.headers !== 'object' || Array.isArray(spec.headers)) {
      return '"headers" must be an object';
    }
    for (const [name, value] of Object.entries(spec.headers)) {
      if (typeof value !== 'string' && typeof value !== 'number') return `header "${name}" must be a string`;
      try {
        // Caught here rather than when answering, where it would turn into a 500.
        validateHeaderName(name);
        validateHeaderValue(name, String(value));
      } catch {
        return `header "${name}" is not a valid HTTP header`;
      }
      headers[name] = String(value);
    }
  }

  let body = '';
  let contentType = spec.contentType;
  if (typeof spec.body === 'string') body = spec.body;
  else if (spec.body !== undefined && spec.body !== null) {
    body = JSON.stringify(spec.body);
    contentType ??= 'application/json; charset=utf-8';
  }
  if (body !== '') contentType ??= 'text/plain; charset=utf-8';

  return {
    method: spec.method?.toUpperCase(),
    path: spec.path.split('?')[0] ?? spec.path,
    remaining: times,
    status,
    headers,
    body,
    contentType,
    delayMs,
    reset,
  };
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The first fault matching this request, used up by one. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.path === path && (f.method === undefined || f.method === method));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }
}
