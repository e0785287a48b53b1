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
import { CONTENT_DIRS, fileCachePath, listFiles, loadCorpus, type Corpus, type LoadedFile } from '../content/corpus.ts';
import { FileCache, loaderCodeVersion } from '../content/file-cache.ts';
import { contentSources } from '../content/sources.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from '../files/atomic.ts';
import { startBackgroundWriter, type BackgroundWriter } from '../files/background-writer.ts';
import { today as todayFromEnv } from '../today.ts';
import { BodyBundle, bundlePieces, writeBodyBundle } from './body-bundle.ts';
import { BodyCache, bodyDataJson, changedBuckets, mentionBuckets, parseBodyData, shardOf, touches, writeBodyCache, type BodyData, type CacheCorpus } from './body-cache.ts';
import { bodyVersion, planGraph, type BodyOutput, type BuildResult, type GraphPlan } from './build.ts';
import { readGraphParts, writeGraphParts } from './graph-parts.ts';
import { graphObject, hasObjects, serialiseGraph, type AssembledGraph, type WorkPart } from './parts.ts';
import { readGraphFile } from './read.ts';
import type { TextExtraction } from '../citations/index.ts';
import { startRenderPool, startRenderWorkers } from './render-pool.ts';
import { BODIES_DIR, BODY_COLLECTIONS, FRONTMATTER_FILE, GENERATED_DIR, GRAPH_FILE, bodyBundleFile, type BodyCollection, type FrontmatterFile, type Graph } from './types.ts';

/** Below this many bodies to render, starting workers costs more than it saves. */
const MIN_BODIES_PER_WORKER = 100;

/** Up to this many re-rendered bodies, a bundle is written by the writer thread (see the bundles below). */
const MAX_NEW_BODIES_FOR_WRITER = 100;

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
  /** Told when a cache file is unusable (then ignored and rebuilt); default: stderr. */
  say?: (message: string) => void;
}

/** One body's cache entry in memory: its JSON, and the data parsed once asked for. */
interface MemoryEntry {
  json: Uint8Array | string;
  resolution: string;
  buckets: string;
  data?: BodyData;
}

/** The body cache and the graph's parts of the last update, in memory (see GraphUpdateOptions.memory). */
export interface GraphMemory {
  corpus: CacheCorpus | null;
  entries: Map<string, MemoryEntry>;
  /** The last update's parts of the graph, by body, with their objects. */
  parts: Map<string, WorkPart>;
  /** The check's per-file findings, by file and content (see runCheck's sourceMemo). */
  sourceChecks: Map<string, Diagnostic[]>;
  /** What loading each content file gave, parsed (see FileCache.startLoad); null until the first update reads it. */
  files: FileCache | null;
}

/** Creates an empty GraphMemory: the first update fills it from the cache file. */
export function graphMemory(): GraphMemory {
  return { corpus: null, entries: new Map(), parts: new Map(), sourceChecks: new Map(), files: null };
}

/** What an update reads of the body cache: the file's (BodyCache) or the memory's. */
interface CacheView {
  corpus: string;
  corpusInfo: CacheCorpus | null;
  size: number;
  keys(): Iterable<string>;
  resolution(key: string): string | undefined;
  buckets(key: string): string | undefined;
  data(key: string): BodyData | undefined;
  json(key: string): Uint8Array | string | undefined;
}

function memoryView(memory: GraphMemory): CacheView {
  return {
    corpus: memory.corpus?.fingerprint ?? '',
    corpusInfo: memory.corpus,
    size: memory.entries.size,
    keys: () => memory.entries.keys(),
    resolution: (key) => memory.entries.get(key)?.resolution,
    buckets: (key) => memory.entries.get(key)?.buckets,
    data: (key) => {
      const entry = memory.entries.get(key);
      if (!entry) return undefined;
      try {
        return (entry.data ??= parseBodyData(typeof entry.json === 'string' ? entry.json : Buffer.from(entry.json).toString('utf8')));
      } catch {
        return undefined;
      }
    },
    json: (key) => memory.entries.get(key)?.json,
  };
}

