/**
 * The engine cut in two for the graph build's per-body cache (src/lib/graph/update.ts):
 * extractReferences keeps what depends on the text alone, findReferences resolves it
 * against a corpus. Passing a kept extraction back gives exactly the references of a
 * full run, also where resolution reads the text (a number known to collide, whose
 * version only its context picks) or its header (own number, date, province); and the
 * resolution digest changes when the corpus gives a mention another meaning.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCorpusIndex,
  extractReferences,
  extractionFingerprint,
  findReferences,
  resolutionText,
  type CorpusEntry,
} from '../../src/lib/citations/index.ts';

const provinces = [{ id: 'ha-tinh', name: 'Hà Tĩnh' }];
const kh12: CorpusEntry = { id: 'kh-12-tu-2022-ha-tinh', type: 'ke-hoach', number: '12-KH/TU', year: 2022, issued: '2022-03-01', issuer: 'tinh-uy', province: 'ha-tinh', aliases: [] };
const nq25: CorpusEntry = { id: 'nq-25-2013', type: 'nghi-quyet', number: '25-NQ/TW', year: 2013, issued: '2013-06-03', issuer: 'bch-tw', province: null, aliases: [] };
const without = buildCorpusIndex([kh12], provinces);
const withNq25 = buildCorpusIndex([kh12, nq25], provinces);

// Own header (number, place and date), a local number resolved by the header's province,
// and a colliding number whose title after it picks the 2013 version.
const TEXT = [
  'TỈNH ỦY HÀ TĨNH',
  'Số: 30-KH/TU',
  'Hà Tĩnh, ngày 5 tháng 4 năm 2023',
  '',
  'Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy và Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương về tăng cường công tác dân vận, Kế hoạch số 30-KH/TU này đề ra các việc sau.',
].join('\n');

describe('a kept extraction', () => {
  it('holds the header and, for a colliding number, the text; none for a text without one', () => {
    const ex = extractReferences(TEXT, without);
    expect(ex.self).toMatchObject({ date: '2023-04-05', province: 'ha-tinh' });
    expect(ex.self.numbers).toHaveLength(1);
    expect(ex.text).not.toBeNull();
    expect(extractReferences('Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy.', without).text).toBeNull();
    // A bare number of a colliding one ("Chỉ thị số 16" may be 16/CT-TTg of 2016 or 2020) keeps it too.
    expect(extractReferences('Thực hiện Chỉ thị số 16 của Thủ tướng Chính phủ về công tác dân vận.', without).text).not.toBeNull();
    expect(extractReferences('Thực hiện Chỉ thị số 17 của Thủ tướng Chính phủ về công tác dân vận.', without).text).toBeNull();
  });

  it('gives the references of a full run, before and after the corpus gains the cited version', () => {
    const ex = JSON.parse(JSON.stringify(extractReferences(TEXT, without)));
    for (const index of [without, withNq25]) {
      expect(findReferences(TEXT, index, {}, ex)).toStrictEqual(findReferences(TEXT, index));
    }
    const refs = findReferences(TEXT, withNq25, {}, ex);
    expect(refs.map((r) => r.target)).toEqual(['kh-12-tu-2022-ha-tinh', 'nq-25-2013']);
    // The digest is computed from the kept extraction alone: it must see what the text picks.
    const targets = (index: typeof without) => (JSON.parse(resolutionText(ex, index)) as { target: string | null }[]).map((r) => r.target);
    expect(targets(withNq25)).toContain('nq-25-2013');
    expect(targets(without)).not.toContain('nq-25-2013');
  });

  it('is the same under any corpus with the same extraction fingerprint', () => {
    expect(extractionFingerprint(withNq25)).toBe(extractionFingerprint(without));
    expect(extractReferences(TEXT, withNq25)).toStrictEqual(extractReferences(TEXT, without));
    const aliased = buildCorpusIndex([kh12, { ...nq25, aliases: ['Nghị quyết Trung ương 7 khóa XI'] }], provinces);
    expect(extractionFingerprint(aliased)).not.toBe(extractionFingerprint(without));
    expect(extractionFingerprint(buildCorpusIndex([kh12], []))).not.toBe(extractionFingerprint(without));
  });
});
