/**
 * Builds the search files of a built site folder (argument), in place:
 *  - the Pagefind index, with a folded copy of each indexed page's text (đ → d, new-style
 *    tone placement; see src/lib/search/fold.ts) so that "dang" finds "Đảng"; above
 *    MAX_PAGES_PER_INDEX HTML files (or DANVAN_SEARCH_PART_SIZE, for tests) in several parts,
 *    pagefind/ and pagefind/phan-2/ …, which the browser merges (src/lib/search/parts.ts);
 *  - the date order, pagefind/ngay.<index hash>.json (src/lib/search/date-order.ts), which
 *    the browser fetches only when results are sorted by date;
 *  - the number index, tim-kiem/so/<shard>.json, from .generated/graph.json, which the
 *    browser fetches only for queries that contain a document number;
 *  - the foundation weights of the documents others build on, tim-kiem/nen-tang.json
 *    (src/lib/search/foundation.ts), which order equal matches of a topic search.
 */
import { limiter } from '../src/lib/concurrency.ts';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createIndex, close } from 'pagefind';
import { GRAPH_FILE } from '../src/lib/graph/types.ts';
import { readGraphFile } from '../src/lib/graph/read.ts';
import { searchDate, searchDocument } from '../src/lib/search/search-document.ts';
import { buildDateOrder, dateOrderFile } from '../src/lib/search/date-order.ts';
import { dealParts, MAX_PAGES_PER_INDEX, partCount, partFolder, partLanguage, splitExport, type SplitManifest } from '../src/lib/search/parts.ts';
import { buildNumberShards, NUMBER_INDEX_DIR, NUMBER_SHARDS } from '../src/lib/search/number-index.ts';
import { addToVocabulary, commonPairs, COMMON_PAIRS_FILE, countPairs, RANK_META_ELEMENT, VOCABULARY_FILE, vocabularyFile } from '../src/lib/search/ranking.ts';
import { documentIdOfUrl, FOUNDATION_FILE, foundationFile, foundationWeights } from '../src/lib/search/foundation.ts';
import { htmlText } from '../src/lib/search/html-fold.ts';
import { BROWSE_PAGES_FILE } from '../src/lib/search/constants.ts';
import { missingPageOf } from '../src/lib/site/missing.ts';
import { cachedRegistryNames } from '../src/lib/search/registry-cache.ts';
import { contentRoot } from '../src/lib/content/root.ts';
import { errnoCode, fileErrorMessage } from '../src/lib/files/errors.ts';
import { argPath, commandLine } from './lib/cli.ts';

// The graph and registries sit in the content root (DANVAN_CONTENT_ROOT, else the project).
const root = contentRoot(join(import.meta.dirname, '..'));
const { positionals } = commandLine({ usage: 'usage: node scripts/index-search.ts <built-site-folder>', options: {}, positionals: { min: 1, max: 1 } });
const site = argPath(positionals[0]!);
if (!existsSync(site) || !statSync(site).isDirectory()) {
  console.error(`Lập chỉ mục tìm kiếm: không có thư mục trang "${site}".`);
  process.exit(1);
}
// A file-system failure (the folder removed meanwhile, a full disk) is said in words.
process.on('uncaughtException', (e) => {
  if (!errnoCode(e)) throw e;
  console.error(`Lập chỉ mục tìm kiếm thất bại: ${fileErrorMessage(e, 'đọc/ghi được', (e as NodeJS.ErrnoException).path ?? site)}.`);
  process.exit(1);
});

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'pagefind') out.push(...htmlFiles(p));
    } else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

const started = performance.now();
const files = htmlFiles(site);
const problems: string[] = [];
/** Result URL → date of issue, for the date order. */
const dates = new Map<string, string>();
/** Folded words of every indexed page's text (not its ranking lines), for typo correction. */
const vocabulary = new Map<string, number>();
/** Pages carrying each ranking token (weighted lines), to tell the browser which pairs are too common to search. */
const pairCounts = new Map<string, number>();
let indexed = 0;
const pagefindDir = join(site, 'pagefind');

/**
 * Indexes `partFiles` into a fresh Pagefind process and writes the index to `outputPath`.
 *
 * Pagefind indexes only data-pagefind-body pages once any page has one; the same rule here
 * lets a site without marked pages (early development) still be indexed whole.
 * Each page goes in as its compact search document (src/lib/search/search-document.ts).
 * The Pagefind service handles requests one at a time in the order they arrive and numbers
 * pages in that order, so requests are sent in path order, a bounded number in flight: the
 * index files are the same whichever request finishes first (two builds are byte-identical).
 */
