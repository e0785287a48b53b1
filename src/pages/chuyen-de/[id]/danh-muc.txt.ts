import { shardPaths } from '../../../lib/site/build-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseEntries } from '../../../lib/site/courses.ts';
import { citationListText } from '../../../lib/course/export.ts';
import { siteData } from '../../../lib/site/data.ts';
import { readingList } from '../../../lib/course/reading-list.ts';
import { absoluteUrl, siteUrls } from '../../../lib/site/urls.ts';

export const getStaticPaths = (async () => {
  const courses = courseEntries();
  return shardPaths(courses.map((c) => ({ params: { id: c.id }, props: { data: c.data, id: c.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { data, id } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const urls = siteUrls(import.meta.env.BASE_URL);
  const full = (path: string) => (site ? absoluteUrl(site.href, path) : path);
  const text = citationListText(readingList(data, siteData().graph), {
    title: data.title,
    documentUrl: (doc) => full(urls.document(doc)),
    courseUrl: full(urls.path(`chuyen-de/${id}/`)),
  });
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
