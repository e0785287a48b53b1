/**
 * Builds the site's search files from data, into a folder (argument) laid out like the site:
 *  - the search index of our own, tim-kiem/chi-muc.json and tim-kiem/chi-muc/<version>/
 *    (src/lib/search/index-format.ts), from the graph, the rendered bodies, the registries
 *    and the course modules (src/lib/search/record.ts);
 *  - the number index, tim-kiem/so/<shard>.json, which the browser fetches only for queries
 *    that contain a document number.
 * It reads no built HTML, so scripts/build.ts runs it beside Astro into a folder of its own
 * and moves the result into the site at the end. Run alone on a built site, it replaces
 * that site's search files: the version folder appears whole (written aside, then renamed),
 * then the manifest is replaced atomically, then older versions are removed.
 *
 *   node scripts/index-search.ts <folder>
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BodyBundle } from '../src/lib/graph/body-bundle.ts';
import { readGraphFile } from '../src/lib/graph/read.ts';
import { readJsonFile } from '../src/lib/files/large-json.ts';
import { bodyBundleFile, FRONTMATTER_FILE, GRAPH_FILE, type FrontmatterFile } from '../src/lib/graph/types.ts';
import { loadRegistries } from '../src/lib/content/corpus.ts';
import { contentRoot } from '../src/lib/content/root.ts';
import { errnoCode, fileErrorMessage } from '../src/lib/files/errors.ts';
import { buildSearchIndex } from '../src/lib/search/build-index.ts';
import { registryNames } from '../src/lib/search/fields.ts';
import { foundationWeights } from '../src/lib/search/foundation.ts';
import { INDEX_DIR, MANIFEST_FILE } from '../src/lib/search/index-format.ts';
import { buildNumberShards, NUMBER_INDEX_DIR, NUMBER_SHARDS } from '../src/lib/search/number-index.ts';
import { siteRecords } from '../src/lib/search/record.ts';
import { missingPageOf } from '../src/lib/site/missing.ts';
import { argPath, commandLine } from './lib/cli.ts';

const root = contentRoot(join(import.meta.dirname, '..'));
const { positionals } = commandLine({ usage: 'usage: node scripts/index-search.ts <folder>', options: {}, positionals: { min: 1, max: 1 } });
const out = argPath(positionals[0]!);
// A file-system failure (the folder removed meanwhile, a full disk) is said in words.
process.on('uncaughtException', (e) => {
  if (!errnoCode(e)) throw e;
  console.error(`Lập chỉ mục tìm kiếm thất bại: ${fileErrorMessage(e, 'đọc/ghi được', (e as NodeJS.ErrnoException).path ?? out)}.`);
  process.exit(1);
});

const started = performance.now();
const graphPath = join(root, process.env.DANVAN_GRAPH_FILE ?? GRAPH_FILE);
const graph = existsSync(graphPath) ? readGraphFile(graphPath) : `không có tệp ${graphPath}`;
if (typeof graph === 'string') {
  console.error(`${GRAPH_FILE} không đọc được (${graph}); chạy lại npm run build:graph.`);
  process.exit(1);
}
const frontmatterPath = join(root, FRONTMATTER_FILE);
if (!existsSync(frontmatterPath)) {
  console.error(`Chưa có ${FRONTMATTER_FILE}; chạy lại npm run build:graph.`);
  process.exit(1);
}
const courses = (readJsonFile(frontmatterPath) as FrontmatterFile).courses.map((c) => ({
  id: c.id,
  title: String((c.data as { title?: unknown }).title ?? c.id),
}));
const registries = loadRegistries(root);
const names = registryNames(registries);
const bodies = new BodyBundle(join(root, bodyBundleFile('documents')));
const bodyOf = bodies.reader();
// Records are made while the index is built (one body in memory at a time).
const index = buildSearchIndex(siteRecords(graph, registries, names, courses, (id) => bodyOf(id) ?? ''), foundationWeights(graph));
bodies.close();
const builtAt = performance.now();

/** Writes `files` into a fresh folder beside `target`, then puts it in place of `target`. */
function writeFolder(target: string, files: Iterable<[string, string | Uint8Array]>): void {
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const made = new Set<string>();
  for (const [path, content] of files) {
    const file = join(staging, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, content);
  }
  mkdirSync(staging, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

/** Writes a file through a temporary file in the same folder. */
function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

const indexDir = join(out, INDEX_DIR);
const { version } = index.manifest;
writeFolder(join(indexDir, version), index.files);
writeAtomic(join(out, MANIFEST_FILE), JSON.stringify(index.manifest));
// Older versions go once the manifest names the new one.
for (const name of readdirSync(indexDir)) if (name !== version) rmSync(join(indexDir, name), { recursive: true, force: true });

// Number index. Every shard is written, empty ones as []: a number not in the index is then
// an empty answer, not a 404 in the browser's console.
const shards = buildNumberShards(graph, {
  issuer: names.issuer,
  province: names.province,
  missingPage: (key) => missingPageOf(graph, key),
});
let entryCount = 0;
writeFolder(
  join(out, NUMBER_INDEX_DIR),
  Array.from({ length: NUMBER_SHARDS }, (_, shard): [string, string] => {
    const entries = shards.get(shard) ?? [];
    entryCount += entries.length;
    return [`${shard}.json`, JSON.stringify(entries)];
  }),
);

const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
const { counts, manifest } = index;
// CPU time of the whole process (every thread, user and system): the step runs beside Astro
// on the same cores, so its CPU, not its wall time, is what it costs the build.
const { user, system } = process.cpuUsage();
console.log(
  `Chỉ mục tìm kiếm ${version}: ${manifest.documents} văn bản và ${manifest.records - manifest.documents} trang duyệt, ` +
    `${counts.words} từ, ${counts.exact} cách viết có dấu, ${counts.pairs} cặp từ, ${index.files.size} tệp; ` +
    `chỉ mục số hiệu ${entryCount} mục (${s(started, performance.now())} s: đọc dữ liệu và dựng ${s(started, builtAt)} s, ` +
    `ghi ${s(builtAt, performance.now())} s; CPU ${((user + system) / 1e6).toFixed(1)} s).`,
);
