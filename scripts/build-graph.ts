/**
 * npm run build:graph — reads content/, runs the citation engine, writes
 * .generated/graph.json and .generated/bodies/<collection>/<id>.html.
 *
 * Options: --root <dir> (project root holding content/; default: DANVAN_CONTENT_ROOT, else this project),
 *          --keep-going (write the files even when the graph has errors; exit code 0).
 *
 * Incremental: the engine's output per body is cached in .generated/cache/references/,
 * keyed by body + citing context + engine code + corpus identities (see ExtractionCache
 * in src/lib/graph/build.ts). Entries not used by a build are removed after it.
 * Outputs are written to temporary paths and renamed, so a failed build leaves the
 * previous files in place.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCorpus, listFiles } from '../src/lib/content/corpus.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { buildGraph, type ExtractionCache } from '../src/lib/graph/build.ts';
import { BODIES_DIR, GENERATED_DIR, GRAPH_FILE } from '../src/lib/graph/types.ts';
import type { Reference } from '../src/lib/citations/types.ts';
import { contentRoot } from '../src/lib/content/root.ts';

const started = performance.now();
const args = process.argv.slice(2);
const projectRoot = join(import.meta.dirname, '..');
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 && args[rootArg + 1] ? resolve(args[rootArg + 1]!) : contentRoot(projectRoot);
const keepGoing = args.includes('--keep-going');

/** Hash of the code whose output the cache stores: the engine and the text-block reader. */
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

class FileCache implements ExtractionCache {
  readonly dir: string;
  readonly used = new Set<string>();
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }
  get(key: string): Reference[][] | undefined {
    this.used.add(key);
    const p = join(this.dir, `${key}.json`);
    if (!existsSync(p)) return undefined;
    try {
      return JSON.parse(readFileSync(p, 'utf8')) as Reference[][];
    } catch {
      return undefined;
    }
  }
  set(key: string, value: Reference[][]): void {
    this.used.add(key);
    const p = join(this.dir, `${key}.json`);
    writeFileSync(`${p}.tmp`, JSON.stringify(value));
    renameSync(`${p}.tmp`, p);
  }
  prune(): void {
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name.replace(/\.json(\.tmp)?$/, ''))) rmSync(join(this.dir, name), { force: true });
    }
  }
}

const corpus = loadCorpus(root);
const cache = new FileCache(join(root, GENERATED_DIR, 'cache', 'references'));
const result = buildGraph(corpus, { cache, engineVersion: engineVersion() });
const { graph, bodies } = result;

for (const d of graph.diagnostics) (d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
const errors = graph.diagnostics.filter((d) => d.severity === 'error').length;
if (errors && !keepGoing) {
  console.error(`\nĐồ thị có ${errors} lỗi; chưa ghi ${GRAPH_FILE}. Sửa các lỗi trên (hoặc chạy với --keep-going khi đang soạn).`);
  process.exit(1);
}

// Bodies: write a fresh folder and swap it in, so removed documents leave no stale HTML.
const bodiesDir = join(root, BODIES_DIR);
const tmpBodies = `${bodiesDir}.tmp-${process.pid}`;
rmSync(tmpBodies, { recursive: true, force: true });
for (const b of bodies) {
  const p = join(tmpBodies, b.collection, `${b.id}.html`);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, b.html);
}
for (const collection of ['documents', 'implementations', 'courses']) mkdirSync(join(tmpBodies, collection), { recursive: true });
const oldBodies = `${bodiesDir}.old-${process.pid}`;
if (existsSync(bodiesDir)) renameSync(bodiesDir, oldBodies);
renameSync(tmpBodies, bodiesDir);
rmSync(oldBodies, { recursive: true, force: true });

const graphPath = join(root, GRAPH_FILE);
mkdirSync(dirname(graphPath), { recursive: true });
writeFileSync(`${graphPath}.tmp`, `${JSON.stringify(graph, null, 1)}\n`);
renameSync(`${graphPath}.tmp`, graphPath);
cache.prune();

const s = graph.stats;
const pct = s.references ? ((100 * s.resolved) / s.references).toFixed(1) : '0.0';
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  [
    `Đồ thị: ${s.documents} văn bản, ${graph.edges.length} quan hệ, ${graph.implementations.length} bản ghi thực tiễn, ${corpus.courses.length} chuyên đề.`,
    `Trích dẫn: ${s.references} lượt, ${s.resolved} đã liên kết (${pct}%), ${s.unresolved} chưa có trong kho (${graph.unresolved.length} văn bản), ${s.ambiguous} chưa xác định.`,
    `Cảnh báo: ${s.warnings}${errors ? `, lỗi: ${errors}` : ''}. Đọc lại ${result.extracted} nội dung, dùng bộ đệm ${result.cached}. Thời gian: ${seconds} s.`,
    `→ ${GRAPH_FILE}, ${BODIES_DIR}/ (${bodies.length} tệp)`,
  ].join('\n'),
);
