/** Lists that grow with the corpus are paginated, and the search can still reach a missing document's entry. */
import { describe, expect, it } from 'vitest';
import type { UnresolvedReference } from '../../src/lib/graph/types.ts';
import { pageCount, pageFromParam, pageParam, pageSlice, pagedParams } from '../../src/lib/site/listings.ts';
import { MISSING_EVIDENCE_LIMIT, MISSING_PAGE_SIZE, missingEntryPath, missingPageCount, missingPageOf, missingRows } from '../../src/lib/site/missing.ts';
import { missingAnchor } from '../../src/lib/search/number-index.ts';

describe('list pagination', () => {
  it('splits a list into pages of 200 and back', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(200)).toBe(1);
    expect(pageCount(201)).toBe(2);
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('trang/3');
    expect(pageFromParam(pageParam(3))).toBe(3);
    expect(pageFromParam(undefined)).toBe(1);
    const items = Array.from({ length: 450 }, (_, i) => i);
    const last = pageSlice(items, 3);
    expect([last.start, last.items.length, last.pages, last.items[0]]).toEqual([400, 50, 3, 400]);
  });

  it('gives one route per page of each key', () => {
    const sizes: Record<string, number> = { a: 10, b: 401 };
    const paths = pagedParams('type', ['a', 'b'], (k) => sizes[k]!).map((p) => `${p.params.type}/${p.params.page ?? ''}`);
    expect(paths).toEqual(['a/', 'b/', 'b/trang/2', 'b/trang/3']);
  });
});

describe('/chua-co/ pages', () => {
  const ref = (key: string, citing: number): UnresolvedReference => ({
    key,
    type: 'chi-thi',
    number: key.split('@')[0]!,
    year: 2014,
    province: null,
    issuer: null,
    citedBy: Array.from({ length: citing * 2 }, (_, i) => ({ id: `doc-${i % citing}`, evidence: { sentence: 'Câu.', heading: null, anchor: null, line: 1 } })),
  });
  const unresolved = Array.from({ length: 450 }, (_, i) => ref(`${i + 1}-CT/TW@2014`, (i % 7) + 1));
  const graph = { unresolved };

  it('orders by the number of citing documents and caps the passages shown', () => {
    const rows = missingRows(graph);
    expect(rows[0]!.citing).toHaveLength(7);
    expect(rows.at(-1)!.citing).toHaveLength(1);
    expect(rows[0]!.shown).toHaveLength(MISSING_EVIDENCE_LIMIT);
    expect(new Set(rows[0]!.shown.map((c) => c.id)).size).toBe(MISSING_EVIDENCE_LIMIT);
    expect(missingPageCount(graph)).toBe(Math.ceil(450 / MISSING_PAGE_SIZE));
  });

  it('links every key to the page that lists it, at its anchor', () => {
    const rows = missingRows(graph);
    for (const [i, row] of rows.entries()) {
      const page = missingPageOf(graph, row.reference.key)!;
      expect(page).toBe(Math.floor(i / MISSING_PAGE_SIZE) + 1);
    }
    const last = rows.at(-1)!.reference.key;
    expect(missingEntryPath(last, missingPageOf(graph, last))).toBe(`chua-co/trang/3/#${missingAnchor(last)}`);
    expect(missingEntryPath('35-CT/TW@2014')).toBe('chua-co/#35-ct-tw-2014');
    expect(missingPageOf(graph, 'khong-co')).toBeUndefined();
  });
});
