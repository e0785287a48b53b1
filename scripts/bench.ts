/**
 * npm run bench [-- --sizes 1000,10000] [-- --with-50k] [-- --seed S] [-- --no-search] [-- --no-baseline] [-- --no-hugo]
 *
 * For each size: generates a deterministic synthetic corpus (bench-out/corpus-N), builds
 * it with the real pipeline (scripts/build.ts with DANVAN_CONTENT_ROOT and
 * DANVAN_DIST=bench-out/dist-N, from a cold graph cache), rebuilds the graph after one
 * document changed and after one document was added, builds the same corpus with a
 * plain Astro + MDX site (bench/baseline) and with Hugo (scripts/lib/bench-hugo.ts; the
 * Debian package, installed when missing and possible, else skipped with a message),
 * and measures the built site (sizes, page transfer, search transfer in Chromium). Peak
 * memory is the sampled resident size of each step's whole process tree. Prints one
 * table, with our full build as a multiple of plain Astro's and Hugo's times from the
 * same run, and rewrites the generated section of benchmarks/README.md.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { listFiles } from '../src/lib/content/corpus.ts';
import { childCpu, childPeak, runMeasured, type RunResult } from './lib/bench-process.ts';
import { documentPageTransfer, folderSize } from './lib/bench-size.ts';
import { findOrInstallHugo, prepareHugoSite } from './lib/bench-hugo.ts';
import {
  cpuTicks,
  reuseOf,
  judgeTargets,
  loadString,
  keptPagesOf,
  machine,
  markdownTable,
  stealBetween,
  tableRows,
  terminalTable,
  writeReadme,
  type SizeResult,
  type Step,
} from './lib/bench-report.ts';
import { commandLine, orUsage, wholeNumber } from './lib/cli.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'bench-out');
const USAGE = 'Cách dùng: npm run bench [-- --sizes 1000,10000] [-- --with-50k] [-- --seed S] [-- --no-search] [-- --no-baseline] [-- --no-hugo]';
const { values } = commandLine({
  usage: USAGE,
  options: { sizes: { type: 'string' }, 'with-50k': { type: 'boolean' }, seed: { type: 'string' }, 'no-search': { type: 'boolean' }, 'no-baseline': { type: 'boolean' }, 'no-hugo': { type: 'boolean' } },
});
const sizes = orUsage(USAGE, () => (values.sizes ?? '1000,10000').split(',').map((n) => wholeNumber(n.trim(), '--sizes')));
const seed = values.seed === undefined ? 1 : orUsage(USAGE, () => wholeNumber(values.seed!, '--seed', 0));
if (values['with-50k'] && !sizes.includes(50_000)) sizes.push(50_000);
const withSearch = !values['no-search'];
// The plain-Astro baseline at 50,000 documents needs most of this machine's memory and time.
const withBaseline = !values['no-baseline'];
const loadStart = loadString();
mkdirSync(join(out, 'logs'), { recursive: true });

// Reads the clock on purpose: a record of when this benchmark ran, not the project's "today" (src/lib/today.ts).
const say = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const hugo = values['no-hugo'] ? { bin: null, version: '', note: 'Hugo not run (--no-hugo)' } : findOrInstallHugo(say);

/** Hash of what decides the generated files, so an unchanged corpus is not rewritten. */
function generatorKey(count: number): string {
  const h = createHash('sha256').update(`${count}|${seed}`);
  for (const f of [...listFiles(join(root, 'src/lib/generate'), '.ts'), ...listFiles(join(root, 'content/registries'), '.yaml')]) h.update(readFileSync(f));
  return h.digest('hex');
}

async function node(args: string[], env: NodeJS.ProcessEnv, log: string): Promise<RunResult> {
  return runMeasured(args, { cwd: root, env: { ...process.env, ...env }, logFile: join(out, 'logs', log) });
}

function stepSeconds(stdout: string, pattern: RegExp): number | null {
  for (const m of stdout.matchAll(/^✔ (.+) \(([\d.]+) s\)$/gm)) if (pattern.test(m[1]!)) return Number(m[2]);
  return null;
}

