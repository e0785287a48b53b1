import { describe, expect, it } from 'vitest';
import { fixtureSite } from './helpers.ts';
import { atomFeed, sitemapFiles, sitemapXml, atomDate, SITEMAP_MAX_URLS } from '../../src/lib/site/feeds.ts';
import { legislationJsonLd, jsonForScript } from '../../src/lib/site/jsonld.ts';
import { documentsJson, graphJson, openDataPieces } from '../../src/lib/site/open-data.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';

const data = fixtureSite();
const urls = siteUrls('/danvan/');
const site = 'https://example.vn';

describe('feeds', () => {
  it('sitemap has absolute URLs under the base', () => {
    const xml = sitemapXml(site, ['/danvan/', '/danvan/van-ban/a/']);
    expect(xml).toContain('<loc>https://example.vn/danvan/van-ban/a/</loc>');
  });
  it('past the limit per file, sitemap.xml is an index of files that list every path once, in order', () => {
    const paths = Array.from({ length: 7 }, (_, i) => `/danvan/van-ban/d${i}/`);
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const one = sitemapFiles(site, paths, (n) => `/danvan/${n}.xml`, 7);
    expect([...one.keys()]).toEqual(['sitemap']);
    expect(one.get('sitemap')!()).toBe(sitemapXml(site, paths));
    const split = sitemapFiles(site, paths, (n) => `/danvan/${n}.xml`, 3);
    expect([...split.keys()]).toEqual(['sitemap', 'sitemap-1', 'sitemap-2', 'sitemap-3']);
    const index = split.get('sitemap')!();
    expect(index).toMatch(/^<\?xml[^>]*>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(locs(index)).toEqual(['https://example.vn/danvan/sitemap-1.xml', 'https://example.vn/danvan/sitemap-2.xml', 'https://example.vn/danvan/sitemap-3.xml']);
    const parts = ['sitemap-1', 'sitemap-2', 'sitemap-3'].map((n) => locs(split.get(n)!()));
    expect(parts.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(paths.map((p) => `https://example.vn${p}`));
    expect(SITEMAP_MAX_URLS).toBe(50_000);
  });
  it('atom feed lists newest documents first and is dated by content, not by the build', () => {
    const feed = atomFeed(data.nodes, { site, feedPath: urls.path('feed.xml'), homePath: urls.home(), documentPath: urls.document, title: 'T', limit: 2 });
    const entries = [...feed.matchAll(/<id>([^<]+)<\/id><updated>/g)].map((m) => m[1]);
    expect(entries).toEqual(['https://example.vn/danvan/van-ban/ke-hoach-1-kh-ubnd-2022-vi-du/', 'https://example.vn/danvan/van-ban/chi-thi-33-ct-ttg-2021/']);
    expect(feed).toContain('<updated>2022-01-10T00:00:00Z</updated>');
    expect(atomDate('2021')).toBe('2021-01-01T00:00:00Z');
  });
});

describe('JSON-LD', () => {
  it('describes a replacing decision as schema.org Legislation', () => {
    const ld = legislationJsonLd(data, data.node('quyet-dinh-23-qd-tw-2021')!, urls, site);
    expect(ld['@type']).toBe('Legislation');
    expect(ld.legislationIdentifier).toBe('23-QĐ/TW');
    expect(ld.legislationDate).toBe('2021-07-30');
    expect(ld.legislationPassedBy).toEqual([{ '@type': 'Organization', name: 'Bộ Chính trị' }]);
    expect(ld.legislationChanges).toEqual([{ '@id': 'https://example.vn/danvan/van-ban/quyet-dinh-290-qd-tw-2010/', name: data.node('quyet-dinh-290-qd-tw-2010')!.citation }]);
    expect(ld.legislationLegalForce).toBeUndefined();
    expect('citation' in ld).toBe(false);
  });
  it('marks a superseded document as not in force', () => {
    expect(legislationJsonLd(data, data.node('quyet-dinh-290-qd-tw-2010')!, urls, site).legislationLegalForce).toBe('https://schema.org/NotInForce');
  });
  it('cannot close its script element early', () => {
    expect(jsonForScript({ a: '</script><script>' })).not.toContain('</script>');
  });
});

describe('open data', () => {
  // What the files hold: the text written piece by piece, read back.
  const read = (file: 'documents' | 'graph') => JSON.parse([...openDataPieces(file, data, urls, site)].join(''));

  it('documents.json has every document with its effective status label', () => {
    const j = read('documents');
    expect(j.count).toBe(data.nodes.length);
    expect(j.documents).toHaveLength(data.nodes.length);
    const d290 = j.documents.find((d: { id: string }) => d.id === 'quyet-dinh-290-qd-tw-2010')!;
    expect(d290.effectiveStatus.label).toBe('Đã bị thay thế');
    expect(d290.url).toBe('https://example.vn/danvan/van-ban/quyet-dinh-290-qd-tw-2010/');
  });
  it('graph.json keeps edges with evidence and unresolved references', () => {
    const g = read('graph');
    expect(g.edges).toHaveLength(data.graph.edges.length);
    expect(g.unresolved[0]).toMatchObject({ key: '35-CT/TW@2014', citedBy: ['chi-thi-33-ct-ttg-2021'] });
  });
  it('is written as JSON.stringify would write it: documents.json indented by one space, graph.json compact', () => {
    expect([...openDataPieces('documents', data, urls, site)].join('')).toBe(JSON.stringify(documentsJson(data, urls, site), null, 1));
    expect([...openDataPieces('graph', data, urls, site)].join('')).toBe(JSON.stringify(graphJson(data, urls, site)));
    expect([...openDataPieces('documents', data, urls, site)].join('')).toMatch(/^\{\n "version": 1,\n "count": \d+,\n "documents": \[\n  \{\n   "id": /);
  });
});
