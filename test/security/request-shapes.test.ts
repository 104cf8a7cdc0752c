import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/ipc-contract';
import { matchesShape, requestShape, shapeOf } from './request-shapes';

// The fuzz tests' reading of the IPC table must refuse what it cannot judge, so that no
// channel is ever fuzzed against a wrong idea of what it accepts.

describe('request shapes', () => {
  it('reads every channel of the table', () => {
    for (const channel of IPC_CHANNELS) expect(() => requestShape(channel)).not.toThrow();
  });

  it('refuses a loose object, an unbounded string and a kind it does not know', () => {
    expect(() => shapeOf(z.object({ a: z.boolean() }), 'loose')).toThrow(/strict objects/);
    expect(() => shapeOf(z.strictObject({ a: z.string() }), 'unbounded')).toThrow(/unbounded string/);
    expect(() => shapeOf(z.strictObject({ a: z.number() }), 'number')).toThrow(
      /kind the fuzz tests do not know: number$/,
    );
  });

  it('judges by the declared bounds, required keys and strictness', () => {
    const shape = shapeOf(
      z.strictObject({ a: z.string().check(z.minLength(1), z.maxLength(3)), b: z.optional(z.boolean()) }),
      'sample',
    );
    expect(matchesShape(shape, { a: 'abc' })).toBe(true);
    expect(matchesShape(shape, { a: 'abcd' })).toBe(false);
    expect(matchesShape(shape, { a: '' })).toBe(false);
    expect(matchesShape(shape, { a: 'a', b: 'yes' })).toBe(false);
    expect(matchesShape(shape, { a: 'a', c: 1 })).toBe(false);
    expect(matchesShape(shape, {})).toBe(false);
  });
});
