import { shardPaths } from '../../../lib/site/build-shard.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { courseEntries } from '../../../lib/site/courses.ts';
import { readingListCsv } from '../../../lib/course/export.ts';
import { siteData } from '../../../lib/site/data.ts';
import { readingList } from '../../../lib/course/reading-list.ts';
import { absoluteUrl, siteUrls } from '../../../lib/site/urls.ts';

export const getStaticPaths = (async () => {
  const courses = courseEntries();
  return shardPaths(courses.map((c) => ({ params: { id: c.id }, props: { data: c.data, id: c.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { data } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const urls = siteUrls(import.meta.env.BASE_URL);
  const csv = readingListCsv(readingList(data, siteData().graph), {
    title: data.title,
    documentUrl: (doc) => (site ? absoluteUrl(site.href, urls.document(doc)) : urls.document(doc)),
  });
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