/** An update's result: the counts its summary needs, and the graph (see graphResult). */
export interface UpdateBuildResult extends BuildResult {
  edgeCount: number;
  unresolvedCount: number;
  implementationCount: number;
  stats: Graph['stats'];
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
  result: UpdateBuildResult | null;
  bodies: number;
}

/** Hash of the code whose output the cache stores: the engine and the renderer. */
export function engineVersion(projectRoot: string): string {
  const h = createHash('sha256');
  // The schema too: the graph's parts (parts.ts) are reused by this version, and the relation vocabulary lives there.
  for (const dir of ['src/lib/citations', 'src/lib/render', 'src/lib/text', 'src/lib/graph', 'src/lib/schema']) {
    for (const file of listFiles(join(projectRoot, dir), '.ts')) h.update(file.slice(projectRoot.length)).update(readFileSync(file));
  }
  for (const file of ['src/lib/identity.ts', 'src/lib/document-types.ts', 'src/lib/diagnostics.ts', 'src/lib/check/relations.ts', 'package-lock.json']) {
    const p = join(projectRoot, file);
    if (existsSync(p)) h.update(file).update(readFileSync(p));
  }
  return h.digest('hex');
}

export async function updateGraph(options: GraphUpdateOptions): Promise<GraphUpdateResult> {
  // One writer thread for the whole update: the file cache goes to it as soon as the
  // corpus is loaded; the update's own files (unless deferred) when they are ready.
  const writer = startBackgroundWriter();
  let open = true;
  const closeWriter = async () => {
    if (!open) return;
    open = false;
    await writer.close();
  };
  try {
    return await update(options, writer, closeWriter);
  } finally {
    await closeWriter().catch(() => {});
  }
}

