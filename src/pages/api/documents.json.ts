import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/data.ts';
import { documentsJson } from '../../lib/site/open-data.ts';
import { siteUrls, configuredSite } from '../../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(documentsJson(siteData(), siteUrls(import.meta.env.BASE_URL), configuredSite(site)), null, 1), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
