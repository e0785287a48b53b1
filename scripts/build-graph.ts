/**
 * npm run build:graph — reads content/, runs the citation engine, writes
 * .generated/graph.json, .generated/bodies/<collection>/<id>.html and .generated/frontmatter.json
 * (validated frontmatter for the Astro loader).
 *
 * Options: --root <dir> (project root holding content/; default: DANVAN_CONTENT_ROOT, else this project),
 *          --keep-going (write the files even when the graph has errors; exit code 0),
 *          --check (run `npm run check` on the same loaded corpus first and print its report;
 *                   on a check error nothing is written and the exit code is 1 — the build uses
 *                   this, so every file is read and validated once per build),
 *          --threads N (worker threads for rendering; default: the cores, 1 = this thread only),
 *          --timings (seconds per phase on stderr, for benchmarks).
 *
 * Incremental: the per-body output (HTML, mentions, link reports) is cached by a key over
 * body + citing context + engine code + corpus identities (see ExtractionCache in
 * src/lib/graph/build.ts). The cache file (.generated/cache/bodies.json) holds the
 * mentions and link reports; the HTML of a cached body is the body file already written,
 * which the manifest in the same file ties to its key, so an unchanged body is neither
 * parsed, rendered nor written again. Entries not used by a build are dropped.
 *
 * Writing: nothing is written when the graph (or, with --check, the check) has errors.
 * Body files are updated in place (changed ones rewritten, removed ones deleted) and
 * graph.json is written to a temporary path and renamed last. The cache file is deleted
 * before the first body is written and written again at the end, so an interrupted
 * build can never have a half-written body served from the cache afterwards.
 */
import { limiter } from '../src/lib/concurrency.ts';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { rename, writeFile } from 'node:fs/promises';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCorpus, listFiles } from '../src/lib/content/corpus.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { planGraph, type BodyJob, type BodyOutput, type GraphPlan } from '../src/lib/graph/build.ts';
import { startRenderPool } from '../src/lib/graph/render-pool.ts';
import { BODIES_DIR, FRONTMATTER_FILE, GENERATED_DIR, GRAPH_FILE, type FrontmatterFile } from '../src/lib/graph/types.ts';
import { contentSources } from '../src/lib/content/sources.ts';
import { contentRoot } from '../src/lib/content/root.ts';
import { runCheck } from '../src/lib/check/index.ts';
import { checkErrorCount, checkReportLines } from '../src/lib/check/report.ts';

const started = performance.now();
const args = process.argv.slice(2);
const projectRoot = join(import.meta.dirname, '..');
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 && args[rootArg + 1] ? resolve(args[rootArg + 1]!) : contentRoot(projectRoot);
const keepGoing = args.includes('--keep-going');
const withCheck = args.includes('--check');
const threadsArg = args.indexOf('--threads');
const threads = threadsArg >= 0 ? Math.max(1, Number(args[threadsArg + 1]) || 1) : availableParallelism();
const showTimings = args.includes('--timings');
let lap = started;
/** --timings: seconds per phase on stderr, for benchmarks. */
function timing(phase: string): void {
  const now = performance.now();
  if (showTimings) console.error(`[timing] ${phase}: ${((now - lap) / 1000).toFixed(2)} s`);
  lap = now;
}
/** Below this many bodies to render, starting workers costs more than it saves. */
const MIN_BODIES_PER_WORKER = 100;

/** Hash of the code whose output the cache stores: the engine and the renderer. */
function engineVersion(): string {
  const h = createHash('sha256');
  for (const dir of ['src/lib/citations', 'src/lib/render', 'src/lib/text', 'src/lib/graph']) {
    for (const file of listFiles(join(projectRoot, dir), '.ts')) h.update(file.slice(projectRoot.length)).update(readFileSync(file));
  }
  for (const file of ['src/lib/identity.ts', 'src/lib/document-types.ts', 'package-lock.json']) {
    const p = join(projectRoot, file);
    if (existsSync(p)) h.update(file).update(readFileSync(p));
  }
  return h.digest('hex');
}