async function update(options: GraphUpdateOptions, writer: BackgroundWriter, closeWriter: () => Promise<void>): Promise<GraphUpdateResult> {
  const { root } = options;
  const timing = options.timing ?? (() => {});
  const say = options.say ?? ((message: string) => console.error(message));
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const today = options.today ?? todayFromEnv();
  const cacheDir = join(root, GENERATED_DIR, 'cache');
  const cachePath = join(cacheDir, 'bodies');

  // The check's modules are loaded only for an update that runs it.
  const checkModules = options.check
    ? { ...(await import('../check/index.ts')), ...(await import('../check/report.ts')), ...(await import('../check/source-cache.ts')) }
    : null;

  // Render workers load their modules while this thread reads the corpus, when the corpus
  // is large enough to be rendered by workers at all (see `workers` below) and there is no
  // cache: with one, an update usually renders a handful of bodies.
  const hasCache = existsSync(cachePath) || !!options.memory?.entries.size;
  const contentFiles = hasCache ? 0 : Object.values(CONTENT_DIRS).reduce((n, dir) => n + listFiles(join(root, dir), '.mdx').length, 0);
  const prestarted = threads >= 2 && (options.threadsExplicit || contentFiles >= 2 * MIN_BODIES_PER_WORKER) ? startRenderWorkers(threads) : [];
  const fileCacheFile = fileCachePath(root);
  if (options.memory) options.memory.files ??= FileCache.read(fileCacheFile, loaderCodeVersion(), say);
  const fileCache = options.memory?.files ?? undefined;
  const corpus = loadCorpus(root, { cacheFile: fileCacheFile, say, writeCache: (path, content) => writer.write(path, content), fileCache });
  /** With a file cache kept in memory: its file, written with the graph's files (deferred, or now). */
  const writeFileCache = fileCache?.writer() ?? null;
  if (writeFileCache && !options.deferGraphFiles) writeFileCache((path, content) => writer.write(path, content));
  timing('load corpus');

  const out: GraphUpdateResult = {
    written: false, checkReport: null, checkDiagnostics: [], checkErrors: 0, graphDiagnostics: [], graphErrors: 0,
    failure: null, corpus, result: null, bodies: 0,
  };
  /** The same checks and report as `npm run check`, on the corpus loaded above. */
  const runContentCheck = (): boolean => {
    if (!checkModules) return true;
    const { runCheck, checkErrorCount, checkReportLines, readSourceCache, sourceCachePath, sourceCacheText, sameMemo } = checkModules;
    // A fresh process reads the source findings of the last check from disk (see check/source-cache.ts).
    const sourcePath = sourceCachePath(root);
    // A dev server's first update reads it too, and keeps the findings in memory afterwards.
    const memory = options.memory?.sourceChecks;
    const fromDisk = !memory?.size;
    const sourceMemo = memory ?? new Map<string, Diagnostic[]>();
    if (fromDisk) for (const [k, v] of readSourceCache(sourcePath, say)) sourceMemo.set(k, v);
    const before = fromDisk ? new Map(sourceMemo) : null;
    const check = runCheck(root, { corpus, today, sourceMemo });
    if (before && !(sameMemo(before, sourceMemo) && existsSync(sourcePath))) {
      mkdirSync(dirname(sourcePath), { recursive: true });
      writer.write(sourcePath, sourceCacheText(sourceMemo));
    }
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

  const version = options.engineVersion ?? engineVersion(options.projectRoot);
  let plan: GraphPlan;
  try {
    plan = planGraph(corpus, { engineVersion: version, today });
  } catch (e) {
    // Content the check refuses may be what broke the graph: report it first, as a build
    // that ran the check alone before the graph would have.
    stopWorkers();
    if (!runContentCheck()) return out;
    throw e;
  }
  // Only this update writes the bundles, and only after reading them: each is looked at once (not a stat per body).
  const bundles = Object.fromEntries(BODY_COLLECTIONS.map((c) => [c, new BodyBundle(join(root, bodyBundleFile(c)), { watch: false })])) as Record<BodyCollection, BodyBundle>;
  const closeBundles = () => {
    for (const b of Object.values(bundles)) b.close();
  };

  // ---------- per-body stage: cache, then render what is missing ----------
  timing('plan');
  const cache: CacheView = options.memory?.entries.size ? memoryView(options.memory) : BodyCache.read(cachePath, say);
  /** On a return before the writes: the bundles and the cache's shard files are closed. */
  const closeInputs = () => {
    closeBundles();
    if (cache instanceof BodyCache) cache.close();
  };
  const sameCorpus = cache.corpus === plan.corpusFingerprint;
  const corpusInfo: CacheCorpus = {
    fingerprint: plan.corpusFingerprint,
    entries: plan.indexInput.entries,
    registries: createHash('sha256').update(JSON.stringify([plan.indexInput.provinces, plan.indexInput.namedDocuments])).digest('hex'),
  };
  /**
   * When the corpus changed since the cached digests: the index buckets the change
   * touches (a body that consults none of them resolves as before); null: every body
   * may resolve differently (the registries changed, or the cache's corpus is unknown).
   */
  const changed: Set<string> | null = sameCorpus
    ? new Set()
    : cache.corpusInfo && cache.corpusInfo.registries === corpusInfo.registries
      ? changedBuckets(cache.corpusInfo.entries, corpusInfo.entries)
      : null;
  /**
   * The parts of the graph last built: in memory for `npm run dev` (with their objects,
   * which the pages get), else from the last graph.json (bytes only). A dev server's first
   * update computes every part, so that it has the objects.
   */
  const previous: Map<string, WorkPart> = options.memory ? options.memory.parts : readGraphParts(root, version, say);
  timing('read cache');
  const works = plan.jobs.map((job) => `${job.collection}/${job.id}`);
  const outputs: (BodyOutput | undefined)[] = new Array(plan.jobs.length);
  const parts: (WorkPart | undefined)[] = new Array(plan.jobs.length);
  /** HTML rendered in this update (from workers as UTF-8 bytes); the rest is in the bundles. */
  const rendered: (string | Uint8Array | undefined)[] = new Array(plan.jobs.length);
  /** Each body's cache entry (JSON, as UTF-8 bytes or text) when made here; a reused one is read when needed (jsonOf). */
  const cacheJson: (Uint8Array | string | undefined)[] = new Array(plan.jobs.length);
  const jsonOf = (i: number): Uint8Array | string => cacheJson[i] ?? cache.json(plan.jobs[i]!.key)!;
  /** The digest of each body's resolution, part of its key in the bundle. */
  const resolutions: string[] = new Array(plan.jobs.length);
  /** The index buckets each body's mentions consult (see mentionBuckets). */
  const buckets: string[] = new Array(plan.jobs.length);
  /** Bodies to render: not in the cache (extracted), or rendered from their cached extraction (relinked). */
  const misses: number[] = [];
  const given: (TextExtraction | undefined)[] = [];
  let extracted = 0;
  let partsReused = 0;
  plan.jobs.forEach((job, i) => {
    const stored = cache.resolution(job.key);
    let data: BodyData | undefined;
    // Resolution is re-run when the corpus index changed where this body looks: a mention may mean another document now.
    const affected = changed === null || touches(cache.buckets(job.key) ?? '*', changed);
    const resolution = stored === undefined ? undefined : !affected ? stored : plan.resolution(job, (data = cache.data(job.key))?.raw);
    // The HTML is taken from the bundle when the bundles are written; it must be the HTML
    // of this body under this very resolution.
    if (resolution !== undefined && resolution === stored && bundles[job.collection].index().get(job.id)?.key === bodyVersion(job.key, resolution)) {
      const version = bodyVersion(job.key, resolution);
      const before = previous.get(works[i]!);
      resolutions[i] = resolution;
      buckets[i] = cache.buckets(job.key)!;
      if (before && before.hash === plan.partHash(i, version, before.deps)) {
        parts[i] = before;
        partsReused++;
        return;
      }
      data ??= cache.data(job.key);
      if (data) {
        outputs[i] = { html: '', ...data };
        return;
      }
    }
    data ??= stored === undefined ? undefined : cache.data(job.key);
    misses.push(i);
    given.push(data?.raw);
    if (!data?.raw) extracted++;
  });
  const relinked = misses.length - extracted;
  timing(`reuse (${partsReused} parts of the graph as they were)`);

  /**
   * The Astro loader reads this instead of parsing and validating every file again:
   * JSON.stringify of a FrontmatterFile, assembled from each file's data as the file cache
   * keeps it serialised (an unchanged file's data is not serialised again).
   */
  const frontmatterText = (): string => {
    const entries = (files: readonly LoadedFile<unknown>[]) =>
      files.map((f) => `{"id":${JSON.stringify(f.id)},"file":${JSON.stringify(f.file)},"data":${f.dataJson ?? JSON.stringify(f.data)}}`).join(',');
    const version: FrontmatterFile['version'] = 1;
    return `{"version":${version},"sources":${JSON.stringify(corpus.sources ?? contentSources(root))},"documents":[${entries(corpus.documents)}],"implementations":[${entries(corpus.implementations)}],"courses":[${entries(corpus.courses)}]}`;
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
      closeInputs();
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
      buckets[i] = mentionBuckets(results[k]!.data.raw);
    });
  } else {
    stopWorkers();
    if (!runContentCheck()) {
      closeInputs();
      return out;
    }
    misses.forEach((i, k) => {
      outputs[i] = plan.render(plan.jobs[i]!, given[k]);
      rendered[i] = outputs[i]!.html;
      cacheJson[i] = bodyDataJson(outputs[i]!);
      resolutions[i] = outputs[i]!.resolution ?? '';
      buckets[i] = mentionBuckets(outputs[i]!.raw);
    });
  }
  timing(`render ${misses.length} bodies (${workers >= 2 ? `${workers} workers` : 'main thread'})`);
  plan.jobs.forEach((job, i) => {
    parts[i] ??= plan.part(i, outputs[i]!, bodyVersion(job.key, resolutions[i]));
  });
  const assembled = plan.assemble(parts as WorkPart[]);
  const result = graphResult(assembled, root, { extracted, relinked, cached: plan.jobs.length - misses.length });
  out.result = result;
  out.bodies = plan.jobs.length;
  timing('finish graph');

  out.graphDiagnostics = assembled.diagnostics;
  out.graphErrors = assembled.diagnostics.filter((d) => d.severity === 'error').length;
  if (out.graphErrors && !options.keepGoing) {
    out.failure = `Đồ thị có ${out.graphErrors} lỗi; chưa ghi ${GRAPH_FILE}. Sửa các lỗi trên (hoặc chạy với --keep-going khi đang soạn).`;
    closeInputs();
    return out;
  }

  // ---------- bodies: one bundle per collection, rewritten only when one of its bodies changed ----------
  mkdirSync(join(root, BODIES_DIR), { recursive: true });
  // Leftovers of older layouts (one file per body, in a folder per collection) and of killed
  // builds go, before this build's own temporary files appear there.
  const bundleNames = new Set(BODY_COLLECTIONS.map((c) => bodyBundleFile(c).slice(BODIES_DIR.length + 1)));
  for (const name of readdirSync(join(root, BODIES_DIR))) if (!bundleNames.has(name)) rmSync(join(root, BODIES_DIR, name), { recursive: true, force: true });
  rmSync(join(cacheDir, 'references'), { recursive: true, force: true });
  for (const collection of BODY_COLLECTIONS) {
    const jobs = plan.jobs.map((job, i) => ({ job, i })).filter(({ job }) => job.collection === collection);
    const bundle = bundles[collection];
    const index = bundle.index();
    const unchanged =
      jobs.length === index.size &&
      jobs.every(({ job, i }) => rendered[i] === undefined && index.get(job.id)?.key === bodyVersion(job.key, resolutions[i]!)) &&
      existsSync(join(root, bodyBundleFile(collection)));
    if (!unchanged) {
      const path = join(root, bodyBundleFile(collection));
      const bodies = jobs.map(({ job, i }) => ({ id: job.id, key: bodyVersion(job.key, resolutions[i]!), html: rendered[i] ?? null }));
      // After a few changes the new bundle is mostly ranges of the old one: the writer thread
      // copies them (≈ 60 MB at 10,000 documents) while this thread assembles graph.json.
      // Many new bodies are written here: handing their HTML to the thread would copy it.
      if (jobs.reduce((n, { i }) => n + (rendered[i] === undefined ? 0 : 1), 0) <= MAX_NEW_BODIES_FOR_WRITER) writer.write(path, bundlePieces(bodies, bundle));
      else writeBodyBundle(path, bodies, bundle);
    }
    bundle.close();
  }
  timing('write body bundles');
  if (options.memory) {
    const { memory } = options;
    const before = memory.entries;
    memory.corpus = corpusInfo;
    memory.entries = new Map(plan.jobs.map((job, i) => {
      const o = outputs[i];
      const entry: MemoryEntry = o
        ? { json: jsonOf(i), resolution: resolutions[i]!, buckets: buckets[i]!, data: withoutHtml(o) }
        : (before.get(job.key) ?? { json: jsonOf(i), resolution: resolutions[i]!, buckets: buckets[i]! });
      return [job.key, entry] as const;
    }));
    memory.parts = new Map(works.map((w, i) => [w, parts[i]!]));
  }

  // Each file goes to a background thread to be encoded and written (temporary file, then
  // rename) while this thread assembles the next. The parts file names graph.json's stamp,
  // so it is written once graph.json is in place.
  const writeCacheAndGraph = async (writer: BackgroundWriter, closeWriter: () => Promise<void>) => {
    // The shards whose entries changed: new or rendered again, digest changed, or gone.
    const shards = new Set<string>();
    const keys = new Set<string>();
    const rerendered = new Set(misses);
    plan.jobs.forEach((job, i) => {
      keys.add(job.key);
      if (rerendered.has(i) || cache.resolution(job.key) !== resolutions[i]) shards.add(shardOf(job.key));
    });
    for (const key of cache.keys()) if (!keys.has(key)) shards.add(shardOf(key));
    if (cache instanceof BodyCache) for (const shard of cache.unusable) shards.add(shard);
    if (!existsSync(cachePath)) for (const job of plan.jobs) shards.add(shardOf(job.key));
    // Only the entries of the shards rewritten: the others' JSON is not even read.
    const rewritten = plan.jobs.flatMap((job, i) => (shards.has(shardOf(job.key)) ? [{ key: job.key, resolution: resolutions[i]!, buckets: buckets[i]!, json: jsonOf(i) }] : []));
    if (cache instanceof BodyCache) cache.close();
    writeBodyCache(
      cachePath,
      rewritten,
      shards,
      corpusInfo,
      cache.corpus,
      (path, bytes) => writer.write(path, bytes, { transfer: true }),
    );
    // The caches of older versions.
    for (const old of ['bodies.json', 'bodies.txt']) rmSync(join(cacheDir, old), { force: true });
    const graphPath = join(root, GRAPH_FILE);
    mkdirSync(dirname(graphPath), { recursive: true });
    const { pieces, ranges } = serialiseGraph(assembled);
    // Written here, piece by piece (70 MB at 10,000 documents): joining the pieces into one
    // buffer for the writer thread cost more than writing them (see writeFileAtomic).
    writeFileAtomic(graphPath, pieces, undefined, { durable: false });
    await closeWriter();
    writeGraphParts(root, version, works, parts as WorkPart[], ranges);
  };
  if (options.deferGraphFiles) {
    out.pendingWrites = () => {
      const later = startBackgroundWriter();
      writeFileCache?.((path, content) => later.write(path, content));
      later.write(join(root, FRONTMATTER_FILE), frontmatterJson ?? frontmatterText());
      return writeCacheAndGraph(later, () => later.close());
    };
    // The bundles must be on disk when the pages read them (the file cache waits with graph.json).
    try {
      await closeWriter();
    } catch (e) {
      out.failure = `Không ghi được tệp kết quả: ${e instanceof Error ? e.message : String(e)}`;
      return out;
    }
    out.written = true;
    return out;
  }
  writer.write(join(root, FRONTMATTER_FILE), frontmatterJson ?? frontmatterText());
  const written = writeCacheAndGraph(writer, closeWriter);
  timing('write graph.json, frontmatter.json and the cache');
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

