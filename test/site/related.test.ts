/**
 * A document page must not grow with the corpus: a hub cited by hundreds of documents
 * shows a bounded part of its relations and lineage, says how many more there are, and
 * the full listing page (/van-ban/<id>/lien-quan/) has every one of them.
 */
import { describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/lib/site/data.ts';
import { lineageView, LINEAGE_LIMIT } from '../../src/lib/course/lineage-view.ts';
import {
  EVIDENCE_LIMIT,
  RELATED_PAGE_SIZE,
  RELATION_GROUP_LIMIT,
  groupAnchor,
  hasRelatedListing,
  paginateSections,
  relatedListing,
  relatedSections,
  relationPanel,
  sectionPage,
  type RelatedSection,
} from '../../src/lib/site/related.ts';
import { sitePaths } from '../../src/lib/site/listings.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';
import { hubSite } from './hub-fixture.ts';

/** What the relations panel renders for a document: shown entries with their capped evidence. */
function panelPayload(data: SiteData, id: string): string {
  return JSON.stringify(
    relationPanel(data, id).map((g) => ({
      label: g.label,
      count: g.entries.length,
      hidden: g.hidden,
      shown: g.shown.map((e) => ({ id: e.other.id, title: e.other.title, evidence: e.edge.evidence.slice(0, EVIDENCE_LIMIT) })),
    })),
  );
}

describe('a hub document cited by 500 documents', () => {
  const data = hubSite(500);

  it('shows at most RELATION_GROUP_LIMIT entries per group, frontmatter first, then newest', () => {
    const groups = relationPanel(data, 'hub');
    const cited = groups.find((g) => g.type === 'cites' && g.direction === 'inverse')!;
    expect(cited.entries).toHaveLength(500);
    expect(cited.shown).toHaveLength(RELATION_GROUP_LIMIT);
    expect(cited.hidden).toBe(500 - RELATION_GROUP_LIMIT);
    const dates = cited.shown.map((e) => e.other.issued);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe([...cited.entries.map((e) => e.other.issued)].sort().at(-1));

    const implemented = groups.find((g) => g.type === 'implements' && g.direction === 'inverse')!;
    expect(implemented.entries).toHaveLength(105);
    expect(implemented.shown.slice(0, 5).map((e) => e.edge.origin)).toEqual(Array(5).fill('explicit'));
    expect(implemented.shown.slice(5).every((e) => e.edge.origin === 'inferred')).toBe(true);
    for (const g of groups) expect(g.shown.length).toBeLessThanOrEqual(RELATION_GROUP_LIMIT);
  });

  it('renders the same amount whether 500 or 2,000 documents cite it', () => {
    const small = panelPayload(data, 'hub').length;
    const big = panelPayload(hubSite(2000), 'hub').length;
    // Only the counts in the text differ ("500" → "2000").
    expect(Math.abs(big - small)).toBeLessThan(50);
    expect(small).toBeLessThan(40_000);
  });

  it('keeps the lineage to LINEAGE_LIMIT documents: frontmatter at any depth, text readings one step only and never walked on', () => {
    const view = lineageView(data.graph, 'hub')!;
    const others = view.lines.filter((l) => !l.isSelf);
    expect(others.length).toBe(LINEAGE_LIMIT);
    // 5 explicit + 3 chain + 100 inferred at depth 1; nothing past a text reading.
    expect(view.total).toBe(108);
    expect(view.hidden).toBe(108 - LINEAGE_LIMIT);
    const full = lineageView(data.graph, 'hub', { limit: Infinity })!.lines.map((l) => l.node.id);
    expect(full).not.toContain('far');
    expect(full).not.toContain('declared');
    expect(full).toContain('chain-3');
    const chain3 = others.find((l) => l.node.id === 'chain-3');
    expect(chain3?.depth).toBe(4);
    expect(others.filter((l) => !l.inferred)).toHaveLength(8);
    const dates = view.lines.map((l) => l.node.issued);
    expect(dates).toEqual([...dates].sort());
  });

  it('has a full listing with every entry exactly once, in pages of RELATED_PAGE_SIZE', () => {
    expect(hasRelatedListing(data, 'hub')).toBe(true);
    const pages = relatedListing(data, 'hub')!;
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.sections.reduce((n, s) => n + s.rows.length, 0)).toBeLessThanOrEqual(RELATED_PAGE_SIZE);

    const listed = new Map<string, string[]>();
    for (const p of pages) for (const s of p.sections) for (const r of s.rows) {
      const id = r.kind === 'relation' ? r.entry.other.id : r.kind === 'lineage' ? r.line.node.id : r.record.id;
      listed.set(s.anchor, [...(listed.get(s.anchor) ?? []), id]);
    }
    for (const g of data.relationGroups('hub')) {
      expect(listed.get(groupAnchor(g))).toEqual(g.entries.map((e) => e.other.id));
    }
    expect(listed.get('dong-chinh-sach')).toHaveLength(108);

    // The panel's "Xem tất cả" link goes to the page where the group starts, at its anchor.
    const anchor = groupAnchor({ type: 'cites', direction: 'inverse' });
    const page = sectionPage(pages, anchor);
    expect(pages[page - 1]!.sections.some((s) => s.anchor === anchor && !s.continued)).toBe(true);
    expect(siteUrls('/danvan/').related('hub', page)).toBe(page > 1 ? `/danvan/van-ban/hub/lien-quan/trang/${page}/` : '/danvan/van-ban/hub/lien-quan/');
  });

  it('builds no listing for a document whose page shows everything', () => {
    expect(hasRelatedListing(data, 'c-1')).toBe(false);
    expect(relatedListing(data, 'c-1')).toBeNull();
    expect(relationPanel(data, 'c-1').every((g) => g.hidden === 0)).toBe(true);
  });

  it('puts the listing pages in the sitemap', () => {
    const paths = sitePaths(data, siteUrls('/'));
    const pages = relatedListing(data, 'hub')!;
    for (const p of pages) expect(paths).toContain(siteUrls('/').related('hub', p.page));
    expect(paths.filter((p) => p.includes('/lien-quan/'))).toHaveLength(pages.length);
  });
});

describe('paginateSections', () => {
  const section = (anchor: string, n: number): RelatedSection => ({
    anchor,
    heading: anchor,
    total: n,
    rows: Array.from({ length: n }, (_, i) => ({ kind: 'implementation' as const, record: { id: `${anchor}-${i}` } as never })),
  });

  it('splits a long section across pages and marks the continuation', () => {
    const pages = paginateSections([section('a', 3), section('b', 5), section('c', 1)], 4);
    expect(pages.map((p) => p.sections.map((s) => `${s.anchor}${s.continued ? '+' : ''}:${s.first}:${s.rows.length}`))).toEqual([
      ['a:0:3', 'b:0:1'],
      ['b+:1:4'],
      ['c:0:1'],
    ]);
    expect(pages.every((p) => p.pages === 3)).toBe(true);
    expect(sectionPage(pages, 'b')).toBe(1);
    expect(sectionPage(pages, 'c')).toBe(3);
  });

  it('gives one empty page for nothing', () => {
    expect(paginateSections([], 10)).toEqual([{ page: 1, pages: 1, sections: [] }]);
  });

  it('lists sections in page order: lineage, then relation groups', () => {
    const data = hubSite(30);
    expect(relatedSections(data, 'hub').map((s) => s.anchor)[0]).toBe('dong-chinh-sach');
  });
});
