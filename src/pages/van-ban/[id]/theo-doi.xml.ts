/**
 * Atom feed of one document's relations ("văn bản mới liên quan"): the documents that
 * replace, amend, carry out, guide or cite it, newest first, so a cadre following a
 * directive learns when a replacing or implementing document is added.
 */
import { shardPaths } from '../../../lib/site/build-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/site/data.ts';
import { atomFeed, relatedFeedEntries, relatedFeedPath } from '../../../lib/site/feeds.ts';
import { shortName } from '../../../lib/site/labels.ts';
import { configuredSite, siteUrls } from '../../../lib/site/urls.ts';

export const getStaticPaths = (() => shardPaths(siteData().nodes.map((n) => ({ params: { id: n.id } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const data = siteData();
  const node = data.node(params.id!)!;
  const u = siteUrls(import.meta.env.BASE_URL);
  const { nodes, relationOf } = relatedFeedEntries(data, node.id);
  const xml = atomFeed(nodes, {
    site: configuredSite(site),
    feedPath: u.path(relatedFeedPath(node.id)),
    homePath: u.document(node.id),
    documentPath: u.document,
    title: `Văn bản mới liên quan đến ${shortName(node)}`,
    limit: 30,
    summaryOf: relationOf,
    emptyUpdated: node.issued,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
