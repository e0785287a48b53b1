/**
 * npm run build:graph — reads content/, runs the citation engine, writes
 * .generated/graph.json, .generated/bodies/<collection>.bundle and .generated/frontmatter.json
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
 * body + citing context + engine code + corpus identities (see planGraph in
 * src/lib/graph/build.ts). The cache file (.generated/cache/bodies.txt, body-cache.ts)
 * holds the mentions and link reports by key; the HTML is in the body bundles
 * (.generated/bodies/<collection>.bundle, src/lib/graph/body-bundle.ts), whose index
 * records the key of every body. A body is reused only when both hold its current key,
 * so an unchanged body is neither parsed nor rendered again, and a cache file that
 * outlived an interrupted build can never pair a body with another body's HTML.
 *
 * Writing: nothing is written when the graph (or, with --check, the check) has errors.
 * Bundles, graph.json and the cache are each written to a temporary file and renamed.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONTENT_DIRS, loadCorpus, listFiles } from '../src/lib/content/corpus.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { planGraph, type BodyOutput, type GraphPlan } from '../src/lib/graph/build.ts';
import { startRenderPool, startRenderWorkers } from '../src/lib/graph/render-pool.ts';
import { BODIES_DIR, BODY_COLLECTIONS, FRONTMATTER_FILE, GENERATED_DIR, GRAPH_FILE, bodyBundleFile, type BodyCollection, type FrontmatterFile } from '../src/lib/graph/types.ts';
import { BodyBundle, writeBodyBundle } from '../src/lib/graph/body-bundle.ts';
import { BodyCache, bodyCacheBytes, bodyDataJson } from '../src/lib/graph/body-cache.ts';
import { startBackgroundWriter } from '../src/lib/files/background-writer.ts';
import { contentSources } from '../src/lib/content/sources.ts';
import { contentRoot } from '../src/lib/content/root.ts';
import { cliToday } from './lib/today.ts';
import { commandLine, existingDir, orUsage, wholeNumber } from './lib/cli.ts';

const started = performance.now();
const USAGE = `Cách dùng: npm run build:graph [-- --root THƯ_MỤC] [-- --keep-going] [-- --check] [-- --threads N] [-- --timings]`;
const { values } = commandLine({
  usage: USAGE,
  options: {
    root: { type: 'string' },
    'keep-going': { type: 'boolean' },
    check: { type: 'boolean' },
    threads: { type: 'string' },
    timings: { type: 'boolean' },
  },
});
const projectRoot = join(import.meta.dirname, '..');
const root = values.root === undefined ? contentRoot(projectRoot) : orUsage(USAGE, () => existingDir(values.root!, '--root'));
const threads = values.threads === undefined ? availableParallelism() : orUsage(USAGE, () => wholeNumber(values.threads!, '--threads'));
const keepGoing = values['keep-going'] ?? false;
const withCheck = values.check ?? false;
/** An explicit --threads is obeyed (tests use it on small corpora). */
const threadsGiven = values.threads !== undefined;
const showTimings = values.timings ?? false;
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

const cacheDir = join(root, GENERATED_DIR, 'cache');
const cachePath = join(cacheDir, 'bodies.txt');

// The check's modules are loaded only for a build that runs it. A malformed DANVAN_TODAY
// stops the build here, before any work.
const checkToday = withCheck ? cliToday() : null;
const checkModules = withCheck
  ? { ...(await import('../src/lib/check/index.ts')), ...(await import('../src/lib/check/report.ts')) }
  : null;

// Render workers load their modules while this thread reads the corpus, when the corpus
// is large enough to be rendered by workers at all (see `workers` below).
const contentFiles = Object.values(CONTENT_DIRS).reduce((n, dir) => n + listFiles(join(root, dir), '.mdx').length, 0);
const prestarted = threads >= 2 && (threadsGiven || contentFiles >= 2 * MIN_BODIES_PER_WORKER) ? startRenderWorkers(threads) : [];
const corpus = loadCorpus(root);
timing('load corpus');

/**
 * --check: the same checks and report as `npm run check`, on the corpus loaded above.
 * Runs while the workers render; no body file is written before it has passed.
 */