type CachedBody = Omit<BodyOutput, 'html'>;
interface CacheFile {
  version: 1;
  /** "<collection>/<id>" → key of the body file written for it. */
  manifest: Record<string, string>;
  entries: Record<string, CachedBody>;
}

const cacheDir = join(root, GENERATED_DIR, 'cache');
const cachePath = join(cacheDir, 'bodies.json');
function readCache(): CacheFile {
  try {
    const c = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheFile;
    if (c.version === 1 && c.manifest && c.entries) return c;
  } catch {
    // Missing or unreadable: a cold build.
  }
  return { version: 1, manifest: {}, entries: {} };
}

const corpus = loadCorpus(root);
timing('load corpus');

/**
 * --check: the same checks and report as `npm run check`, on the corpus loaded above.
 * Runs while the workers render; no body file is written before it has passed.
 */
function runContentCheck(): boolean {
  if (!withCheck) return true;
  const result = runCheck(root, { corpus });
  const errors = checkErrorCount(result);
  console.log(checkReportLines(result).join('\n'));
  timing('check');
  if (errors) {
    console.error(`\nNội dung có ${errors} lỗi; chưa dựng đồ thị. Sửa các lỗi trên rồi dựng lại.`);
    return false;
  }
  return true;
}

let plan: GraphPlan;
try {
  plan = planGraph(corpus, { engineVersion: engineVersion() });
} catch (e) {
  // Content the check refuses may be what broke the graph: report it first, as a build
  // that ran the check alone before the graph would have.
  if (!runContentCheck()) process.exit(1);
  throw e;
}
const write = !plan.errors || keepGoing;
const bodiesDir = join(root, BODIES_DIR);
const bodyPath = (job: BodyJob) => join(bodiesDir, job.collection, `${job.id}.html`);

// ---------- per-body stage: cache, then render what is missing ----------
timing('plan');
const cache = readCache();
timing('read cache');
const outputs: (BodyOutput | undefined)[] = new Array(plan.jobs.length);
const misses: number[] = [];
plan.jobs.forEach((job, i) => {
  const entry = cache.entries[job.key];
  if (entry && cache.manifest[`${job.collection}/${job.id}`] === job.key && existsSync(bodyPath(job))) {
    outputs[i] = { html: '', ...entry };
  } else misses.push(i);
});
/** Called once the check has passed: from here on body files change. */
function prepareWrites(): void {
  if (!write || !misses.length) return;
  // A cache file that outlived this build would tie changed body files to old keys.
  rmSync(cachePath, { force: true });
  for (const collection of ['documents', 'implementations', 'courses']) mkdirSync(join(bodiesDir, collection), { recursive: true });
}

// An explicit --threads is obeyed (tests use it on small corpora); otherwise small builds stay in this thread.
const workers = plan.engine === 'custom' ? 1 : Math.min(threads, threadsArg >= 0 ? misses.length : Math.floor(misses.length / MIN_BODIES_PER_WORKER));
if (workers >= 2) {
  // The check runs in this thread while the workers render; their outputs queue up
  // meanwhile, and the body files are written here, only once the check has passed.
  let checked = false;
  // Asynchronous: creating thousands of files waits on the disk, and libuv's threads can
  // wait for several at once while this thread takes the next outputs.
  const bodyWrites: Promise<void>[] = [];
  const limit = limiter(64);
  const pool = startRenderPool(misses.map((i) => plan.jobs[i]!.input), {
    entries: plan.indexInput.entries,
    provinces: plan.indexInput.provinces,
    withEngine: plan.engine !== null,
    threads: workers,
    onOutput: (k, out) => {
      if (write && checked) bodyWrites.push(limit(() => writeFile(bodyPath(plan.jobs[misses[k]!]!), out.html)));
    },
  });
  // Exiting stops the workers; nothing has been written.
  if (!runContentCheck()) process.exit(1);
  prepareWrites();
  checked = true;
  const rendered = await pool.outputs;
  if (showTimings) console.error(`[timing] worker CPU: ${pool.cpuSeconds.map((c) => `${c.toFixed(2)} s`).join(', ')}`);
  misses.forEach((i, k) => (outputs[i] = rendered[k]));
  await Promise.all(bodyWrites);
} else {
  if (!runContentCheck()) process.exit(1);
  prepareWrites();
  for (const i of misses) {
    const out = plan.render(plan.jobs[i]!);
    if (write) writeFileSync(bodyPath(plan.jobs[i]!), out.html);
    outputs[i] = out;
  }
}
timing(`render ${misses.length} bodies (${workers >= 2 ? `${workers} workers` : 'main thread'})`);
const result = plan.finish(outputs as BodyOutput[], { extracted: misses.length, cached: plan.jobs.length - misses.length });
const { graph } = result;
timing('finish graph');

