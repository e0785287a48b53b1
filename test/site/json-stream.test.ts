/**
 * JSON written piece by piece (src/lib/site/json-stream.ts): the open-data files must be
 * byte for byte what JSON.stringify wrote before, while no piece holds more than one
 * element of a long list (graph.json at 100,000 documents exceeds V8's longest string).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchPieces, jsonList, jsonPieces } from '../../src/lib/site/json-stream.ts';

const text = (value: unknown, indent = 0) => [...jsonPieces(value, indent)].join('');

describe('jsonPieces', () => {
  it('joins to exactly JSON.stringify(value, null, indent), lists streamed at any depth of the shapes used', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(json, fc.array(json, { maxLength: 6 }), fc.array(json, { maxLength: 6 }), fc.integer({ min: 0, max: 4 }), (head, a, b, indent) => {
        // Lists at the top, in an object, in an array, inside a list; one mapped, one empty.
        const plain = { version: 1, head, a, nested: [b, { b }], none: [] as unknown[] };
        const streamed = {
          version: 1,
          head,
          a: jsonList(a, (x) => x),
          nested: [jsonList(b, (x) => x), { b: jsonList(b, (x) => x) }],
          none: jsonList([], (x) => x),
        };
        const expected = JSON.stringify(plain, null, indent);
        expect(text(streamed, indent)).toBe(expected);
        // The same value through JSON.stringify itself (JsonList.toJSON): one shape, two writers.
        expect(JSON.stringify(streamed, null, indent)).toBe(expected);
        expect(text(jsonList(a, (x) => ({ x })), indent)).toBe(JSON.stringify(a.map((x) => ({ x })), null, indent));
      }),
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes null for it in a list', () => {
    const value = { a: undefined, b: () => 1, c: jsonList([1, 2], (n) => (n === 1 ? undefined : n)), d: 'x' };
    expect(text(value)).toBe(JSON.stringify(value));
    expect(text(value)).toBe('{"c":[null,2],"d":"x"}');
    expect(text(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('keeps every piece within one element of a list: never the whole list in one string', () => {
    const elements = Array.from({ length: 2000 }, (_, i) => ({ id: `van-ban-${i}`, edges: [i, i + 1], note: 'ghi chú' }));
    const pieces = [...jsonPieces({ version: 1, nodes: jsonList(elements, (e) => e) })];
    const longestElement = Math.max(...elements.map((e) => JSON.stringify(e).length));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(longestElement + 1);
    expect(pieces.length).toBeGreaterThan(elements.length);
    // Elements are made when they are written, not before.
    let made = 0;
    const lazy = jsonPieces(jsonList(elements, (e) => (made++, e)));
    lazy.next();
    lazy.next();
    expect(made).toBe(1);
  });
});

describe('batchPieces', () => {
  it('joins pieces into chunks of about the given size, changing nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (pieces, size) => {
        const chunks = [...batchPieces(pieces, size)];
        expect(chunks.join('')).toBe(pieces.join(''));
        // A chunk is as large as the size plus at most one piece.
        for (const c of chunks) expect(c.length).toBeLessThan(size + 40);
      }),
    );
  });
});