function runContentCheck(): boolean {
  if (!withCheck) return true;
  const { runCheck, checkErrorCount, checkReportLines } = checkModules!;
  const result = runCheck(root, { corpus, today: checkToday! });
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
const bundles = Object.fromEntries(BODY_COLLECTIONS.map((c) => [c, new BodyBundle(join(root, bodyBundleFile(c)))])) as Record<BodyCollection, BodyBundle>;

// ---------- per-body stage: cache, then render what is missing ----------
timing('plan');
const cache = BodyCache.read(cachePath);
timing('read cache');
const outputs: (BodyOutput | undefined)[] = new Array(plan.jobs.length);
/** HTML rendered in this build (from workers as UTF-8 bytes); the rest is in the bundles. */
const rendered: (string | Uint8Array | undefined)[] = new Array(plan.jobs.length);
/** Each body's cache entry (JSON, as UTF-8 bytes or text). */
const cacheJson: (Uint8Array | string)[] = new Array(plan.jobs.length);
const misses: number[] = [];
plan.jobs.forEach((job, i) => {
  // The HTML is taken from the bundle when the bundles are written.
  const data = bundles[job.collection].index().get(job.id)?.key === job.key ? cache.data(job.key) : undefined;
  if (data) {
    outputs[i] = { html: '', ...data };
    cacheJson[i] = cache.json(job.key)!;
  } else misses.push(i);
});

/** The Astro loader reads this instead of parsing and validating every file again. */
function frontmatterText(): string {
  const frontmatter: FrontmatterFile = {
    version: 1,
    sources: contentSources(root),
    documents: corpus.documents.map((f) => ({ id: f.id, file: f.file, data: f.data })),
    implementations: corpus.implementations.map((f) => ({ id: f.id, file: f.file, data: f.data })),
    courses: corpus.courses.map((f) => ({ id: f.id, file: f.file, data: f.data })),
  };
  return JSON.stringify(frontmatter);
}
let frontmatterJson: string | null = null;

// An explicit --threads is obeyed (tests use it on small corpora); otherwise small builds stay in this thread.
const workers = plan.engine === 'custom' ? 1 : Math.min(threads, threadsGiven ? misses.length : Math.floor(misses.length / MIN_BODIES_PER_WORKER));
if (workers >= 2) {
  // The check runs in this thread while the workers render; nothing is written before both are done.
  const mainCpuBefore = process.threadCpuUsage();
  const pool = startRenderPool(misses.map((i) => plan.jobs[i]!.input), {
    entries: plan.indexInput.entries,
    provinces: plan.indexInput.provinces,
    withEngine: plan.engine !== null,
    threads: workers,
    workers: prestarted,
  });
  // Exiting stops the workers; nothing has been written.
  if (!runContentCheck()) process.exit(1);
  // While the workers render: this thread would otherwise wait.
  frontmatterJson = frontmatterText();
  const results = await pool.outputs;
  if (showTimings) {
    const main = process.threadCpuUsage(mainCpuBefore);
    console.error(`[timing] worker CPU: ${pool.cpuSeconds.map((c) => `${c.toFixed(2)} s`).join(', ')}; this thread meanwhile: ${((main.user + main.system) / 1e6).toFixed(2)} s`);
  }
  misses.forEach((i, k) => {
    outputs[i] = { html: '', ...results[k]!.data };
    rendered[i] = results[k]!.html;
    cacheJson[i] = results[k]!.json;
  });
} else {
  for (const w of prestarted) void w.terminate();
  if (!runContentCheck()) process.exit(1);
  for (const i of misses) {
    outputs[i] = plan.render(plan.jobs[i]!);
    rendered[i] = outputs[i]!.html;
    cacheJson[i] = bodyDataJson(outputs[i]!);
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

// ---------- bodies: one bundle per collection, rewritten only when one of its bodies changed ----------
mkdirSync(join(root, BODIES_DIR), { recursive: true });
for (const collection of BODY_COLLECTIONS) {
  const jobs = plan.jobs.map((job, i) => ({ job, i })).filter(({ job }) => job.collection === collection);
  const bundle = bundles[collection];
  const index = bundle.index();
  const unchanged = jobs.length === index.size && jobs.every(({ job }) => index.get(job.id)?.key === job.key) && existsSync(join(root, bodyBundleFile(collection)));
  if (!unchanged) {
    writeBodyBundle(
      join(root, bodyBundleFile(collection)),
      jobs.map(({ job, i }) => ({ id: job.id, key: job.key, html: rendered[i] ?? bundle.bytes(job.id) ?? '' })),
    );
  }
  bundle.close();
}
// Leftovers of older layouts (one file per body, in a folder per collection) go.
const bundleNames = new Set(BODY_COLLECTIONS.map((c) => bodyBundleFile(c).slice(BODIES_DIR.length + 1)));
for (const name of readdirSync(join(root, BODIES_DIR))) if (!bundleNames.has(name)) rmSync(join(root, BODIES_DIR, name), { recursive: true, force: true });
rmSync(join(cacheDir, 'references'), { recursive: true, force: true });
timing('write body bundles');

// Each file goes to a background thread to be encoded and written (temporary file, then
// rename) while this thread serialises the next one.
const writer = startBackgroundWriter();
if (misses.length || cache.size !== plan.jobs.length || !existsSync(cachePath)) {
  mkdirSync(cacheDir, { recursive: true });
  writer.write(cachePath, bodyCacheBytes(plan.jobs.map((job, i) => [job.key, cacheJson[i]!] as const)), { transfer: true });
}
// The cache of older versions.
rmSync(join(cacheDir, 'bodies.json'), { force: true });
writer.write(join(root, FRONTMATTER_FILE), frontmatterJson ?? frontmatterText());
const graphPath = join(root, GRAPH_FILE);
mkdirSync(dirname(graphPath), { recursive: true });
writer.write(graphPath, `${JSON.stringify(graph)}\n`);
timing('serialise graph.json, frontmatter.json and the cache');
try {
  await writer.close();
} catch (e) {
  console.error(`Không ghi được tệp kết quả: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
timing('wait for writes');

const s = graph.stats;
const pct = s.references ? ((100 * s.resolved) / s.references).toFixed(1) : '0.0';
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  [
    `Đồ thị: ${s.documents} văn bản, ${graph.edges.length} quan hệ, ${graph.implementations.length} bản ghi thực tiễn, ${corpus.courses.length} chuyên đề.`,
    `Trích dẫn: ${s.references} lượt, ${s.resolved} đã liên kết (${pct}%), ${s.unresolved} chưa có trong kho (${graph.unresolved.length} văn bản), ${s.ambiguous} chưa xác định.`,
    `Cảnh báo: ${s.warnings}${errors ? `, lỗi: ${errors}` : ''}. Đọc lại ${result.extracted} nội dung, dùng bộ đệm ${result.cached}. Thời gian: ${seconds} s.`,
    `→ ${GRAPH_FILE}, ${BODIES_DIR}/ (${plan.jobs.length} nội dung)`,
  ].join('\n'),
);
