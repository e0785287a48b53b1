import { describe, expect, it } from 'vitest';
import { atomFeed, relatedFeedEntries, relatedFeedPath, topicFeedPath } from '../../src/lib/site/feeds.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';
import { fixtureSite } from './helpers.ts';

describe('feeds to follow a document or a topic', () => {
  const data = fixtureSite();
  const u = siteUrls('/');

  it("lists the documents acting on a document, saying what each does to it", () => {
    const { nodes, relationOf } = relatedFeedEntries(data, 'chi-thi-33-ct-ttg-2021');
    expect(nodes.map((n) => n.id)).toEqual(['ke-hoach-1-kh-ubnd-2022-vi-du']);
    expect(relationOf(nodes[0]!)).toMatch(/^Triển khai, thực hiện Chỉ thị số 33\/CT-TTg\. /);
    const xml = atomFeed(nodes, {
      site: null,
      feedPath: u.path(relatedFeedPath('chi-thi-33-ct-ttg-2021')),
      homePath: u.document('chi-thi-33-ct-ttg-2021'),
      documentPath: u.document,
      title: 'T',
      summaryOf: relationOf,
      emptyUpdated: '2021-11-26',
    });
    expect(xml).toContain('<id>tag:danvan-kb,2026:/van-ban/chi-thi-33-ct-ttg-2021/theo-doi.xml</id>');
    expect(xml).toContain('<link href="/van-ban/ke-hoach-1-kh-ubnd-2022-vi-du/"/>');
  });

  it('a document nothing acts on yet has an empty feed dated by the document, ready to subscribe to', () => {
    const { nodes } = relatedFeedEntries(data, 'ke-hoach-1-kh-ubnd-2022-vi-du');
    expect(nodes).toEqual([]);
    const xml = atomFeed(nodes, { site: 'https://danvan.test/', feedPath: '/f.xml', homePath: '/', documentPath: u.document, title: 'T', emptyUpdated: '2022-03-01' });
    expect(xml).toContain('<updated>2022-03-01T00:00:00Z</updated>');
    expect(xml).not.toContain('<entry>');
    expect(topicFeedPath('dan-chu-co-so')).toBe('chu-de/dan-chu-co-so/feed.xml');
  });
});
