/**
 * Atom feed of one document's relations ("văn bản mới liên quan"): the documents that
 * replace, amend, carry out, guide or cite it, newest first, so a cadre following a
 * directive learns when a replacing or implementing document is added.
 *
 * `npm run build` writes these feeds beside Astro (scripts/write-data-files.ts, from the
 * same relatedFeedXml): a tenth of the rendering time at 10,000 documents went into them.
 * This route gives Astro no path in a build and serves them under `npm run dev`, with the
 * graph as it is now.
 */
import { shardPaths } from '../../../lib/site/build-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/site/data.ts';
import { relatedFeedXml } from '../../../lib/site/feeds.ts';
import { configuredSite, siteUrls } from '../../../lib/site/urls.ts';

export const getStaticPaths = (() => shardPaths(import.meta.env.DEV ? siteData().nodes.map((n) => ({ params: { id: n.id } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const data = siteData();
  const node = data.node(params.id!);
  if (!node) return new Response(null, { status: 404 });
  const xml = relatedFeedXml(data, node, siteUrls(import.meta.env.BASE_URL), configuredSite(site));
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
