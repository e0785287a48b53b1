/**
 * npm run build:graph — reads content/, runs the citation engine, writes
 * .generated/graph.json, .generated/bodies/<collection>.bundle and .generated/frontmatter.json
 * (validated frontmatter for the Astro loader). The work is src/lib/graph/update.ts
 * (shared with `npm run dev`); this script parses options, prints and sets the exit code.
 *
 * Options: --root <dir> (project root holding content/; default: DANVAN_CONTENT_ROOT, else this project),
 *          --keep-going (write the files even when the graph has errors; exit code 0),
 *          --check (run `npm run check` on the same loaded corpus first and print its report;
 *                   on a check error nothing is written and the exit code is 1 — the build uses
 *                   this, so every file is read and validated once per build),
 *          --threads N (worker threads for rendering; default: the cores, 1 = this thread only),
 *          --timings (seconds per phase on stderr, for benchmarks).
 *
 * Incremental: see src/lib/graph/body-cache.ts for what is cached per body and when it is reused.
 */
import { enableCompileCache } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

const started = performance.now();
// V8 starts a full garbage collection whenever the memory held outside its heap (Buffers,
// typed arrays) has grown by 64 MB since the last one. This build keeps hundreds of MB of
// such bytes alive (bodies from the workers, graph.json's pieces) beside a heap of 2 GB at
// 50,000 documents, so it collected the whole heap every 64 MB: 22 full collections and
// ≈ 30 s of this thread's CPU. Counted in the heap's own limit, which grows with the heap,
// those bytes trigger collections as the heap does (see benchmarks/README.md, "Issue 19,
// the build's CPU"). Set before anything large is allocated; V8's flags are per process,
// so the render workers get it too.
setFlagsFromString('--external-memory-accounted-in-global-limit');
// A build after one change takes about a second of work; compiling the ≈ 200 modules it
// loads would be a fifth of it. Node keeps their compiled code between runs (V8's code
// cache, checked against each file's content) when asked before they are loaded: hence
// the imports below come after this call.
enableCompileCache(join(import.meta.dirname, '../node_modules/.cache/danvan-compile'));
const { formatDiagnostic } = await import('../src/lib/diagnostics.ts');
const { contentRoot } = await import('../src/lib/content/root.ts');
const { graphSummaryLines, updateGraph } = await import('../src/lib/graph/update.ts');
const { cliToday } = await import('./lib/today.ts');
const { commandLine, existingDir, orUsage, wholeNumber } = await import('./lib/cli.ts');

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
const showTimings = values.timings ?? false;
// A malformed DANVAN_TODAY stops the build here, before any work.
const today = cliToday();
let lap = started;
// CPU of this thread per phase beside the wall time: on a shared machine the wall time of a
// phase also counts other processes' turns.
let cpuLap = process.threadCpuUsage();

const update = await updateGraph({
  root,
  projectRoot,
  today,
  check: values.check ?? false,
  keepGoing: values['keep-going'] ?? false,
  threads,
  // An explicit --threads is obeyed (tests use it on small corpora).
  threadsExplicit: values.threads !== undefined,
  timing: (phase) => {
    const now = performance.now();
    const cpu = process.threadCpuUsage(cpuLap);
    if (showTimings) console.error(`[timing] ${phase}: ${((now - lap) / 1000).toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);
    lap = now;
    cpuLap = process.threadCpuUsage();
  },
  workerCpu: showTimings
    ? (workers, main) => console.error(`[timing] worker CPU: ${workers.map((c) => `${c.toFixed(2)} s`).join(', ')}; this thread meanwhile: ${main.toFixed(2)} s`)
    : undefined,
});

if (update.checkReport) console.log(update.checkReport.join('\n'));
for (const d of update.graphDiagnostics) (d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
if (!update.written) {
  console.error(`\n${update.failure}`);
  process.exit(1);
}
console.log(graphSummaryLines(update, (performance.now() - started) / 1000).join('\n'));
