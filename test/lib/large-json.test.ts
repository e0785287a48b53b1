/**
 * The JSON reader by runs (src/lib/files/large-json.ts) gives what JSON.parse gives, on any
 * text: the same value for JSON (whatever the run size, so every way of cutting is tried on
 * small texts), a SyntaxError for anything else — the texts come from fast-check's JSON and
 * from damaging it (cut short, a byte removed, changed or added, structural bytes first).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonBytes, readFileBytes, readJsonFile } from '../../src/lib/files/large-json.ts';

const byRuns = (chunkBytes: number) => ({ wholeParseMaxBytes: 0, chunkBytes });

/** JSON.parse's answer or 'SyntaxError'. */
function whole(bytes: Buffer): unknown {
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch (e) {
    expect(e).toBeInstanceOf(SyntaxError);
    return 'SyntaxError';
  }
}

function runs(bytes: Buffer, chunkBytes: number): unknown {
  try {
    return { value: parseJsonBytes(bytes, byRuns(chunkBytes)) };
  } catch (e) {
    // Anything but a SyntaxError (a TypeError, a RangeError) would be a fault of the reader.
    expect(e).toBeInstanceOf(SyntaxError);
    return 'SyntaxError';
  }
}

/** Top-level objects and arrays of containers: the shape of graph.json, where the runs are cut. */
const graphLike = fc.dictionary(
  fc.string(),
  fc.oneof(fc.array(fc.jsonValue(), { maxLength: 12 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 12 }), fc.jsonValue()),
  { maxKeys: 8 },
);
const anyJson = fc.oneof(graphLike, fc.array(fc.jsonValue(), { maxLength: 12 }), fc.jsonValue());
/** As JSON.stringify writes it, or indented, or with odd but lawful whitespace. */
const texts = fc.tuple(anyJson, fc.constantFrom<unknown>(undefined, 1, '\t', ' \r\n')).map(([v, indent]) => JSON.stringify(v, null, indent as string | number | undefined));

describe('parseJsonBytes by runs', () => {
  it('gives the value JSON.parse gives, for every run size', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 64 }), (text, chunk) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(runs(bytes, chunk)).toStrictEqual(whole(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps members in JSON.parse order, "__proto__" as an own member, the last of duplicate keys', () => {
    const text = '{"b":[1,2,3],"__proto__":{"x":[1]},"a":{"2":0,"1":0,"__proto__":[5],"k":1,"k":2},"b":[4]}';
    const value = parseJsonBytes(Buffer.from(text), byRuns(1)) as Record<string, unknown>;
    expect(value).toStrictEqual(JSON.parse(text));
    expect(Object.keys(value)).toEqual(['b', '__proto__', 'a']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value['a'] as object)).toEqual(['1', '2', '__proto__', 'k']);
  });

  it('rejects what JSON.parse rejects, however the text is damaged', () => {
    const structural = [...'[]{},:"\\ \n0aet'].map((c) => c.charCodeAt(0));
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...structural), fc.integer({ min: 0, max: 255 })) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...structural), fc.integer({ min: 0, max: 255 })) }),
    );
    fc.assert(
      fc.property(texts, fc.array(damage, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 32 }), (text, damages, chunk) => {
        let bytes = Buffer.from(text, 'utf8');
        for (const d of damages) {
          const at = bytes.length ? d.at % (bytes.length + 1) : 0;
          if (d.kind === 'cut') bytes = bytes.subarray(0, at);
          else if (d.kind === 'remove') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
          else if (d.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([d.byte]), bytes.subarray(at)]);
          else if (at < bytes.length) (bytes = Buffer.from(bytes))[at] = d.byte;
        }
        expect(runs(bytes, chunk)).toStrictEqual(whole(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ['[1,]'], ['[,1]'], ['[1,,2]'], ['{"a":1,}'], ['{"a":}'], ['{"a" 1}'], ['{1:2}'], ['[1 2]'], ['[1}'], ['{"a":[1}]}'],
    ['[[1],[2]'], ['{"a":[1],"b":[2]'], ['"abc'], ['["a\\"]'], ['{"a":[1]} x'], [''], ['   '], ['[1]]'], ['\ufeff[1]'], ['["\t"]'],
  ])('rejects %j with a SyntaxError', (text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    for (const chunk of [1, 2, 3, 1000]) expect(() => parseJsonBytes(Buffer.from(text), byRuns(chunk))).toThrow(SyntaxError);
  });

  it('decodes Vietnamese text and escapes across runs exactly', () => {
    const value = { nodes: Array.from({ length: 50 }, (_, i) => ({ id: `van-ban-${i}`, title: `Chỉ thị số ${i}/CT-TW về công tác dân vận "trích" \\ ${'ạ'.repeat(i)}`, n: i / 7 })) };
    const bytes = Buffer.from(JSON.stringify(value));
    for (const chunk of [1, 5, 64, 4096]) expect(parseJsonBytes(bytes, byRuns(chunk))).toStrictEqual(value);
  });
});

describe('readJsonFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-large-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file whole or by runs to the same value; a missing file throws ENOENT', () => {
    const path = join(dir, 'a.json');
    const value = { nodes: [{ id: 'a' }, { id: 'b' }], incoming: { a: [0], b: [] }, stats: { documents: 2 } };
    writeFileSync(path, `${JSON.stringify(value)}\n`);
    expect(readFileBytes(path).toString()).toBe(`${JSON.stringify(value)}\n`);
    expect(readJsonFile(path)).toStrictEqual(value);
    expect(readJsonFile(path, byRuns(1))).toStrictEqual(value);
    expect(() => readJsonFile(join(dir, 'none.json'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
