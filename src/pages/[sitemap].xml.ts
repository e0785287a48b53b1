/**
 * /sitemap.xml, built only when the site address is configured (DANVAN_SITE): a sitemap
 * must list absolute URLs, and without an address there is none to write (scripts/build.ts
 * says so once). A dynamic route, so that "no site" can mean "no file". Past 50,000 pages
 * (sitemaps.org's limit per file) /sitemap.xml is an index of /sitemap-1.xml, /sitemap-2.xml, …
 */
import { shardPaths } from '../lib/site/build-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseEntries } from '../lib/site/courses.ts';
import { siteData } from '../lib/site/data.ts';
import { sitemapFiles } from '../lib/site/feeds.ts';
import { sitePaths } from '../lib/site/listings.ts';
import { configuredSite, siteUrls } from '../lib/site/urls.ts';

async function files(site: string) {
  const u = siteUrls(import.meta.env.BASE_URL);
  // Course modules (/chuyen-de/) are built by their own pages; listed here so hosts see one sitemap.
  const courses = courseEntries().map((c) => c.id).sort();
  const paths = [...sitePaths(siteData(), u), ...(courses.length ? [u.courses(), ...courses.map((id) => u.path(`chuyen-de/${id}/`))] : [])];
  return sitemapFiles(site, paths, (name) => u.path(`${name}.xml`));
}

// import.meta.env.SITE is Astro's `site` setting (astro.config.mjs), empty without DANVAN_SITE.
export const getStaticPaths = (async () =>
  shardPaths(import.meta.env.SITE ? [...(await files(import.meta.env.SITE)).keys()].map((sitemap) => ({ params: { sitemap } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const xml = (await files(configuredSite(site)!)).get(params.sitemap!)!();
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
