/**
 * One graph update on disk: load content/ → (check) → plan → per-body stage (cache, then
 * render what is missing, in worker threads when there is enough of it) → finish →
 * write .generated/. Used by `npm run build:graph` (scripts/build-graph.ts, once per
 * process) and by `npm run dev` (scripts/dev.ts, once per saved file, in the same process).
 *
 * Incremental: see src/lib/graph/body-cache.ts for what is cached per body and when an
 * entry is reused. Nothing is written when the graph (or, with `check`, the check) has
 * errors; bundles, graph.json and the cache are each written to a temporary file and renamed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { CONTENT_DIRS, listFiles, loadCorpus, type Corpus } from '../content/corpus.ts';
import { contentSources } from '../content/sources.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { startBackgroundWriter } from '../files/background-writer.ts';
import { today as todayFromEnv } from '../today.ts';
import { BodyBundle, writeBodyBundle } from './body-bundle.ts';
import { BodyCache, bodyCacheBytes, bodyDataJson, type BodyData } from './body-cache.ts';
import { planGraph, type BodyOutput, type BuildResult, type GraphPlan } from './build.ts';
import type { TextExtraction } from '../citations/index.ts';
import { startRenderPool, startRenderWorkers } from './render-pool.ts';
import { BODIES_DIR, BODY_COLLECTIONS, FRONTMATTER_FILE, GENERATED_DIR, GRAPH_FILE, bodyBundleFile, type BodyCollection, type FrontmatterFile } from './types.ts';

/** Below this many bodies to render, starting workers costs more than it saves. */
const MIN_BODIES_PER_WORKER = 100;

export interface GraphUpdateOptions {
  /** The folder holding content/; .generated/ is written beside it. */
  root: string;
  /** This project (for the engine version: the code whose output the cache stores). */
  projectRoot: string;
  /**
   * The engine version, when the caller computed it already: a long-running process
   * (`npm run dev`) computes it once, for the engine code it loaded, even if the files
   * change while it runs.
   */
  engineVersion?: string;
  /**
   * The day the check and the effective statuses are computed for (default: today(), read
   * once per update, so a long-running `npm run dev` follows the calendar).
   */
  today?: string;
  /** Run the content check on the same loaded corpus first; a check error stops the update. */
  check?: boolean;
  /** Write the files even when the graph has errors. */
  keepGoing?: boolean;
  /** Worker threads for rendering (default: the cores; 1 = this thread only). */
  threads?: number;
  /** An explicit thread count is obeyed even for a small corpus (tests). */
  threadsExplicit?: boolean;
  /** Called at the end of each phase (for --timings). */
  timing?: (phase: string) => void;
  /** Called with the worker CPU figures once the workers are done (for --timings). */
  workerCpu?: (workers: number[], mainThreadSeconds: number) => void;
  /**
   * Write the body bundles now, but leave graph.json, frontmatter.json and the cache file
   * to `pendingWrites` in the result (`npm run dev` hands the graph to the pages in memory
   * and writes the rest once the editor pauses: serialising graph.json is ≈ 1.3 s at
   * 10,000 documents; frontmatter.json is read only by the Astro loader of course modules).
   */
  deferGraphFiles?: boolean;
  /**
   * A process that updates the graph again and again (`npm run dev`) keeps the cache's
   * entries here, parsed, instead of reading and parsing the cache file every time.
   * Entries are addressed by content (see body-cache.ts), so they stay valid whatever
   * another process wrote to .generated/ meanwhile.
   */
  memory?: GraphMemory;
}

/** The body cache of the last update, in memory (see GraphUpdateOptions.memory). */
export interface GraphMemory {
  corpus: string;
  entries: Map<string, { json: Uint8Array | string; data: BodyData }>;
}

/** Creates an empty GraphMemory: the first update fills it from the cache file. */
export function graphMemory(): GraphMemory {
  return { corpus: '', entries: new Map() };
}

/** What an update reads of the body cache: the file's (BodyCache) or the memory's. */
interface CacheView {
  corpus: string;
  size: number;
  data(key: string): BodyData | undefined;
  json(key: string): Uint8Array | string | undefined;
}

function memoryView(memory: GraphMemory): CacheView {
  return {
    corpus: memory.corpus,
    size: memory.entries.size,
    data: (key) => memory.entries.get(key)?.data,
    json: (key) => memory.entries.get(key)?.json,
  };
}