async function benchSize(count: number): Promise<SizeResult> {
  // A shared VM: what the host took meanwhile explains slow runs better than the load average.
  const ticksBefore = cpuTicks();
  const corpus = join(out, `corpus-${count}`);
  const marker = join(corpus, '.bench-key');
  const key = generatorKey(count);
  let generateSeconds = 0;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== key) {
    say(`${count}: generating corpus → ${corpus}`);
    const g = await node(['scripts/generate-corpus.ts', '--count', String(count), '--out', corpus, '--seed', String(seed)], {}, `generate-${count}.log`);
    if (g.code !== 0) throw new Error(`generate-corpus failed (see bench-out/logs/generate-${count}.log)`);
    generateSeconds = g.seconds;
    writeFileSync(marker, key);
  }
  const corpusMB = folderSize(join(corpus, 'content')).bytes / 2 ** 20;

  // Cold build: no graph cache, no Astro cache, no previous dist.
  const dist = `bench-out/dist-${count}`;
  const astroCache = join(out, `astro-cache-${count}`);
  // scripts/build-pages.ts gives each further Astro process its own cache beside the first (`-part-i`).
  const astroCaches = [astroCache, ...readdirSync(out).filter((n) => n.startsWith(`${basename(astroCache)}-part-`)).map((n) => join(out, n))];
  for (const p of [join(corpus, '.generated'), ...astroCaches, join(root, dist)]) rmSync(p, { recursive: true, force: true });
  say(`${count}: full build (scripts/build.ts)`);
  const env = { DANVAN_CONTENT_ROOT: corpus, DANVAN_DIST: dist, DANVAN_CACHE_DIR: astroCache };
  const build = await node(['scripts/build.ts'], env, `build-${count}.log`);
  if (build.code !== 0) throw new Error(`build failed for ${count} documents (see bench-out/logs/build-${count}.log)`);
  const stepOf = (pattern: RegExp, needle: string): Step => ({
    seconds: stepSeconds(build.stdout, pattern),
    peak: childPeak(build.peaks, needle),
    cpu: childCpu(build.peaks, needle),
  });
  const graphStats = /Trích dẫn: .+/.exec(build.stdout)?.[0] ?? '';

  // `npm run build` after an editor's change: one document's body edited, everything else
  // as the full build left it (graph caches, Astro's cache, the previous dist/). The file is
  // put back afterwards; the site measured below is this build's (one sentence longer).
  const docs = listFiles(join(corpus, 'content/van-ban'), '.mdx');
  const changed = docs[Math.floor(docs.length / 2)]!;
  const original = readFileSync(changed, 'utf8');
  // Each measurement appends its own sentence, so that no body is found in a cache an
  // earlier measurement filled.
  const editedSentence = (day: number) => `\nCác cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày ${day} tháng 12 hằng năm.\n`;
  // Up to 50,000 documents: at 100,000 one full build is the measurement the issue asks for.
  let afterChange: RunResult | null = null;
  if (count <= 50_000) {
    try {
      appendFileSync(changed, editedSentence(20));
      say(`${count}: npm run build again after changing ${changed.slice(corpus.length + 1)}`);
      afterChange = await node(['scripts/build.ts'], env, `build-after-change-${count}.log`);
    } finally {
      writeFileSync(changed, original);
    }
  }
  if (afterChange && afterChange.code !== 0) throw new Error(`build after one change failed for ${count} documents (see bench-out/logs/build-after-change-${count}.log)`);

  // The graph build alone, cold (no cache, no previous output), as its own process: the
  // median of three runs, since one run on a shared machine can land on a busy moment
  // (one run at 100,000 documents, where each takes minutes).
  const coldRuns: RunResult[] = [];
  const coldCount = count >= 100_000 ? 1 : 3;
  for (let run = 1; run <= coldCount; run++) {
    rmSync(join(corpus, '.generated'), { recursive: true, force: true });
    say(`${count}: graph build alone, cold (scripts/build-graph.ts), run ${run} of ${coldCount}`);
    const r = await node(['scripts/build-graph.ts'], env, `graph-cold-${count}-${run}.log`);
    if (r.code !== 0) throw new Error(`graph build failed for ${count} documents (see bench-out/logs/graph-cold-${count}-${run}.log)`);
    coldRuns.push(r);
  }
  const graphCold = [...coldRuns].sort((a, b) => a.seconds - b.seconds)[Math.floor(coldRuns.length / 2)]!;
  const graphColdRange = coldRuns.map((r) => r.seconds);

  // Incremental graph build: one document's body changes.
  // A warm run first: the cache key includes the engine's source, so the cold build's
  // entries are only reusable if no engine file changed since; this run makes sure.
  await node(['scripts/build-graph.ts'], env, `warm-graph-${count}.log`);
  let rebuild: RunResult;
  try {
    appendFileSync(changed, editedSentence(15));
    say(`${count}: graph rebuild after changing ${changed.slice(corpus.length + 1)}`);
    rebuild = await node(['scripts/build-graph.ts'], env, `rebuild-graph-${count}.log`);
  } finally {
    writeFileSync(changed, original);
  }
  const reuse = reuseOf(rebuild.stdout);
  // Back to the unchanged corpus in the cache before the next measurement.
  await node(['scripts/build-graph.ts'], env, `restore-graph-${count}.log`);

  // Incremental graph build: one document added (a copy of another under a new number
  // and id), which must not make the other bodies be extracted again.
  const added = join(corpus, 'content/van-ban', `${basename(changed, '.mdx')}-them.mdx`);
  let addRun: RunResult;
  try {
    writeFileSync(added, original.replace(/^number: "(\d+)/m, 'number: "9$1'));
    say(`${count}: graph rebuild after adding ${added.slice(corpus.length + 1)}`);
    addRun = await node(['scripts/build-graph.ts'], env, `add-graph-${count}.log`);
  } finally {
    rmSync(added, { force: true });
  }
  const addReuse = reuseOf(addRun.stdout);

  // The editor's loop: what `npm run dev` does on each save (check and graph, in one process
  // that keeps the cache in memory), without Astro: four edits, then an addition.
  say(`${count}: dev-server updates after saves and an addition (scripts/lib/bench-dev-update.ts)`);
  const devRun = await node(['scripts/lib/bench-dev-update.ts', corpus, changed], {}, `dev-update-${count}.log`);
  const devLine = devRun.stdout.trim().split('\n').at(-1) ?? '';
  type DevCounts = { seconds: number; extracted: number; relinked: number; cached: number };
  const dev = devRun.code === 0 && devLine.startsWith('{') ? (JSON.parse(devLine) as DevCounts & { laterSeconds?: number[]; add?: DevCounts }) : null;
  const devRebuild = (d: DevCounts) => ({ seconds: d.seconds, peak: devRun.peaks.total, reextracted: d.extracted, relinked: d.relinked, cached: d.cached });

  // The same save with Astro's dev server and a browser: until the open page shows it.
  // Up to 10,000 documents, the size the issue's target is set for.
  let devPage: { seconds: number; startSeconds: number } | null = null;
  if (count <= 10_000) {
    say(`${count}: npm run dev, one save until the open page shows it (scripts/lib/bench-dev-page.ts)`);
    const pageRun = await node(['scripts/lib/bench-dev-page.ts', corpus, changed, join(out, `dev-cache-${count}`)], {}, `dev-page-${count}.log`);
    const pageLine = pageRun.stdout.trim().split('\n').at(-1) ?? '';
    devPage = pageRun.code === 0 && pageLine.startsWith('{') ? (JSON.parse(pageLine) as { seconds: number; startSeconds: number }) : null;
  }

  // Baseline: plain Astro + MDX over the same files, cold.
  const baseDist = join(out, `baseline-dist-${count}`);
  const baseCache = join(out, `baseline-cache-${count}`);
  for (const p of [baseDist, baseCache]) rmSync(p, { recursive: true, force: true });
  let baseline: RunResult | null = null;
  if (withBaseline) {
    say(`${count}: baseline (bench/baseline, plain Astro + MDX)`);
    baseline = await node(
      ['node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/baseline', '--silent'],
      { DANVAN_CONTENT_ROOT: corpus, DANVAN_OUT_DIR: baseDist, DANVAN_CACHE_DIR: baseCache },
      `baseline-${count}.log`,
    );
  }

  // Hugo over the same files, one minimal template: the practical limit of a static build.
  let hugoRun: RunResult | null = null;
  if (hugo.bin) {
    const hugoArgs = prepareHugoSite(corpus, join(out, `hugo-site-${count}`), join(out, `hugo-dist-${count}`));
    say(`${count}: Hugo (${hugo.version}, minimal template)`);
    hugoRun = await runMeasured(hugoArgs, { cwd: root, env: process.env, logFile: join(out, 'logs', `hugo-${count}.log`), command: hugo.bin });
  }

  const distAbs = join(root, dist);
  const size = folderSize(distAbs);
  const pages = documentPageTransfer(distAbs);
  const dataStore = join(astroCache, 'data-store.json');
  let search: Awaited<ReturnType<typeof import('./lib/bench-search-transfer.ts').measureSearch>> | null = null;
  let searchNote = '';
  if (withSearch) {
    say(`${count}: search transfer in Chromium`);
    try {
      const { measureSearch } = await import('./lib/bench-search-transfer.ts');
      search = await measureSearch(distAbs, 'dan van chinh quyen', 'tiep cong dan');
      searchNote = `"dan van chinh quyen" → ${search.firstResults} · "tiep cong dan" → ${search.laterResults}`;
    } catch (e) {
      searchNote = `search not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
  }
  const graphJson = join(corpus, '.generated/graph.json');
  return {
    count,
    corpusMB,
    generateSeconds,
    // The build checks and builds the graph in one step (one load of the corpus).
    checkGraph: stepOf(/Kiểm tra nội dung/, 'scripts/build-graph.ts'),
    graph: { seconds: graphCold.seconds, peak: Math.max(...coldRuns.map((r) => r.peaks.total ?? 0)) || null, runs: graphColdRange },
    graphRebuild: { seconds: rebuild.seconds, peak: rebuild.peaks.total, ...reuse },
    graphAdd: { seconds: addRun.seconds, peak: addRun.peaks.total, ...addReuse },
    devUpdate: dev ? devRebuild(dev) : undefined,
    devUpdateLater: dev?.laterSeconds,
    devAdd: dev?.add ? devRebuild(dev.add) : undefined,
    devPage: devPage ?? undefined,
    // scripts/build-pages.ts runs the Astro processes: its tree's peak is theirs together.
    astro: { ...stepOf(/Astro/, 'build-pages.ts'), processes: Number(/Astro dựng trang bằng (\d+) tiến trình/.exec(build.stdout)?.[1] ?? 1) },
    searchIndex: stepOf(/Lập chỉ mục tìm kiếm/, 'scripts/index-search.ts'),
    dataFiles: stepOf(/Ghi nguồn tin theo dõi/, 'scripts/write-data-files.ts'),
    build: { seconds: build.seconds, peak: build.peaks.total, steal: build.steal, cpu: build.peaks.cpu },
    buildAfterChange: afterChange
      ? { seconds: afterChange.seconds, peak: afterChange.peaks.total, steal: afterChange.steal, cpu: afterChange.peaks.cpu, keptPages: keptPagesOf(afterChange.stdout) }
      : undefined,
    baseline: baseline
      ? { seconds: baseline.seconds, peak: baseline.peaks.total, steal: baseline.steal, cpu: baseline.peaks.cpu, ok: baseline.code === 0 }
      : { seconds: null, peak: null, ok: false, skipped: true },
    hugo: hugoRun
      ? { seconds: hugoRun.seconds, peak: hugoRun.peaks.total, steal: hugoRun.steal, ok: hugoRun.code === 0, version: hugo.version }
      : { seconds: null, peak: null, ok: false, skipped: true, note: hugo.note },
    distBytes: size.bytes,
    distFiles: size.files,
    searchIndexBytes: folderSize(join(distAbs, 'tim-kiem', 'chi-muc')).bytes,
    dataStoreBytes: existsSync(dataStore) ? statSync(dataStore).size : null,
    graphJsonBytes: existsSync(graphJson) ? statSync(graphJson).size : 0,
    pageMedian: pages.median,
    pageMax: pages.max,
    pageMaxId: pages.maxPage,
    pageHtmlMedian: pages.medianHtml,
    searchFirst: search?.firstQueryTotal ?? null,
    searchFirstSearchOnly: search?.firstQuerySearch ?? null,
    searchLater: search?.laterQuery ?? null,
    searchNote,
    graphStats,
    stealPercent: stealBetween(ticksBefore, cpuTicks()),
  };
}

async function refsThroughput(): Promise<string> {
  if (!existsSync(join(root, 'scripts/bench-refs.ts'))) return 'scripts/bench-refs.ts not present';
  say('extraction throughput (npm run bench:refs)');
  const r = await node(['scripts/bench-refs.ts'], {}, 'bench-refs.log');
  // The table's columns may change; the throughput is the column headed "MB/s".
  // It prints several tables; the throughput table is the one with a column headed "MB/s".
  const all = r.stdout.split('\n');
  const header = all.findIndex((l) => l.startsWith('|') && /MB\/s/.test(l));
  const lines: string[] = [];
  for (const l of header < 0 ? [] : all.slice(header)) {
    if (!l.startsWith('|')) break;
    lines.push(l);
  }
  const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
  const column = lines.length ? cells(lines[0]!).findIndex((c) => /MB\/s/.test(c)) : -1;
  // The largest corpus of many texts (a row like "50.0 MB"; "… in one text" is the linearity check).
  const last = lines.filter((l) => /^[\d.]+ MB$/.test(cells(l)[0] ?? '')).at(-1);
  if (column < 0 || !last) return 'bench:refs gave no figure';
  return `${cells(last)[column]} MB/s (findReferences over ${cells(last)[0]}, one core; npm run bench:refs)`;
}

// Sizes not run this time keep their figures from the previous run (same seed), so that
// a long size (50,000) can be measured on its own and still appear beside the others.
const resultsFile = join(out, 'results.json');
const previous: SizeResult[] = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as (SizeResult & { seed?: number })[]).filter((r) => (r.seed ?? 1) === seed && !sizes.includes(r.count))
  : [];
const results: SizeResult[] = [...previous];
for (const n of sizes.sort((a, b) => a - b)) {
  // Reads the clock on purpose: a record of when this benchmark ran, not the project's "today" (src/lib/today.ts).
  results.push({ ...(await benchSize(n)), measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' '), seed });
  results.sort((a, b) => a.count - b.count);
  writeFileSync(resultsFile, JSON.stringify(results, null, 1));
}
const throughput = await refsThroughput();
const m = machine(loadStart);
const rows = tableRows(results);
console.log(`\n${terminalTable(rows)}\n\nExtraction throughput: ${throughput}`);
const targets = judgeTargets(results);
const mark = (t: (typeof targets)[number]) => (t.holds === 'info' ? '·' : t.holds === null ? '?' : t.holds ? '✔' : '✘');
const verdict = (t: (typeof targets)[number]) => (t.holds === 'info' ? '–' : t.holds === null ? 'not measured' : t.holds ? 'yes' : '**no**');
for (const t of targets) console.log(`${mark(t)} ${t.what}: ${t.measured}`);

const section = [
  '## Latest run (generated by `npm run bench`)',
  '',
  `- Machine: ${m.cpu}, nproc ${m.nproc}, RAM ${m.ramGB} GB, Node ${m.node}`,
  `- Date: ${m.date}; load average (1, 5, 15 min) at start ${m.loadStart}, at end ${m.loadEnd}`,
  `- Corpus: scripts/generate-corpus.ts, seed ${seed}; sizes run now: ${sizes.join(', ')}${previous.length ? `; kept from an earlier run: ${previous.map((r) => r.count).join(', ')} (see "measured at")` : ''}`,
  '- Peak memory: sampled resident size (every 150 ms) of the step\'s whole process tree.',
  '',
  markdownTable(rows),
  '',
  `Extraction throughput: ${throughput}.`,
  '',
  'Citation graph per size:',
  ...results.map((r) => `- ${r.count}: ${r.graphStats}`),
  '',
  'Search:',
  ...results.map((r) => `- ${r.count}: ${r.searchNote || 'not measured'}`),
  '',
  '### Targets',
  '',
  '| target | measured | holds |',
  '|---|---|---|',
  ...targets.map((t) => `| ${t.what} | ${t.measured} | ${verdict(t)} |`),
].join('\n');
writeReadme(join(root, 'benchmarks/README.md'), section);
say('wrote benchmarks/README.md');
