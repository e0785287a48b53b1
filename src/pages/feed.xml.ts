import type { APIRoute } from 'astro';
import { siteData } from '../lib/site/data.ts';
import { atomFeed } from '../lib/site/feeds.ts';
import { siteUrls, configuredSite } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const u = siteUrls(import.meta.env.BASE_URL);
  const xml = atomFeed(siteData().nodes, {
    site: configuredSite(site),
    feedPath: u.path('feed.xml'),
    homePath: u.home(),
    documentPath: u.document,
    title: 'Văn bản Dân vận — văn bản mới ban hành',
    limit: 20,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
