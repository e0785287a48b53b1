/**
 * The open-data files /api/documents.json and /api/graph.json (src/lib/site/open-data.ts).
 * One route with a parameter, so that when several processes build the site one of them
 * writes each file (shardPaths): at 10,000 documents each costs about a second to build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shardPaths } from '../../lib/site/build-shard.ts';
import { siteData } from '../../lib/site/data.ts';
import { documentsJson, graphJson } from '../../lib/site/open-data.ts';
import { siteUrls, configuredSite } from '../../lib/site/urls.ts';

export const getStaticPaths = (() => shardPaths([{ params: { file: 'documents' } }, { params: { file: 'graph' } }])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const args = [siteData(), siteUrls(import.meta.env.BASE_URL), configuredSite(site)] as const;
  // documents.json is indented for people reading it; graph.json is compact (it is large).
  const body = params.file === 'graph' ? JSON.stringify(graphJson(...args)) : JSON.stringify(documentsJson(...args), null, 1);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
