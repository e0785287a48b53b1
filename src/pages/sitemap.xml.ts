import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteData } from '../lib/site/data.ts';
import { sitemapXml } from '../lib/site/feeds.ts';
import { sitePaths } from '../lib/site/listings.ts';
import { siteUrls } from '../lib/site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const u = siteUrls(import.meta.env.BASE_URL);
  // Course modules (/chuyen-de/) are built by their own pages; listed here so hosts see one sitemap.
  const courses = (await getCollection('chuyenDe')).map((c) => c.id).sort();
  const paths = [...sitePaths(siteData(), u), ...(courses.length ? [u.courses(), ...courses.map((id) => u.path(`chuyen-de/${id}/`))] : [])];
  return new Response(sitemapXml(site?.href ?? 'https://danvan.example.vn/', paths), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
