import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/data.ts';
import { graphJson } from '../../lib/site/open-data.ts';
import { siteUrls, configuredSite } from '../../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(graphJson(siteData(), siteUrls(import.meta.env.BASE_URL), configuredSite(site))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
