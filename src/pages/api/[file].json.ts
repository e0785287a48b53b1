/**
 * The open-data files /api/documents.json and /api/graph.json (src/lib/site/open-data.ts).
 *
 * `npm run build` writes them beside Astro, piece by piece (scripts/write-data-files.ts):
 * at 100,000 documents graph.json is longer than the longest string V8 can hold. This
 * route gives Astro no path in a build and serves them under `npm run dev`, with the
 * graph as it is now, streamed from the same pieces.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shardPaths } from '../../lib/site/build-shard.ts';
import { siteData } from '../../lib/site/data.ts';
import { batchPieces } from '../../lib/site/json-stream.ts';
import { isOpenDataFile, OPEN_DATA_FILES, openDataPieces } from '../../lib/site/open-data.ts';
import { siteUrls, configuredSite } from '../../lib/site/urls.ts';

export const getStaticPaths = (() => shardPaths(import.meta.env.DEV ? Object.keys(OPEN_DATA_FILES).map((file) => ({ params: { file } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  if (!isOpenDataFile(params.file)) return new Response(null, { status: 404 });
  const pieces = openDataPieces(params.file, siteData(), siteUrls(import.meta.env.BASE_URL), configuredSite(site));
  const chunks = batchPieces(pieces, 1 << 16);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
