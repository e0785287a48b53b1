/** Atom feed of one topic: its newest documents, so a reader learns when one is added. */
import { shardPaths } from '../../../lib/site/build-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/site/data.ts';
import { atomFeed, topicFeedPath } from '../../../lib/site/feeds.ts';
import { topicKeys } from '../../../lib/site/listings.ts';
import { configuredSite, siteUrls } from '../../../lib/site/urls.ts';

export const getStaticPaths = (() => shardPaths(topicKeys(siteData()).map((topic) => ({ params: { topic } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const data = siteData();
  const topic = data.topic(params.topic!)!;
  const u = siteUrls(import.meta.env.BASE_URL);
  const xml = atomFeed(data.byTopic.get(topic.id) ?? [], {
    site: configuredSite(site),
    feedPath: u.path(topicFeedPath(topic.id)),
    homePath: u.topic(topic.id),
    documentPath: u.document,
    title: `Văn bản Dân vận — chủ đề ${topic.name}`,
    limit: 20,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
