import { describe, expect, it } from 'vitest';
import {
  dealParts,
  MAX_PAGES_PER_INDEX,
  pageKey,
  partCount,
  partFolder,
  partLanguage,
  splitExport,
  splitManifestOf,
  type SplitManifest,
} from '../../src/lib/search/parts.ts';
import { buildDateOrder, dateRanks, sortByDate } from '../../src/lib/search/date-order.ts';

describe('search index parts', () => {
  it('keeps a site of up to the limit in one part, and splits a larger one into parts of at most the limit', () => {
    expect(partCount(0, 16)).toBe(1);
    expect(partCount(16, 16)).toBe(1);
    expect(partCount(17, 16)).toBe(2);
    expect(partCount(45, 16)).toBe(3);
    // 10,000 documents (the 10k benchmark: 11,264 HTML files) stay one index; 50,000 (≈ 56,300) do not.
    expect(partCount(11_264, MAX_PAGES_PER_INDEX)).toBe(1);
    expect(partCount(56_300, MAX_PAGES_PER_INDEX)).toBe(5);
    expect(() => partCount(10, 0)).toThrow();
    expect(() => partCount(10, Number.NaN)).toThrow();
  });

  it('deals pages to the parts in turn, every page once, each part in path order and within the limit', () => {
    const pages = Array.from({ length: 45 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const parts = dealParts(pages, partCount(pages.length, 16));
    expect(parts.map((p) => p.length)).toEqual([15, 15, 15]);
    expect(parts[0]!.slice(0, 3)).toEqual(['p00', 'p03', 'p06']);
    expect(parts[1]!.slice(0, 3)).toEqual(['p01', 'p04', 'p07']);
    expect(parts.flat().sort()).toEqual(pages);
    for (const part of parts) expect([...part].sort()).toEqual(part);
    // Uneven counts differ by at most one page.
    expect(dealParts(pages.slice(0, 7), 3).map((p) => p.length)).toEqual([3, 2, 2]);
  });

  it('leaves the first part as the unsplit index was (language, folder, page keys)', () => {
    expect(partLanguage(0)).toBe('vi');
    expect(partFolder(0)).toBe('');
    expect(pageKey('vi_1db7278')).toBe('1db7278');
    expect(partLanguage(1)).toBe('vi-x-p2');
    expect(partFolder(2)).toBe('phan-3/');
  });

  it('keeps the part in the page keys of the other parts, so equal hashes in two parts stay apart', () => {
    const ids = ['vi_1db7278', `${partLanguage(1)}_1db7278`, `${partLanguage(11)}_1db7278`];
    expect(ids.map(pageKey)).toEqual(['1db7278', 'p2_1db7278', 'p12_1db7278']);
    // One date order for all parts: two pages with the same hash in different parts keep their own dates.
    const ranks = dateRanks(buildDateOrder([
      { id: ids[0]!, date: '2010-01-01' },
      { id: ids[1]!, date: '2020-01-01' },
      { id: 'vi-x-p2_aaaaaaa', date: '2015-06-01' },
    ]));
    const results = [{ id: ids[0]! }, { id: 'vi-x-p2_aaaaaaa' }, { id: ids[1]! }];
    expect(sortByDate(results, ranks, true).map((r) => r.id)).toEqual([ids[1], 'vi-x-p2_aaaaaaa', ids[0]]);
  });

  it('carries the parts in a statement appended to pagefind.js that a module reader gets back', async () => {
    const manifest: SplitManifest = { parts: ['phan-2/', 'phan-3/'], dateOrder: 'ngay.3p_0123456789ab.json' };
    const source = `var search=()=>{};export{search};${splitExport(manifest)}`;
    const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, unknown>;
    expect(typeof module['search']).toBe('function');
    expect(splitManifestOf(module)).toEqual(manifest);
    // An unsplit index's pagefind.js is left as Pagefind wrote it.
    expect(splitManifestOf({ search: () => {} })).toBeNull();
  });
});
