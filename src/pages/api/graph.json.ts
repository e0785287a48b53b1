import type { APIRoute } from 'astro';
import { siteData } from '../../lib/site/data.ts';
import { graphJson } from '../../lib/site/open-data.ts';
import { siteUrls } from '../../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(graphJson(siteData(), siteUrls(import.meta.env.BASE_URL), site?.href ?? 'https://danvan.example.vn/')), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
