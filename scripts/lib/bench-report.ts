/**
 * The benchmark table (terminal and Markdown) and the generated section of
 * benchmarks/README.md, which sits between markers so hand-written analysis around it
 * is kept when the benchmark is run again.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../src/lib/files/atomic.ts';
import { cpus, loadavg, totalmem } from 'node:os';

export interface SizeResult {
  count: number;
  /** UTC date and time the size was measured (results of earlier runs are kept). */
  measuredAt?: string;
  seed?: number;
  corpusMB: number;
  generateSeconds: number;
  checkGraph: Step;
  /** Median of the cold runs; `runs` are all their times (older results have none). */
  graph: Step & { runs?: number[] };
  graphRebuild: Rebuild;
  /** One document added (older results have none). */
  graphAdd?: Rebuild;
  /** The first save under `npm run dev` after its start: the update in a process that keeps its cache in memory (older results have none). */
  devUpdate?: Rebuild;
  /** The saves after it in the same process, seconds (older results have none). */
  devUpdateLater?: number[];
  /** One document added under `npm run dev`, after those saves (older results have none). */
  devAdd?: Rebuild;
  /** One save under `npm run dev` with Astro and Chromium: seconds until the open page shows it; startSeconds: until the page first opened (older results have none). */
  devPage?: { seconds: number; startSeconds: number };
  /** The Astro step; `processes`: how many Astro processes rendered the pages (older results: one). */
  astro: Step & { processes?: number };
  /** The search index step (beside Astro since issue 19; Pagefind before, under another key). */
  searchIndex?: Step;
  /** Feeds and open-data files written beside Astro (older results have none). */
  dataFiles?: Step;
  build: Step;
  /** `npm run build` again after one document was edited, with the caches the full build left (older results have none). */
  buildAfterChange?: Step & { keptPages?: number | null };
  baseline: Step & { ok: boolean; skipped?: boolean };
  /** The same files built by Hugo with a minimal template (older results have none). */
  hugo?: Step & { ok: boolean; skipped?: boolean; version?: string; note?: string };
  distBytes: number;
  distFiles: number;
  searchIndexBytes?: number;
  dataStoreBytes: number | null;
  graphJsonBytes: number;
  pageMedian: number;
  pageMax: number;
  pageMaxId: string;
  pageHtmlMedian: number;
  searchFirst: number | null;
  searchFirstSearchOnly: number | null;
  searchLater: number | null;
  searchNote: string;
  graphStats: string;
  /** Share of CPU time the hypervisor took from this machine while the size was measured (/proc/stat "steal"). */
  stealPercent?: number | null;
}

export interface Step {
  seconds: number | null;
  peak: number | null;
  /** Host steal during this step, % of the machine's CPU time (older results have none). */
  steal?: number | null;
  /** CPU seconds (user + system) of the step's processes (older results have none). */
  cpu?: number | null;
}

/** A graph rebuild: bodies extracted again, rendered again from their cached extraction, reused whole. */
export interface Rebuild extends Step {
  reextracted: number | null;
  relinked?: number | null;
  cached: number | null;
}

export interface Machine {
  nproc: string;
  cpu: string;
  ramGB: string;
  node: string;
  date: string;
  loadStart: string;
  loadEnd: string;
}

export function machine(loadStart: string): Machine {
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc').toString().trim();
  } catch {
    // Not every system has nproc.
  }
  const cpu = existsSync('/proc/cpuinfo')
    ? (/model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown')
    : (cpus()[0]?.model ?? 'unknown');
  return {
    nproc,
    cpu,
    ramGB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    // Reads the clock on purpose: a record of when this benchmark ran, not the project's "today" (src/lib/today.ts).
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    loadStart,
    loadEnd: loadString(),
  };
}

