/**
 * Writes the site files made from data alone (src/lib/site/data-files.ts) into a new flat
 * output folder (argument; src/lib/site/flat-outputs.ts: files 0, 1, 2 … and the list of
 * their site paths):
 *  - every document's feed, van-ban/<id>/theo-doi.xml;
 *  - the open-data files api/documents.json and api/graph.json, written piece by piece
 *    (src/lib/site/json-stream.ts): no string is larger than one document or edge.
 * It reads the graph (siteData, as the pages do) and no built page, so scripts/build.ts
 * runs it beside Astro; once every step has succeeded the files are moved into the site
 * (placeFlatOutputs), never over a file already there. The folder is part of the build's
 * temporary folders, so files are not written one by one atomically; the list of paths is
 * written last, and a folder without it is never placed.
 * Base path and site address come from DANVAN_BASE and DANVAN_SITE, as Astro reads them
 * (src/lib/site/settings.ts).
 *
 *   node scripts/write-data-files.ts <folder>
 */
import { join } from 'node:path';
import { contentRoot } from '../src/lib/content/root.ts';
import { errnoCode, fileErrorMessage } from '../src/lib/files/errors.ts';
import { siteData, type SiteData } from '../src/lib/site/data.ts';
import { dataFiles } from '../src/lib/site/data-files.ts';
import { FlatOutputWriter } from '../src/lib/site/flat-outputs.ts';
import { batchPieces } from '../src/lib/site/json-stream.ts';
import { astroBaseUrl, astroSite, siteSettings } from '../src/lib/site/settings.ts';
import { siteUrls } from '../src/lib/site/urls.ts';
import { argPath, commandLine, fail } from './lib/cli.ts';

const STEP = 'Ghi nguồn tin theo dõi và dữ liệu mở';
const root = contentRoot(join(import.meta.dirname, '..'));
const { positionals } = commandLine({ usage: 'Cách dùng: node scripts/write-data-files.ts <thư mục>', options: {}, positionals: { min: 1, max: 1 } });
const out = argPath(positionals[0]!);
// A file-system failure (the folder removed meanwhile, a full disk) is said in words.
process.on('uncaughtException', (e) => {
  if (!errnoCode(e)) throw e;
  console.error(`${STEP} thất bại: ${fileErrorMessage(e, 'ghi được', (e as NodeJS.ErrnoException).path ?? out)}.`);
  process.exit(1);
});

const started = performance.now();
const settings = siteSettings();
let site: string | null;
try {
  site = astroSite(settings.site);
} catch {
  fail(`${STEP} thất bại: DANVAN_SITE="${settings.site}" không phải địa chỉ (cần dạng https://…).`);
}
const urls = siteUrls(astroBaseUrl(settings.base));
let data: SiteData;
try {
  data = siteData(root);
} catch (e) {
  if (errnoCode(e)) throw e;
  fail(`${STEP} thất bại: ${e instanceof Error ? e.message : String(e)}`);
}
const loadedAt = performance.now();

const writer = new FlatOutputWriter(out);
const count = { feed: 0, 'open-data': 0 };
let openDataBytes = 0;
for (const file of dataFiles(data, urls, site)) {
  if (typeof file.content === 'string') writer.write(file.path, file.content);
  else openDataBytes += writer.writePieces(file.path, batchPieces(file.content));
  count[file.kind]++;
}
writer.finish();

const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
console.log(
  `${count.feed} nguồn tin theo dõi văn bản và ${count['open-data']} tệp dữ liệu mở (${(openDataBytes / 1e6).toFixed(1)} MB) ` +
    `sau ${s(started, performance.now())} s (đọc dữ liệu ${s(started, loadedAt)} s, dựng và ghi ${s(loadedAt, performance.now())} s).`,
);
