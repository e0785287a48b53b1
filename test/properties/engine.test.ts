/** Property-based tests of the citation engine as a whole, on arbitrary Unicode input. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCorpusIndex, findReferences } from '../../src/lib/citations/index.ts';
import type { CorpusEntry } from '../../src/lib/citations/types.ts';

const corpus: CorpusEntry[] = [
  { id: 'chi-thi-33-ct-ttg-2021', type: 'chi-thi', number: '33/CT-TTg', year: 2021, issued: '2021-11-26', issuer: 'thu-tuong-chinh-phu', province: null, aliases: [] },
  { id: 'quyet-dinh-23-qd-tw-2021', type: 'quyet-dinh', number: '23-QĐ/TW', year: 2021, issued: '2021-07-30', issuer: 'bo-chinh-tri', province: null, aliases: [] },
  { id: 'quyet-dinh-290-qd-tw-2010', type: 'quyet-dinh', number: '290-QĐ/TW', year: 2010, issued: '2010-02-25', issuer: 'bo-chinh-tri', province: null, aliases: [] },
];
const index = buildCorpusIndex(corpus);

// Text that looks like directives often enough for the engine to find something.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('Chỉ thị số ', 'Quyết định ', '33/CT-TTg', '23-QĐ/TW', '290', ' ngày 30/7/2021', ' và ', ', ', '\n', 'Căn cứ ', 'thay thế ', '(sau đây gọi tắt là Quyết định 23)', 'Số: 12/QĐ-UBND', 'giai đoạn 2016-2021', '17/17'),
);
const text = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));

describe('citation engine properties', () => {
  it('is deterministic, returns in-bounds ordered spans without overlap, and never throws', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = findReferences(t, index, { date: '2022-01-01' });
        const b = findReferences(t, index, { date: '2022-01-01' });
        expect(b).toEqual(a);
        let last = 0;
        for (const r of a) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(t.length);
          expect(r.sentence.start).toBeLessThanOrEqual(r.start);
          expect(r.sentence.end).toBeGreaterThanOrEqual(r.end);
          last = r.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('only ever links to a corpus document or to nothing', () => {
    const ids = new Set(corpus.map((c) => c.id));
    fc.assert(
      fc.property(text, (t) => findReferences(t, index).every((r) => r.target === null || ids.has(r.target))),
      { numRuns: 300 },
    );
  });
});
