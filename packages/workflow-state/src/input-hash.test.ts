import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inputHash } from './input-hash.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('inputHash', () => {
  it('hashes the canonical JSON: keys sorted at every level, no whitespace', () => {
    const value = { b: [3, { z: 1, y: 'two' }], a: { d: true, c: null } };
    expect(inputHash(value)).toBe(sha256('{"a":{"c":null,"d":true},"b":[3,{"y":"two","z":1}]}'));
  });

  it('ignores key order but not values or array order', () => {
    const base = inputHash({ claims: ['x', 'y'], depth: 'standard' });
    expect(inputHash({ depth: 'standard', claims: ['x', 'y'] })).toBe(base);
    expect(inputHash({ depth: 'standard', claims: ['y', 'x'] })).not.toBe(base);
    expect(inputHash({ depth: 'deep', claims: ['x', 'y'] })).not.toBe(base);
    expect(base).toMatch(/^[a-f0-9]{64}$/);
  });

  it('follows JSON: undefined members dropped, undefined in arrays as null, toJSON used', () => {
    expect(inputHash({ a: 1, skipped: undefined })).toBe(inputHash({ a: 1 }));
    expect(inputHash([1, undefined])).toBe(sha256('[1,null]'));
    expect(inputHash({ at: new Date('2024-01-01T00:00:00.000Z') })).toBe(
      sha256('{"at":"2024-01-01T00:00:00.000Z"}'),
    );
    expect(inputHash('text')).toBe(sha256('"text"'));
  });

  it('rejects circular and bigint values with UNHASHABLE_VALUE', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(() => inputHash(circular)).toThrow(
      expect.objectContaining({ code: 'UNHASHABLE_VALUE' }),
    );
    expect(() => inputHash({ n: 10n })).toThrow(
      expect.objectContaining({ code: 'UNHASHABLE_VALUE' }),
    );
  });

  it('hashes a value shared twice (not circular) like its copies', () => {
    const shared = { x: 1 };
    expect(inputHash({ a: shared, b: shared })).toBe(inputHash({ a: { x: 1 }, b: { x: 1 } }));
  });
});