async function indexPart(partFiles: readonly string[], language: string, outputPath: string, wholeBodyFallback: boolean) {
  const partStarted = performance.now();
  const { index, errors } = await createIndex({ forceLanguage: language });
  if (!index) {
    console.error('Pagefind không khởi tạo được:', errors.join('; '));
    process.exit(1);
  }
  const IN_FLIGHT = 32;
  const pending = new Set<Promise<void>>();
  let pages = 0;
  const add = async (file: string, content: string, date: string | null) => {
    const sourcePath = relative(site, file).split(sep).join('/');
    const added = await index.addHTMLFile({ sourcePath, content });
    problems.push(...added.errors.map((e) => `${sourcePath}: ${e}`));
    if (date !== null && added.file) dates.set(added.file.url, date);
    pages++;
  };
  const send = async (file: string, content: string, date: string | null = null) => {
    const p: Promise<void> = add(file, content, date).finally(() => pending.delete(p));
    pending.add(p);
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  };
  let marked = 0;
  for (const file of partFiles) {
    const html = readFileSync(file, 'utf8');
    const doc = searchDocument(html);
    if (doc !== null) {
      marked++;
      // The vocabulary is of words people type: the weighted number line and the ranking pairs are not.
      addToVocabulary(vocabulary, htmlText(doc.replace(/<span data-pagefind-weight[^>]*>[^<]*<\/span>/g, ' ').replace(RANK_META_ELEMENT, ' ')));
      countPairs(pairCounts, [...doc.matchAll(RANK_META_ELEMENT)].map((m) => m[2]).join(' '));
      await send(file, doc, searchDate(html));
    }
  }
  if (marked === 0 && wholeBodyFallback) {
    for (const file of partFiles) {
      const doc = searchDocument(readFileSync(file, 'utf8'), { wholeBody: true });
      if (doc !== null) await send(file, doc);
    }
  }
  await Promise.all(pending);
  const addedAt = performance.now();
  if (problems.length) {
    console.error('Pagefind lỗi khi đọc trang:', problems.join('; '));
    process.exit(1);
  }
  if (pages === 0 && !wholeBodyFallback) {
    console.error(`Phần chỉ mục ${outputPath} không có trang nào có data-pagefind-body.`);
    process.exit(1);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) {
    console.error('Pagefind lỗi khi ghi chỉ mục:', written.errors.join('; '));
    process.exit(1);
  }
  // The next part gets a fresh process: the memory of this one's build goes back to the system.
  await close();
  indexed += pages;
  return { pages, add: (addedAt - partStarted) / 1000, write: (performance.now() - addedAt) / 1000 };
}

// A large site is indexed in parts, one Pagefind process after another (src/lib/search/parts.ts).
// The number of parts follows the number of HTML files, which bounds the number of indexed pages.
const maxPages = process.env.DANVAN_SEARCH_PART_SIZE ? Number(process.env.DANVAN_SEARCH_PART_SIZE) : MAX_PAGES_PER_INDEX;
const parts = dealParts(files, partCount(files.length, maxPages));
// A previous run's chunks would otherwise stay next to the new ones.
rmSync(pagefindDir, { recursive: true, force: true });
const partTimes: Array<{ pages: number; add: number; write: number }> = [];
for (const [i, partFiles] of parts.entries()) {
  partTimes.push(await indexPart(partFiles, partLanguage(i), join(pagefindDir, partFolder(i)), parts.length === 1));
}
const writtenAt = performance.now();

// The default UI bundles inject inline styles, which the site's CSP forbids; the site uses
// its own UI over pagefind.js, so they are not shipped. The other parts are only merged into
// the first (mergeIndex loads neither their JavaScript nor their WebAssembly).
for (const [i] of parts.entries()) {
  const dir = join(pagefindDir, partFolder(i));
  const drop = i === 0 ? /^pagefind-(component-ui|modular-ui|ui|highlight)\./ : /^(pagefind.*\.(js|css)|wasm\..*)$/;
  for (const name of readdirSync(dir)) if (drop.test(name)) rmSync(join(dir, name));
}

