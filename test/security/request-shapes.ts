import fc from 'fast-check';
import { IPC, type IpcChannel } from '../../src/shared/ipc-contract';

// What each channel of the IPC table accepts, read off its declared schema (the kinds of
// node, the keys, the length bounds), for the fuzz tests: every channel in the table is
// fuzzed without a line here, and validity is then judged by plain checks written here,
// not by zod's own parser, so a schema that parses more than it declares shows up as a
// request reaching plex.tv. A schema node this file does not know fails the suite: teach
// it the new kind rather than let a channel go unfuzzed.

export interface FieldRule {
  required: boolean;
  valid(value: unknown): boolean;
  /** Values the field accepts. */
  arbitrary: fc.Arbitrary<unknown>;
  /** For strings: the most code points allowed. */
  maxLength?: number;
}

/** null for a channel that takes no request (undefined or null); else its strict object's fields. */
export type RequestShape = Record<string, FieldRule> | null;

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}
interface Schema {
  _zod: { def: Def };
}

const def = (schema: unknown): Def => (schema as Schema)._zod.def;

/** Lengths are in code points (zod's measure): a surrogate pair counts once, a lone surrogate once. */
export function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const high = text.charCodeAt(i);
    if (high >= 0xd800 && high <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

function field(schema: unknown, where: string): FieldRule {
  const d = def(schema);
  switch (d.type) {
    case 'optional': {
      const inner = field(d.innerType, where);
      return { ...inner, required: false, valid: (v) => v === undefined || inner.valid(v) };
    }
    case 'string': {
      let min = 0;
      let max = Infinity;
      for (const check of d.checks ?? []) {
        const c = check._zod.def;
        if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
        else if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
        else throw new Error(`${where}: a string check the fuzz tests do not know: ${c.check}`);
      }
      if (max === Infinity)
        throw new Error(`${where}: an unbounded string; every string from the renderer needs a maximum`);
      return {
        required: true,
        valid: (v) => typeof v === 'string' && codePoints(v) >= min && codePoints(v) <= max,
        arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }),
        maxLength: max,
      };
    }
    case 'boolean':
      return { required: true, valid: (v) => typeof v === 'boolean', arbitrary: fc.boolean() };
    case 'enum': {
      const values = Object.values(d.entries ?? {});
      return { required: true, valid: (v) => values.includes(v as string), arbitrary: fc.constantFrom(...values) };
    }
    default:
      throw new Error(`${where}: a schema kind the fuzz tests do not know: ${d.type}`);
  }
}

function isNone(schema: unknown): boolean {
  const d = def(schema);
  if (d.type !== 'union') return false;
  const kinds = (d.options ?? []).map((o) => def(o).type).sort();
  return kinds.join(',') === 'null,undefined';
}

export function requestShape(channel: IpcChannel): RequestShape {
  return shapeOf(IPC[channel].request, channel);
}

/** The shape a request schema declares; throws for what a request schema must not be. */
export function shapeOf(schema: unknown, name: string): RequestShape {
  if (isNone(schema)) return null;
  const d = def(schema);
  if (d.type !== 'object' || d.catchall === undefined || def(d.catchall).type !== 'never') {
    throw new Error(`${name}: requests must be strict objects (z.strictObject)`);
  }
  return Object.fromEntries(Object.entries(d.shape ?? {}).map(([key, s]) => [key, field(s, `${name}.${key}`)]));
}

/** Whether `payload` is a request the channel's declared shape accepts (plain data only). */
export function matchesShape(shape: RequestShape, payload: unknown): boolean {
  if (!shape) return payload === undefined || payload === null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const proto: unknown = Object.getPrototypeOf(payload);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = payload as Record<string, unknown>;
  if (Reflect.ownKeys(record).some((k) => typeof k !== 'string' || !Object.hasOwn(shape, k))) return false;
  return Object.entries(shape).every(([key, rule]) =>
    Object.hasOwn(record, key) ? rule.valid(record[key]) : !rule.required,
  );
}

/** Requests the channel accepts. */
export function validRequest(shape: RequestShape): fc.Arbitrary<unknown> {
  if (!shape) return fc.constantFrom(undefined, null);
  const required = Object.entries(shape)
    .filter(([, rule]) => rule.required)
    .map(([key]) => key);
  return fc.record(Object.fromEntries(Object.entries(shape).map(([key, rule]) => [key, rule.arbitrary])), {
    requiredKeys: required,
  });
}
