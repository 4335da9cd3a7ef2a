import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from '../../../../shared/sync/canonicalJson';

/** Rebuilds an object with its keys in reverse insertion order (same value, different layout). */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, so a "__proto__" key stays a plain property as JSON.parse makes it.
    for (const key of Object.keys(value).reverse()) {
      Object.defineProperty(out, key, { value: reorder((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('matches the RFC 8785 examples for numbers, strings and key order', () => {
    // Numbers as ECMAScript writes them (RFC 8785 §3.2.2.3).
    expect(canonicalJson([333333333.33333329, 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0, 9007199254740991])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0,9007199254740991]',
    );
    // Strings: only the required escapes, controls as lowercase \u00xx, everything else literal.
    expect(canonicalJson('€$\u000f\nA\'B"\\\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
    // Keys sorted by UTF-16 code units, not by code point or locale (RFC 8785 §3.2.3 example).
    const sorted = canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' });
    // (Read from the text: JSON.parse would move the integer-like key "1" first.)
    expect([...sorted.matchAll(/:"([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('encodes as UTF-8 bytes', () => {
    expect(Array.from(canonicalJsonBytes({ é: 'ü' }))).toEqual([0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x3a, 0x22, 0xc3, 0xbc, 0x22, 0x7d]);
  });

  it('leaves out undefined properties like JSON.stringify, so absent and undefined sign alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('refuses what has no exact JSON form, naming where it is', () => {
    const bad: [unknown, RegExp][] = [
      [{ a: [1, Number.NaN] }, /non-finite number \(NaN\) at \.a\[1\]/],
      [{ n: Infinity }, /non-finite/],
      [{ s: 'x\ud800y' }, /lone surrogate at \.s/],
      [{ ['\udc00']: 1 }, /lone surrogate/],
      [[undefined], /undefined in an array/],
      [undefined, /type undefined at \(top\)/],
      [{ d: new Date(0) }, /not plain \(Date\) at \.d/],
      [{ m: new Map() }, /not plain \(Map\)/],
      [{ b: 10n }, /type bigint/],
      [{ f: () => 1 }, /type function/],
    ];
    for (const [value, message] of bad) {
      expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
      expect(() => canonicalJson(value)).toThrow(message);
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(/cycle at \.self\.back/);
    // The same object twice (not a cycle) is fine.
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('encodes a "__proto__" key parsed from JSON as the plain key it is', () => {
    expect(canonicalJson(JSON.parse('{"z":0,"__proto__":{"a":1}}'))).toBe('{"__proto__":{"a":1},"z":0}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.z = 1;
    bare.a = 2;
    expect(canonicalJson(bare)).toBe('{"a":2,"z":1}');
  });

  it('property: parses back to the same value, ignores key order, and is a fixed point', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reorder(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(text).not.toMatch(/^\s|\s$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: different values never share an encoding', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = JSON.stringify(JSON.parse(canonicalJson(a))) === JSON.stringify(JSON.parse(canonicalJson(b)));
        expect(canonicalJson(a) === canonicalJson(b)).toBe(same);
      }),
      { numRuns: 300 },
    );
  });
});