// Date order: Pagefind's page ids are the fragment file names, and each fragment names its URL.
const entryOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
const limit = limiter(64);
const dated: Array<{ id: string; date: string }> = [];
const browse: string[] = [];
/** Pagefind page id of each document page, by document id, for the foundation weights. */
const pageOfDocument = new Map<string, string>();
const languageHashes: string[] = [];
for (const [i] of parts.entries()) {
  const dir = join(pagefindDir, partFolder(i));
  languageHashes.push(...Object.values(entryOf(dir).languages).map((l) => l.hash));
  const fragmentDir = join(dir, 'fragment');
  const fragmentNames = existsSync(fragmentDir) ? readdirSync(fragmentDir).filter((n) => n.endsWith('.pf_fragment')).sort() : [];
  const pages = await Promise.all(
    fragmentNames.map((name) => limit(async () => {
      const raw = gunzipSync(await readFile(join(fragmentDir, name))).toString('utf8');
      const { url } = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string };
      return { id: name.slice(0, -'.pf_fragment'.length), url, date: dates.get(url) };
    })),
  );
  for (const p of pages) {
    if (p.date === undefined) continue;
    dated.push({ id: p.id, date: p.date });
    const doc = documentIdOfUrl(p.url);
    if (doc) pageOfDocument.set(doc, p.id);
  }
  // A page without a date of issue is a browsing page (topic, province, issuer, course).
  browse.push(...pages.filter((p) => p.date === undefined).map((p) => p.id));
}
const order = JSON.stringify(buildDateOrder(dated));
if (parts.length === 1) {
  for (const hash of languageHashes) writeFileSync(join(pagefindDir, dateOrderFile(hash)), order);
} else {
  // One order for all parts, named after all of them; the browser learns the name and the
  // parts from pagefind.js, which it loads anyway, so an unsplit site pays nothing for this.
  const digest = createHash('sha256').update(languageHashes.join(' ')).digest('hex').slice(0, 12);
  const manifest: SplitManifest = {
    parts: parts.slice(1).map((_, i) => partFolder(i + 1)),
    dateOrder: dateOrderFile(`${parts.length}p_${digest}`),
  };
  writeFileSync(join(pagefindDir, manifest.dateOrder), order);
  appendFileSync(join(pagefindDir, 'pagefind.js'), splitExport(manifest));
}
const orderedAt = performance.now();

// Number index.
const graphPath = join(root, process.env.DANVAN_GRAPH_FILE ?? GRAPH_FILE);
let shardCount = 0;
let entryCount = 0;
if (existsSync(graphPath)) {
  const graph = readGraphFile(graphPath);
  if (typeof graph === 'string') {
    console.error(`${GRAPH_FILE} không đọc được (${graph}); chạy lại npm run build:graph.`);
    process.exit(1);
  }
  const names = cachedRegistryNames(root);
  const shards = buildNumberShards(graph, {
    issuer: names.issuer,
    province: names.province,
    missingPage: (key) => missingPageOf(graph, key),
  });
  const dir = join(site, NUMBER_INDEX_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Every shard is written, empty ones as []: a number not in the index is then an empty
  // answer, not a 404 in the browser's console.
  for (let shard = 0; shard < NUMBER_SHARDS; shard++) {
    const entries = shards.get(shard) ?? [];
    writeFileSync(join(dir, `${shard}.json`), JSON.stringify(entries));
    if (entries.length) shardCount++;
    entryCount += entries.length;
  }
  writeFileSync(join(site, VOCABULARY_FILE), JSON.stringify(vocabularyFile(vocabulary)));
  writeFileSync(join(site, BROWSE_PAGES_FILE), JSON.stringify(browse.sort()));
  writeFileSync(join(site, COMMON_PAIRS_FILE), JSON.stringify(commonPairs(pairCounts, indexed)));
  const byPage = new Map<string, number>();
  for (const [doc, weight] of foundationWeights(graph)) {
    const page = pageOfDocument.get(doc);
    if (page) byPage.set(page, weight);
  }
  writeFileSync(join(site, FOUNDATION_FILE), JSON.stringify(foundationFile(byPage)));
} else {
  console.error(`Chưa có ${GRAPH_FILE}: bỏ qua chỉ mục số hiệu (chạy scripts/build-graph.ts trước).`);
  process.exit(1);
}

const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
const sum = (key: 'add' | 'write') => partTimes.reduce((t, p) => t + p[key], 0).toFixed(1);
const split = parts.length > 1 ? `, ${parts.length} phần (${partTimes.map((p) => p.pages).join(' + ')} trang)` : '';
console.log(
  `Pagefind: ${indexed} trang đã lập chỉ mục${split}; chỉ mục số hiệu: ${entryCount} mục trong ${shardCount} tệp ` +
    `(${s(started, performance.now())} s: đọc và thêm trang ${sum('add')} s, dựng và ghi chỉ mục ${sum('write')} s, ` +
    `thứ tự ngày ${s(writtenAt, orderedAt)} s).`,
);
