import { describe, expect, it } from 'vitest';
import { buildExcerpt, queryTerms } from '../../src/lib/search/excerpt.ts';
import { foldedBlock, foldedVariants, withoutFoldedBlock, FOLD_SENTINEL } from '../../src/lib/search/fold.ts';
import { htmlText } from '../../src/lib/search/html-fold.ts';
import { TITLE_END } from '../../src/lib/search/constants.ts';
import { LEAD_WORDS, searchDate, searchDocument } from '../../src/lib/search/search-document.ts';
import { mergeResults } from '../../src/lib/search/merge.ts';

describe('foldedVariants', () => {
  it('adds the d-form of words with đ and the new-style form of old-style words, once each', () => {
    expect(foldedVariants('Đảng bộ, Ban Thường vụ Tỉnh uỷ; đảng viên. Hoà giải, khoẻ.')).toEqual(['dang', 'ủy', 'hòa', 'khỏe']);
  });
  it('adds nothing for text Pagefind already matches by itself', () => {
    expect(foldedVariants('công tác dân vận của chính quyền, Tỉnh ủy, hòa giải')).toEqual([]);
    expect(foldedBlock('dân vận')).toBe('');
  });
  it('reads NFD text like NFC', () => {
    expect(foldedVariants('Đảng uỷ'.normalize('NFD'))).toEqual(['dang', 'ủy']);
  });
});

describe('searchDocument', () => {
  const body = Array.from({ length: 60 }, (_, i) => `Đảng bộ xã thứ ${i} lãnh đạo công tác dân vận.`).join(' ');
  const page = `<html><body><header data-pagefind-ignore>Chỉ đạo</header><main><article data-pagefind-body><h1>Chỉ thị 33 về Tỉnh uỷ</h1><div hidden class="pagefind-fields" data-pagefind-ignore data-search-date="2021-01-02"><span data-pagefind-filter="loai">Chỉ thị</span><span data-pagefind-meta="title">Chỉ thị số 33</span></div><div hidden data-pagefind-weight="8">33/CT-TTg ct33</div><p>${body} Cuối cùng: hoà giải &amp; Điều lệ.</p><section data-pagefind-ignore><p>Liên quan: Quyết định 99</p></section></article><footer>Địa chỉ</footer></main></body></html>`;
  const doc = searchDocument(page)!;
  const indexed = htmlText(doc).replace(/\s+/g, ' ');
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

  it('keeps filters, meta, the h1 (with its end mark) and the weighted number line; the date is read apart', () => {
    expect(doc).toContain('<span data-pagefind-filter="loai">Chỉ thị</span>');
    expect(doc).toContain('<span data-pagefind-meta="title">Chỉ thị số 33</span>');
    expect(doc).toContain(`<h1>Chỉ thị 33 về Tỉnh uỷ ${TITLE_END}</h1>`);
    expect(doc).not.toContain('2021-01-02');
    expect(searchDate(page)).toBe('2021-01-02');
    expect(searchDate('<article data-pagefind-body><h1>x</h1></article>')).toBeNull();
    expect(doc).toMatch(/<span data-pagefind-weight="8">33\/CT-TTg ct33<\/span>/);
  });
  it('indexes every word of the body once, plus the folded forms, and nothing ignored or outside the body', () => {
    const block = indexed.slice(indexed.indexOf(FOLD_SENTINEL));
    for (const w of ['cuối', 'cùng', 'hoà', 'giải', 'điều', 'lệ', 'dang', 'dieu', 'ủy', 'hòa']) expect(words(indexed)).toContain(w);
    // Past the lead, a word repeated sixty times in the body is indexed once at most (here: already in the lead).
    expect(words(block).filter((w) => w === 'đảng' || w === 'lãnh').length).toBe(0);
    expect(words(block).filter((w) => w === 'dang').length).toBe(1);
    expect(words(indexed).length).toBeLessThan(150); // the body alone has 480 words (60 distinct numbers among them)
    expect(indexed).not.toMatch(/Liên quan|Quyết định 99|Chỉ đạo|Địa chỉ/);
  });
  it('keeps a readable lead before the folded block, for excerpts', () => {
    const visible = withoutFoldedBlock(indexed.slice(indexed.indexOf('Đảng bộ')));
    expect(visible.startsWith(body.split(' ').slice(0, LEAD_WORDS).join(' '))).toBe(true);
    expect(visible.startsWith('Đảng bộ xã thứ 0 lãnh đạo công tác dân vận.')).toBe(true);
    expect(visible.split(' ').length).toBe(LEAD_WORDS);
  });
  it('is the same text for the same page, and null for a page without a body element', () => {
    expect(searchDocument(page)).toBe(doc);
    expect(searchDocument('<html><body><p>Đảng</p></body></html>')).toBeNull();
    expect(searchDocument('<html><body><p>Đảng</p></body></html>', { wholeBody: true })).toContain('dang');
  });
  it('decodes entities and drops scripts when reading text', () => {
    expect(htmlText('<p>a&amp;b&#273;</p><script>var x = "Đ"</script>').replace(/\s+/g, ' ').trim()).toBe('a&bđ');
  });
});

describe('buildExcerpt', () => {
  const content = `${FOLD_SENTINEL} dang ${FOLD_SENTINEL} Chỉ thị về công tác dân vận. Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy Đảng thực hiện nghiêm.`;
  const marked = (q: string) => buildExcerpt(content, queryTerms(q)).filter((p) => p.mark).map((p) => p.text);

  it('marks the spelled word for a folded query and never shows the folded block', () => {
    expect(marked('dang')).toEqual(['Đảng']);
    expect(buildExcerpt(content, ['dang']).map((p) => p.text).join('')).not.toContain(FOLD_SENTINEL);
  });
  it('marks every query word, the last one also as a prefix', () => {
    expect(marked('tinh uy')).toEqual(['Tỉnh', 'ủy', 'ủy']);
    expect(marked('dan va')).toEqual(['dân', 'vận']);
  });
  it('starts near the match in a long text, with ellipses', () => {
    const long = `${'lời mở đầu '.repeat(200)}kết luận 114 về dân vận ${'phần cuối '.repeat(200)}`;
    const parts = buildExcerpt(long, ['114']);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.some((p) => p.mark && p.text === '114')).toBe(true);
    expect(parts.map((p) => p.text).join('').split(' ').length).toBeLessThan(45);
  });
  it('strips a leading block and a trailing one', () => {
    expect(withoutFoldedBlock(`a ${FOLD_SENTINEL} x ${FOLD_SENTINEL} b`)).toBe('a b');
    expect(withoutFoldedBlock(`a ${FOLD_SENTINEL} x`)).toBe('a');
  });
});

describe('mergeResults', () => {
  it('keeps exact-spelling results first and adds folded-only ones after, without duplicates', () => {
    const exact = [{ id: 'b', score: 2 }, { id: 'a', score: 1 }];
    const folded = [{ id: 'c', score: 9 }, { id: 'a', score: 5 }, { id: 'd', score: 1 }];
    expect(mergeResults(exact, folded).map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});
