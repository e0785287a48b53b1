import { describe, expect, it } from 'vitest';
import { buildExcerpt, queryTerms } from '../../src/lib/search/excerpt.ts';
import { foldedBlock, foldedVariants, withoutFoldedBlock, FOLD_SENTINEL } from '../../src/lib/search/fold.ts';
import { injectFoldedBlocks, htmlText } from '../../src/lib/search/html-fold.ts';
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

describe('injectFoldedBlocks', () => {
  const page = `<html><body><header data-pagefind-ignore>Chỉ đạo</header><main><article data-pagefind-body><h1>Xây dựng Đảng</h1><div><p>Tỉnh uỷ</p></div><div hidden data-pagefind-ignore><span>Điều lệ</span></div></article><footer>Địa chỉ</footer></main></body></html>`;
  it('puts the block for the body element only, right after its opening tag', () => {
    const out = injectFoldedBlocks(page);
    expect(out).toContain(`<article data-pagefind-body><div hidden data-search-fold>${FOLD_SENTINEL} dang ủy ${FOLD_SENTINEL}</div><h1>`);
    // Header, footer and ignored elements are not part of the indexed text.
    expect(out).not.toMatch(/chi dao|dia chi|dieu le/);
  });
  it('leaves pages without a body element as they are', () => {
    expect(injectFoldedBlocks('<p>Đảng</p>')).toBe('<p>Đảng</p>');
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