/** Cumulative CPU time of the machine (all cores, in clock ticks), and the part stolen by the host; null without /proc. */
export function cpuTicks(): { total: number; steal: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { total: f.slice(0, 8).reduce((a, b) => a + b, 0), steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Percentage of CPU time stolen between two readings of cpuTicks. */
export function stealBetween(a: ReturnType<typeof cpuTicks>, b: ReturnType<typeof cpuTicks>): number | null {
  if (!a || !b || b.total <= a.total) return null;
  return (100 * (b.steal - a.steal)) / (b.total - a.total);
}

export function loadString(): string {
  return loadavg().map((x) => x.toFixed(2)).join(', ');
}

const mb = (b: number | null) => (b === null ? '–' : `${(b / 2 ** 20).toFixed(0)} MB`);
const gb = (b: number | null) => (b === null ? '–' : b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GB` : mb(b));
const kb = (b: number | null) => (b === null ? '–' : `${(b / 1024).toFixed(1)} KB`);
const s = (x: number | null) => (x === null ? '–' : `${x.toFixed(1)} s`);
const step = (st: Step) => `${s(st.seconds)} / ${gb(st.peak)}`;
const rebuild = (r: Rebuild) =>
  `${s(r.seconds)}, re-extracted ${r.reextracted ?? '?'}${r.relinked === undefined ? '' : `, re-linked ${r.relinked ?? '?'}`} (reused ${r.cached ?? '?'})`;
const percent = (x: number | null | undefined) => (x === undefined || x === null ? '–' : `${x.toFixed(1)} %`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

export function tableRows(results: SizeResult[]): string[][] {
  const rows: [string, (r: SizeResult) => string][] = [
    ['documents (corpus size)', (r) => `${r.count.toLocaleString('en')} (${r.corpusMB.toFixed(0)} MB)`],
    ['measured at (UTC)', (r) => r.measuredAt ?? '–'],
    ['CPU time taken by the host meanwhile (steal), whole size', (r) => percent(r.stealPercent)],
    ['steal during full build / baseline / Hugo', (r) => [r.build, r.baseline, r.hugo].map((x) => percent(x?.steal)).join(' / ')],
    ['check + graph (one build step): time / peak', (r) => step(r.checkGraph)],
    [
      'graph build alone (cold, own process): time / peak (median of the runs: 3, one at 100,000)',
      (r) => `${step(r.graph)}${r.graph.runs ? ` (runs: ${r.graph.runs.map((t) => s(t)).join(', ')})` : ''}`,
    ],
    ['graph rebuild, 1 document changed', (r) => rebuild(r.graphRebuild)],
    ['graph rebuild, 1 document added', (r) => (r.graphAdd ? rebuild(r.graphAdd) : '–')],
    ['npm run dev, first save after the start: check + graph update in the running process', (r) => (r.devUpdate ? rebuild(r.devUpdate) : '–')],
    ['npm run dev, the three saves after it', (r) => (r.devUpdateLater ? r.devUpdateLater.map((x) => s(x)).join(', ') : '–')],
    ['npm run dev, 1 document added: check + graph update', (r) => (r.devAdd ? rebuild(r.devAdd) : '–')],
    ['npm run dev, 1 save → the open page shows it (Chromium) · server start to first page', (r) => (r.devPage ? `${s(r.devPage.seconds)} · ${s(r.devPage.startSeconds)}` : '–')],
    ['Astro build: time / peak (processes)', (r) => `${step(r.astro)} (${r.astro.processes ?? 1})`],
    ['search index (runs beside Astro): time / peak', (r) => (r.searchIndex ? step(r.searchIndex) : '–')],
    ['feeds and open-data files (beside Astro): time / peak', (r) => (r.dataFiles ? step(r.dataFiles) : '–')],
    ['**full build** (check+graph, then Astro beside the search index and the feeds): time / peak', (r) => `**${step(r.build)}**`],
    [
      '`npm run build` after editing one document (caches of the full build): time / peak (document pages kept from the full build)',
      (r) => (r.buildAfterChange ? `${step(r.buildAfterChange)}${typeof r.buildAfterChange.keptPages === 'number' ? ` (${r.buildAfterChange.keptPages.toLocaleString('en')} kept)` : ''}` : '–'),
    ],
    [
      'CPU time (user+sys): full build (check+graph / Astro / search / feeds+data) · baseline',
      (r) =>
        `${s(r.build.cpu ?? null)} (${[r.checkGraph, r.astro, r.searchIndex, r.dataFiles].map((x) => s(x?.cpu ?? null)).join(' / ')}) · ${r.baseline.ok ? s(r.baseline.cpu ?? null) : '–'}`,
    ],
    ['baseline (plain Astro + MDX): time / peak', (r) => (r.baseline.ok ? step(r.baseline) : r.baseline.skipped ? 'not run (--no-baseline)' : 'failed')],
    ['full build ÷ baseline (time)', (r) => (r.baseline.ok ? ratio(r.build.seconds, r.baseline.seconds) : '–')],
    ['full build ÷ baseline (peak memory)', (r) => (r.baseline.ok ? ratio(r.build.peak, r.baseline.peak) : '–')],
    ['Hugo, same files, minimal template: time / peak', (r) => (r.hugo?.ok ? `${step(r.hugo)} (${r.hugo.version})` : r.hugo?.skipped ? 'not run' : r.hugo ? 'failed' : '–')],
    ['full build ÷ Hugo (time)', (r) => (r.hugo?.ok ? ratio(r.build.seconds, r.hugo.seconds) : '–')],
    ['graph.json / Astro data store', (r) => `${mb(r.graphJsonBytes)} / ${mb(r.dataStoreBytes)}`],
    ['dist/ size (files)', (r) => `${mb(r.distBytes)} (${r.distFiles.toLocaleString('en')})`],
    ['search index size (tim-kiem/chi-muc/)', (r) => (r.searchIndexBytes === undefined ? '–' : mb(r.searchIndexBytes))],
    ['document page, HTML+CSS gzip: median / max', (r) => `${kb(r.pageMedian)} / ${kb(r.pageMax)}`],
    ['search, first query (all / search files)', (r) => `${kb(r.searchFirst)} / ${kb(r.searchFirstSearchOnly)}`],
    ['search, later query', (r) => kb(r.searchLater)],
  ];
  return [['', ...results.map((r) => `${r.count.toLocaleString('en')} docs`)], ...rows.map(([label, f]) => [label, ...results.map(f)])];
}

export function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return [`| ${head!.join(' | ')} |`, `|${head!.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function terminalTable(rows: string[][]): string {
  const plain = rows.map((r) => r.map((c) => c.replace(/\*\*/g, '')));
  const widths = plain[0]!.map((_, i) => Math.max(...plain.map((r) => r[i]!.length)));
  return plain.map((r) => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

export interface Target {
  what: string;
  /** null: not measured; 'info': a figure with no target. */
  holds: boolean | null | 'info';
  measured: string;
}

/** The targets of the scaling issues (#9, #19), judged on the measured figures. */
export function judgeTargets(results: SizeResult[]): Target[] {
  const t10 = results.find((r) => r.count === 10_000);
  const t50 = results.find((r) => r.count === 50_000);
  const t100 = results.find((r) => r.count === 100_000);
  const out: Target[] = [];
  const add = (what: string, holds: Target['holds'], measured: string) => out.push({ what, holds, measured });
  const atMost = (x: number | null | undefined, limit: number) => (x === null || x === undefined ? null : x <= limit);
  const rebuildHolds = (r: Rebuild | undefined) =>
    !r || r.seconds === null || r.reextracted === null ? null : r.seconds <= 2 && r.reextracted <= 1;
  if (t10) {
    add('10k: full build ≤ 50 s', atMost(t10.build.seconds, 50), s(t10.build.seconds));
    add('10k: full build peak ≤ 3 GB', atMost(t10.build.peak, 3 * 2 ** 30), gb(t10.build.peak));
    add('10k: full build ≥ 2× faster than plain Astro (same run)', t10.baseline.ok && t10.build.seconds !== null && t10.baseline.seconds !== null ? t10.build.seconds * 2 <= t10.baseline.seconds : null,
      `${s(t10.build.seconds)} vs ${t10.baseline.ok ? s(t10.baseline.seconds) : 'baseline not run'}: plain Astro ÷ ours = ${t10.baseline.ok ? ratio(t10.baseline.seconds, t10.build.seconds) : '–'}`);
    add('10k: full build as a multiple of Hugo (same run; no target, the limit)', t10.hugo?.ok ? 'info' : null, t10.hugo?.ok ? `${ratio(t10.build.seconds, t10.hugo.seconds)} (Hugo ${s(t10.hugo.seconds)})` : 'Hugo not run');
    add('10k: editing one document → graph rebuilt ≤ 2 s, only it extracted (a fresh `npm run build:graph`)', rebuildHolds(t10.graphRebuild), rebuild(t10.graphRebuild));
    add('10k: adding one document → graph rebuilt ≤ 2 s, only it extracted (a fresh `npm run build:graph`)', rebuildHolds(t10.graphAdd), t10.graphAdd ? rebuild(t10.graphAdd) : 'not measured');
    // The editor's loop: the running dev server rebuilds the graph on each save, check included.
    const laterSlowest = t10.devUpdateLater?.length ? Math.max(...t10.devUpdateLater) : undefined;
    add('10k: editing one document under `npm run dev` → graph rebuilt ≤ 2 s (first save and every later one), only it extracted',
      rebuildHolds(t10.devUpdate) === null || laterSlowest === undefined ? null : rebuildHolds(t10.devUpdate)! && laterSlowest <= 2,
      t10.devUpdate ? `${rebuild(t10.devUpdate)}; later saves ${t10.devUpdateLater?.map((x) => s(x)).join(', ') ?? 'not measured'}` : 'not measured');
    add('10k: adding one document under `npm run dev` → graph rebuilt ≤ 2 s, only it extracted', rebuildHolds(t10.devAdd), t10.devAdd ? rebuild(t10.devAdd) : 'not measured');
    add('10k: `npm run build` after one change ≤ 40 s', atMost(t10.buildAfterChange?.seconds, 40), t10.buildAfterChange ? s(t10.buildAfterChange.seconds) : 'not measured');
    add('10k: npm run dev, one save → graph updated ≤ 5 s (the page reload comes on top)', t10.devUpdate?.seconds === undefined || t10.devUpdate.seconds === null ? null : t10.devUpdate.seconds <= 5,
      t10.devUpdate ? rebuild(t10.devUpdate) : 'not measured');
    add('10k: npm run dev, one save → the open page shows it ≤ 5 s', t10.devPage ? t10.devPage.seconds <= 5 : null, t10.devPage ? s(t10.devPage.seconds) : 'not measured');
    add('10k: document page ≤ 50 KB gzip (max)', t10.pageMax <= 50 * 1024, `max ${kb(t10.pageMax)} (${t10.pageMaxId}), median ${kb(t10.pageMedian)}`);
    add('10k: first search query ≤ 150 KB', atMost(t10.searchFirst, 150 * 1024), kb(t10.searchFirst));
    add('10k: later search query ≤ 60 KB', atMost(t10.searchLater, 60 * 1024), kb(t10.searchLater));
  }
  if (!t10) add('10k targets (build time, memory, graph, page, search)', null, 'no 10,000-document run in this report');
  if (t10 && t50) add('50k: full build ≤ 5 × the 10k time', t50.build.seconds !== null && t10.build.seconds !== null ? t50.build.seconds <= 5 * t10.build.seconds : null, ratio(t50.build.seconds, t10.build.seconds));
  for (const big of [t50, t100]) {
    if (!big) continue;
    const k = `${big.count / 1000}k`;
    add(`${k}: first search query ≤ 300 KB`, atMost(big.searchFirst, 300 * 1024), kb(big.searchFirst));
    add(`${k}: later search query ≤ 60 KB`, atMost(big.searchLater, 60 * 1024), kb(big.searchLater));
  }
  if (!t50) add('50k targets', null, 'no 50,000-document run in this report');
  if (!t100) add('100k: measured once (time, peak, dist/ size and files)', null, 'no 100,000-document run in this report');
  else add('100k: measured once (time, peak, dist/ size and files)', true, `${step(t100.build)}, dist/ ${mb(t100.distBytes)} (${t100.distFiles.toLocaleString('en')} files)`);
  return out;
}

/** What a graph build's summary line (graphSummaryLines) says it extracted, re-linked and reused whole. */
export function reuseOf(stdout: string): { reextracted: number | null; relinked: number | null; cached: number | null } {
  const m = /Đọc lại (\d+) nội dung, dùng bộ đệm (\d+)(?: \(liên kết lại (\d+)\))?/.exec(stdout);
  if (!m) return { reextracted: null, relinked: null, cached: null };
  const relinked = m[3] === undefined ? 0 : Number(m[3]);
  return { reextracted: Number(m[1]), relinked, cached: Number(m[2]) - relinked };
}

const START = '<!-- bench:generated:start -->';
const END = '<!-- bench:generated:end -->';

export function writeReadme(file: string, section: string): void {
  const block = `${START}\n${section.trim()}\n${END}`;
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nGenerated by `npm run bench`; hand-written notes go outside the markers.\n\n';
  const i = previous.indexOf(START);
  const j = previous.indexOf(END);
  const next = i >= 0 && j > i ? previous.slice(0, i) + block + previous.slice(j + END.length) : `${previous.trimEnd()}\n\n${block}\n`;
  writeFileAtomic(file, next);
}

/** Document pages the build kept from the previous site, as scripts/build-pages.ts reports them (null: no such line). */
export function keptPagesOf(buildOutput: string): number | null {
  const m = /Giữ lại trang của (\d+) văn bản/.exec(buildOutput);
  return m ? Number(m[1]) : null;
}
