import { describe, expect, it } from 'vitest';
import { fixtureSite } from './helpers.ts';
import { sitePaths, issuerKeys } from '../../src/lib/site/listings.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';
import { provinceSuccessor, issuerSuccessor, predecessorIssuers } from '../../src/lib/site/registry-notes.ts';

describe('site data', () => {
  const data = fixtureSite();

  it('lists documents newest first', () => {
    const dates = data.nodes.map((n) => n.issued);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('groups relations in both directions with Vietnamese labels', () => {
    const g290 = data.relationGroups('quyet-dinh-290-qd-tw-2010');
    expect(g290.map((g) => [g.label, g.entries.map((e) => e.other.id)])).toEqual([['Bị thay thế bởi', ['quyet-dinh-23-qd-tw-2021']]]);
    const g33 = data.relationGroups('chi-thi-33-ct-ttg-2021');
    expect(g33.map((g) => g.label)).toEqual(['Được triển khai bởi', 'Dẫn chiếu']);
    // Same-type entries: most relevant first (frontmatter before text, then newest first).
    expect(g33[1]!.entries.map((e) => e.other.id)).toEqual(['quyet-dinh-23-qd-tw-2021', 'nghi-quyet-25-nq-tw-2013']);
  });

  it('indexes by every browsing dimension', () => {
    expect(data.byType.get('quyet-dinh')?.length).toBe(2);
    expect(data.byIssuer.get('bo-chinh-tri')?.length).toBe(2);
    expect(data.byProvince.get('hai-duong')?.map((n) => n.id)).toEqual(['ke-hoach-1-kh-ubnd-2022-vi-du']);
    // Hải Dương was merged into Hải Phòng in 2025: the new city lists the historical province's documents.
    expect(data.byProvince.get('hai-phong')?.map((n) => n.id)).toEqual(['ke-hoach-1-kh-ubnd-2022-vi-du']);
    expect(data.byStatus.get('superseded')?.map((n) => n.id)).toEqual(['quyet-dinh-290-qd-tw-2010']);
    expect(data.implementationsFor('chi-thi-33-ct-ttg-2021')).toHaveLength(1);
    expect(data.citedByCount('chi-thi-33-ct-ttg-2021')).toBe(1);
  });

  it('knows what historical provinces and issuers became', () => {
    expect(provinceSuccessor(data, 'hai-duong')?.entry?.name).toBe('Hải Phòng');
    expect(provinceSuccessor(data, 'ha-tinh')).toBeNull();
    expect(issuerSuccessor(data, 'ban-dan-van-trung-uong')?.entry?.name).toBe('Ban Tuyên giáo và Dân vận Trung ương');
    expect(predecessorIssuers(data, 'ban-tuyen-giao-va-dan-van-trung-uong').map((i) => i.id)).toEqual(['ban-dan-van-trung-uong']);
  });

  it('lists each built page once in the sitemap paths', () => {
    const paths = sitePaths(data, siteUrls('/danvan/'));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.every((p) => p.startsWith('/danvan/') && p.endsWith('/'))).toBe(true);
    expect(paths).toContain('/danvan/van-ban/quyet-dinh-290-qd-tw-2010/');
    expect(paths).toContain('/danvan/hieu-luc/da-bi-thay-the/');
    expect(paths.filter((p) => p.includes('/co-quan/') && p !== '/danvan/co-quan/')).toHaveLength(issuerKeys(data).length);
  });
});