for (const d of graph.diagnostics) (d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
const errors = graph.diagnostics.filter((d) => d.severity === 'error').length;
if (errors && !keepGoing) {
  console.error(`\nĐồ thị có ${errors} lỗi; chưa ghi ${GRAPH_FILE}. Sửa các lỗi trên (hoặc chạy với --keep-going khi đang soạn).`);
  process.exit(1);
}

// Bodies of documents that no longer exist (and leftovers of older layouts) go.
const wanted = new Set(plan.jobs.map((j) => `${j.collection}/${j.id}.html`));
for (const collection of ['documents', 'implementations', 'courses']) {
  const dir = join(bodiesDir, collection);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!wanted.has(`${collection}/${name}`)) rmSync(join(dir, name), { recursive: true, force: true });
}
rmSync(join(cacheDir, 'references'), { recursive: true, force: true });
timing('remove stale bodies');

/** Temporary file, then rename; the disk writes overlap with serialising the next file. */
const writes: Promise<void>[] = [];
function writeAtomic(path: string, text: string): void {
  writes.push(writeFile(`${path}.tmp`, text).then(() => rename(`${path}.tmp`, path)));
}

const graphPath = join(root, GRAPH_FILE);
mkdirSync(dirname(graphPath), { recursive: true });
writeAtomic(graphPath, `${JSON.stringify(graph)}\n`);
timing('write graph.json');

// The Astro loader reads this instead of parsing and validating every file again.
const frontmatter: FrontmatterFile = {
  version: 1,
  sources: contentSources(root),
  documents: corpus.documents.map((f) => ({ id: f.id, file: f.file, data: f.data })),
  implementations: corpus.implementations.map((f) => ({ id: f.id, file: f.file, data: f.data })),
  courses: corpus.courses.map((f) => ({ id: f.id, file: f.file, data: f.data })),
};
writeAtomic(join(root, FRONTMATTER_FILE), JSON.stringify(frontmatter));
timing('write frontmatter.json');

if (misses.length || Object.keys(cache.manifest).length !== plan.jobs.length || !existsSync(cachePath)) {
  const next: CacheFile = { version: 1, manifest: {}, entries: {} };
  plan.jobs.forEach((job, i) => {
    const { html: _html, ...entry } = outputs[i]!;
    next.manifest[`${job.collection}/${job.id}`] = job.key;
    next.entries[job.key] = entry;
  });
  mkdirSync(cacheDir, { recursive: true });
  // After the body files: a cache entry must never point at a body not yet written.
  writeAtomic(cachePath, JSON.stringify(next));
  timing('write cache');
}
await Promise.all(writes);
timing('wait for writes');

const s = graph.stats;
const pct = s.references ? ((100 * s.resolved) / s.references).toFixed(1) : '0.0';
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  [
    `Đồ thị: ${s.documents} văn bản, ${graph.edges.length} quan hệ, ${graph.implementations.length} bản ghi thực tiễn, ${corpus.courses.length} chuyên đề.`,
    `Trích dẫn: ${s.references} lượt, ${s.resolved} đã liên kết (${pct}%), ${s.unresolved} chưa có trong kho (${graph.unresolved.length} văn bản), ${s.ambiguous} chưa xác định.`,
    `Cảnh báo: ${s.warnings}${errors ? `, lỗi: ${errors}` : ''}. Đọc lại ${result.extracted} nội dung, dùng bộ đệm ${result.cached}. Thời gian: ${seconds} s.`,
    `→ ${GRAPH_FILE}, ${BODIES_DIR}/ (${plan.jobs.length} tệp)`,
  ].join('\n'),
);