export interface GraphUpdateResult {
  /** Whether .generated/ now holds this corpus's graph. */
  written: boolean;
  /** The check's report (the lines `npm run check` prints), when the check ran. */
  checkReport: string[] | null;
  /** The check's diagnostics, when it ran. */
  checkDiagnostics: Diagnostic[];
  checkErrors: number;
  /** The graph's own diagnostics (empty when the check stopped the update first). */
  graphDiagnostics: Diagnostic[];
  graphErrors: number;
  /** Why nothing was written, in Vietnamese (null when written). */
  failure: string | null;
  /** With deferGraphFiles: writes graph.json, frontmatter.json and the cache file (then .generated/ is whole). */
  pendingWrites?: () => Promise<void>;
  corpus: Corpus;
  result: BuildResult | null;
  bodies: number;
}

/** A body's key in its bundle: its cache key and the resolution its HTML was rendered with. */
function bundleKey(key: string, resolution: string): string {
  return `${key}.${resolution}`;
}

/** Hash of the code whose output the cache stores: the engine and the renderer. */
export function engineVersion(projectRoot: string): string {
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

export async function updateGraph(options: GraphUpdateOptions): Promise<GraphUpdateResult> {
  const { root } = options;
  const timing = options.timing ?? (() => {});
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const today = options.today ?? todayFromEnv();
  const cacheDir = join(root, GENERATED_DIR, 'cache');
  const cachePath = join(cacheDir, 'bodies.txt');

  // The check's modules are loaded only for an update that runs it.
  const checkModules = options.check
    ? { ...(await import('../check/index.ts')), ...(await import('../check/report.ts')) }
    : null;

  // Render workers load their modules while this thread reads the corpus, when the corpus
  // is large enough to be rendered by workers at all (see `workers` below).
  const contentFiles = Object.values(CONTENT_DIRS).reduce((n, dir) => n + listFiles(join(root, dir), '.mdx').length, 0);
  const prestarted = threads >= 2 && (options.threadsExplicit || contentFiles >= 2 * MIN_BODIES_PER_WORKER) ? startRenderWorkers(threads) : [];
  const corpus = loadCorpus(root);
  timing('load corpus');

  const out: GraphUpdateResult = {
    written: false, checkReport: null, checkDiagnostics: [], checkErrors: 0, graphDiagnostics: [], graphErrors: 0,
    failure: null, corpus, result: null, bodies: 0,
  };
  /** The same checks and report as `npm run check`, on the corpus loaded above. */
  const runContentCheck = (): boolean => {
    if (!checkModules) return true;
    const { runCheck, checkErrorCount, checkReportLines } = checkModules;
    const check = runCheck(root, { corpus, today });
    out.checkReport = checkReportLines(check);
    out.checkDiagnostics = check.diagnostics;
    out.checkErrors = checkErrorCount(check);
    timing('check');
    if (out.checkErrors) out.failure = `Nội dung có ${out.checkErrors} lỗi; chưa dựng đồ thị. Sửa các lỗi trên rồi dựng lại.`;
    return out.checkErrors === 0;
  };
  const stopWorkers = () => {
    for (const w of prestarted) void w.terminate();
  };

  let plan: GraphPlan;
  try {
    plan = planGraph(corpus, { engineVersion: options.engineVersion ?? engineVersion(options.projectRoot), today });
  } catch (e) {
    // Content the check refuses may be what broke the graph: report it first, as a build
    // that ran the check alone before the graph would have.
    stopWorkers();
    if (!runContentCheck()) return out;
    throw e;
  }
  const bundles = Object.fromEntries(BODY_COLLECTIONS.map((c) => [c, new BodyBundle(join(root, bodyBundleFile(c)))])) as Record<BodyCollection, BodyBundle>;
  const closeBundles = () => {
    for (const b of Object.values(bundles)) b.close();
  };

  // ---------- per-body stage: cache, then render what is missing ----------
  timing('plan');
  const cache: CacheView = options.memory?.entries.size ? memoryView(options.memory) : BodyCache.read(cachePath);
  const sameCorpus = cache.corpus === plan.corpusFingerprint;
  timing('read cache');
  const outputs: (BodyOutput | undefined)[] = new Array(plan.jobs.length);
  /** HTML rendered in this update (from workers as UTF-8 bytes); the rest is in the bundles. */
  const rendered: (string | Uint8Array | undefined)[] = new Array(plan.jobs.length);
  /** Each body's cache entry (JSON, as UTF-8 bytes or text). */
  const cacheJson: (Uint8Array | string)[] = new Array(plan.jobs.length);
  /** The digest of each body's resolution, part of its key in the bundle. */
  const resolutions: string[] = new Array(plan.jobs.length);
  /** Bodies to render: not in the cache (extracted), or rendered from their cached extraction (relinked). */
  const misses: number[] = [];
  const given: (TextExtraction | undefined)[] = [];
  let extracted = 0;
  plan.jobs.forEach((job, i) => {
    const data = cache.data(job.key);
    if (!data) {
      misses.push(i);
      given.push(undefined);
      extracted++;
      return;
    }
    // Resolution is re-run whenever the corpus index changed: a mention may mean another document now.
    const resolution = sameCorpus && data.resolution !== undefined ? data.resolution : plan.resolution(job, data.raw);
    if (data.resolution === resolution || (!data.resolution && !resolution)) {
      // The HTML is taken from the bundle when the bundles are written; it must be the
      // HTML of this body under this very resolution.
      if (bundles[job.collection].index().get(job.id)?.key === bundleKey(job.key, resolution)) {
        outputs[i] = { html: '', ...data };
        cacheJson[i] = cache.json(job.key)!;
        resolutions[i] = resolution;
        return;
      }
    }
    misses.push(i);
    given.push(data.raw);
    if (!data.raw) extracted++;
  });
  const relinked = misses.length - extracted;

  /** The Astro loader reads this instead of parsing and validating every file again. */
  const frontmatterText = (): string => {
    const frontmatter: FrontmatterFile = {
      version: 1,
      sources: contentSources(root),
      documents: corpus.documents.map((f) => ({ id: f.id, file: f.file, data: f.data })),
      implementations: corpus.implementations.map((f) => ({ id: f.id, file: f.file, data: f.data })),
      courses: corpus.courses.map((f) => ({ id: f.id, file: f.file, data: f.data })),
    };
    return JSON.stringify(frontmatter);
  };
  let frontmatterJson: string | null = null;

  // An explicit thread count is obeyed (tests use it on small corpora); otherwise small updates stay in this thread.
  const workers = plan.engine === 'custom' ? 1 : Math.min(threads, options.threadsExplicit ? misses.length : Math.floor(misses.length / MIN_BODIES_PER_WORKER));
  if (workers >= 2) {
    // The check runs in this thread while the workers render; nothing is written before both are done.
    const mainCpuBefore = process.threadCpuUsage();
    const pool = startRenderPool(misses.map((i, k) => ({ input: plan.jobs[i]!.input, raw: given[k] })), {
      entries: plan.indexInput.entries,
      provinces: plan.indexInput.provinces,
      namedDocuments: plan.indexInput.namedDocuments,
      withEngine: plan.engine !== null,
      threads: workers,
      workers: prestarted,
    });
    if (!runContentCheck()) {
      pool.stop();
      closeBundles();
      return out;
    }
    // While the workers render: this thread would otherwise wait.
    frontmatterJson = frontmatterText();
    const results = await pool.outputs;
    if (options.workerCpu) {
      const main = process.threadCpuUsage(mainCpuBefore);
      options.workerCpu(pool.cpuSeconds, (main.user + main.system) / 1e6);
    }
    misses.forEach((i, k) => {
      outputs[i] = { html: '', ...results[k]!.data };
      rendered[i] = results[k]!.html;
      cacheJson[i] = results[k]!.json;
      resolutions[i] = results[k]!.data.resolution ?? '';
    });
  } else {
    stopWorkers();
    if (!runContentCheck()) {
      closeBundles();
      return out;
    }
    misses.forEach((i, k) => {
      outputs[i] = plan.render(plan.jobs[i]!, given[k]);
      rendered[i] = outputs[i]!.html;
      cacheJson[i] = bodyDataJson(outputs[i]!);
      resolutions[i] = outputs[i]!.resolution ?? '';
    });
  }
  timing(`render ${misses.length} bodies (${workers >= 2 ? `${workers} workers` : 'main thread'})`);
  const result = plan.finish(outputs as BodyOutput[], { extracted, relinked, cached: plan.jobs.length - misses.length });
  out.result = result;
  out.bodies = plan.jobs.length;
  const { graph } = result;
  timing('finish graph');

  out.graphDiagnostics = graph.diagnostics;
  out.graphErrors = graph.diagnostics.filter((d) => d.severity === 'error').length;
  if (out.graphErrors && !options.keepGoing) {
    out.failure = `Đồ thị có ${out.graphErrors} lỗi; chưa ghi ${GRAPH_FILE}. Sửa các lỗi trên (hoặc chạy với --keep-going khi đang soạn).`;
    closeBundles();
    return out;
  }

  // ---------- bodies: one bundle per collection, rewritten only when one of its bodies changed ----------
  mkdirSync(join(root, BODIES_DIR), { recursive: true });
  for (const collection of BODY_COLLECTIONS) {
    const jobs = plan.jobs.map((job, i) => ({ job, i })).filter(({ job }) => job.collection === collection);
    const bundle = bundles[collection];
    const index = bundle.index();
    const unchanged =
      jobs.length === index.size &&
      jobs.every(({ job, i }) => rendered[i] === undefined && index.get(job.id)?.key === bundleKey(job.key, resolutions[i]!)) &&
      existsSync(join(root, bodyBundleFile(collection)));
    if (!unchanged) {
      writeBodyBundle(
        join(root, bodyBundleFile(collection)),
        jobs.map(({ job, i }) => ({ id: job.id, key: bundleKey(job.key, resolutions[i]!), html: rendered[i] ?? bundle.bytes(job.id) ?? '' })),
      );
    }
    bundle.close();
  }
  // Leftovers of older layouts (one file per body, in a folder per collection) go.
  const bundleNames = new Set(BODY_COLLECTIONS.map((c) => bodyBundleFile(c).slice(BODIES_DIR.length + 1)));
  for (const name of readdirSync(join(root, BODIES_DIR))) if (!bundleNames.has(name)) rmSync(join(root, BODIES_DIR, name), { recursive: true, force: true });
  rmSync(join(cacheDir, 'references'), { recursive: true, force: true });
  timing('write body bundles');
  if (options.memory) {
    options.memory.corpus = plan.corpusFingerprint;
    options.memory.entries = new Map(plan.jobs.map((job, i) => {
      const { html: _html, ...data } = outputs[i]!;
      return [job.key, { json: cacheJson[i]!, data }] as const;
    }));
  }

  // Each file goes to a background thread to be encoded and written (temporary file, then
  // rename) while this thread serialises the next one.
  const writeCacheAndGraph = async (writer = startBackgroundWriter()) => {
    if (misses.length || !sameCorpus || cache.size !== plan.jobs.length || !existsSync(cachePath)) {
      mkdirSync(cacheDir, { recursive: true });
      writer.write(cachePath, bodyCacheBytes(plan.jobs.map((job, i) => [job.key, cacheJson[i]!] as const), plan.corpusFingerprint), { transfer: true });
    }
    // The cache of older versions.
    rmSync(join(cacheDir, 'bodies.json'), { force: true });
    const graphPath = join(root, GRAPH_FILE);
    mkdirSync(dirname(graphPath), { recursive: true });
    writer.write(graphPath, `${JSON.stringify(graph)}\n`);
    await writer.close();
  };
  if (options.deferGraphFiles) {
    out.pendingWrites = () => {
      const writer = startBackgroundWriter();
      writer.write(join(root, FRONTMATTER_FILE), frontmatterJson ?? frontmatterText());
      return writeCacheAndGraph(writer);
    };
    out.written = true;
    return out;
  }
  const writer = startBackgroundWriter();
  writer.write(join(root, FRONTMATTER_FILE), frontmatterJson ?? frontmatterText());
  const written = writeCacheAndGraph(writer);
  timing('serialise graph.json, frontmatter.json and the cache');
  try {
    await written;
  } catch (e) {
    out.failure = `Không ghi được tệp kết quả: ${e instanceof Error ? e.message : String(e)}`;
    return out;
  }
  timing('wait for writes');
  out.written = true;
  return out;
}

/** The summary lines the graph build prints after writing. */
export function graphSummaryLines(update: GraphUpdateResult, seconds: number): string[] {
  const { result, corpus } = update;
  if (!result) return [];
  const { graph } = result;
  const s = graph.stats;
  const pct = s.references ? ((100 * s.resolved) / s.references).toFixed(1) : '0.0';
  return [
    `Đồ thị: ${s.documents} văn bản, ${graph.edges.length} quan hệ, ${graph.implementations.length} bản ghi thực tiễn, ${corpus.courses.length} chuyên đề.`,
    `Trích dẫn: ${s.references} lượt, ${s.resolved} đã liên kết (${pct}%), ${s.unresolved} chưa có trong kho (${graph.unresolved.length} văn bản), ${s.ambiguous} chưa xác định.`,
    // "Dùng bộ đệm": bodies not extracted again; of those, "liên kết lại" were rendered again with new links.
    `Cảnh báo: ${s.warnings}${update.graphErrors ? `, lỗi: ${update.graphErrors}` : ''}. Đọc lại ${result.extracted} nội dung, dùng bộ đệm ${result.cached + result.relinked} (liên kết lại ${result.relinked}). Thời gian: ${seconds.toFixed(2)} s.`,
    `→ ${GRAPH_FILE}, ${BODIES_DIR}/ (${update.bodies} nội dung)`,
  ];
}
