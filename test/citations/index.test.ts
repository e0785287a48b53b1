import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCorpusIndex, findReferences } from '../../src/lib/citations/index.ts';
import { needsNormalising, prepareText } from '../../src/lib/citations/normalise.ts';
import { normalizeText } from '../../src/lib/text/vietnamese.ts';

const index = buildCorpusIndex([
  { id: 'ct33', type: 'chi-thi', number: '33/CT-TTg', year: 2021, issued: '2021-11-26', issuer: 'x', province: null, aliases: [] },
]);

describe('findReferences: offsets and shape', () => {
  it('offsets are into the text as passed in: NFD, BOM, CRLF, non-breaking space, look-alike dashes', () => {
    const nfc = 'Theo Chỉ thị số\u00a033/CT\u2013TTg ngày 26/11/2021 của Thủ tướng.\r\nVà Quyết định số 23-Q\u00d0/TW.';
    const text = '\ufeff' + nfc.normalize('NFD');
    const refs = findReferences(text, index);
    expect(refs.map((r) => r.text.normalize('NFC'))).toEqual(['Chỉ thị số\u00a033/CT\u2013TTg ngày 26/11/2021', 'Quyết định số 23-Q\u00d0/TW']);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(refs[0]).toMatchObject({ key: '33/CT-TTg@2021', target: 'ct33', symbol: 'CT-TTg' });
    expect(refs[1]!.symbol).toBe('QĐ/TW');
  });

  it('the normalise stage maps canonical offsets back to the source', () => {
    const source = 'a\u0301b\u00a0c';
    const p = prepareText(source);
    expect(p.text).toBe('áb c');
    expect([0, 1, 2, 3, 4].map(p.toSource)).toEqual([0, 2, 3, 4, 5]);
  });

  it('the canonical-text test flags exactly what normalizeText replaces or drops, and combining marks', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const replaced = normalizeText(ch) !== ch.normalize('NFC');
      const combining = /[\u0300-\u036F\u1DC0-\u1DFF]/.test(ch);
      if (needsNormalising(`Chỉ thị ${ch} số`) !== (replaced || combining)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('the normalise stage gives normalizeText\'s text by every path (canonical, one-for-one, mapped)', () => {
    const odd = fc.constantFrom('\u00D0', '\u2013', '\u2212', '\uFF0F', '\u2044', '\u00A0', '\u202F', '\u3000', '\u200B', '\uFEFF', 'a\u0301', 'Đ', 'số ', '33/CT-TTg');
    fc.assert(
      // Vietnamese and ASCII around the odd characters (the identity path assumes nothing else needs NFC).
      fc.property(fc.array(fc.oneof(odd, fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁàảãạệỹ ,./-:0123456789\n') })), { maxLength: 20 }), (parts) => {
        const source = parts.join('');
        const p = prepareText(source);
        expect(p.text).toBe(normalizeText(source));
        let last = 0;
        for (let i = 0; i <= p.text.length; i++) {
          const at = p.toSource(i);
          expect(at).toBeGreaterThanOrEqual(last);
          expect(at).toBeLessThanOrEqual(source.length);
          last = at;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sorted by start, non-overlapping, deterministic', () => {
    const text = 'Căn cứ Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013; Chỉ thị số 33/CT-TTg (sau đây gọi tắt là Chỉ thị số 33), Chỉ thị 33.';
    const a = findReferences(text, index);
    expect(a.length).toBe(5);
    for (let i = 1; i < a.length; i++) expect(a[i]!.start).toBeGreaterThanOrEqual(a[i - 1]!.end);
    expect(findReferences(text, index)).toEqual(a);
  });

  it('never throws on any Unicode input, and its spans always slice the input', () => {
    const pieces = fc.constantFrom('Chỉ thị số ', 'Nghị quyết ', '33/CT-TTg', '25-NQ/TW', ' ngày 26/11/2021', 'Luật ', '\n', 'số', ', ', ' và ', '(sau đây gọi tắt là ', ')', 'Đại hội XIII', 'Trung ương 4 (khóa XII)', 'Số: ');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const refs = findReferences(text, index, { province: 'ha-tinh', date: '2022-01-01' });
        let last = 0;
        for (const r of refs) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(text.slice(r.start, r.end)).toBe(r.text);
          last = r.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('empty input', () => {
    expect(findReferences('', index)).toEqual([]);
  });
});