function withoutHtml(o: BodyOutput): BodyData {
  const { html: _html, ...data } = o;
  return data;
}

/**
 * The update's BuildResult: the graph as objects when every part was computed in this
 * process, else read back from graph.json when first asked for (a build that reused
 * parts has them only as bytes; its own summary needs only the counts).
 */
function graphResult(assembled: AssembledGraph, root: string, counts: { extracted: number; relinked: number; cached: number }): UpdateBuildResult {
  let graph: Graph | undefined;
  return {
    ...counts,
    bodies: [],
    edgeCount: assembled.edgeCount,
    unresolvedCount: assembled.groups.length,
    implementationCount: assembled.frame.implementations.length,
    stats: assembled.stats,
    get graph(): Graph {
      if (!graph) {
        if (hasObjects(assembled)) graph = graphObject(assembled);
        else {
          const read = readGraphFile(join(root, GRAPH_FILE));
          if (typeof read === 'string') throw new Error(`${GRAPH_FILE}: ${read}`);
          graph = read;
        }
      }
      return graph;
    },
  };
}

/** The summary lines the graph build prints after writing. */
export function graphSummaryLines(update: GraphUpdateResult, seconds: number): string[] {
  const { result, corpus } = update;
  if (!result) return [];
  const s = result.stats;
  const pct = s.references ? ((100 * s.resolved) / s.references).toFixed(1) : '0.0';
  return [
    `Đồ thị: ${s.documents} văn bản, ${result.edgeCount} quan hệ, ${result.implementationCount} bản ghi thực tiễn, ${corpus.courses.length} chuyên đề.`,
    `Trích dẫn: ${s.references} lượt, ${s.resolved} đã liên kết (${pct}%), ${s.unresolved} chưa có trong kho (${result.unresolvedCount} văn bản), ${s.ambiguous} chưa xác định.`,
    // "Dùng bộ đệm": bodies not extracted again; of those, "liên kết lại" were rendered again with new links.
    `Cảnh báo: ${s.warnings}${update.graphErrors ? `, lỗi: ${update.graphErrors}` : ''}. Đọc lại ${result.extracted} nội dung, dùng bộ đệm ${result.cached + result.relinked} (liên kết lại ${result.relinked}). Thời gian: ${seconds.toFixed(2)} s.`,
    `→ ${GRAPH_FILE}, ${BODIES_DIR}/ (${update.bodies} nội dung)`,
  ];
}
