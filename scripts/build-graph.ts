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
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { contentRoot } from '../src/lib/content/root.ts';
import { graphSummaryLines, updateGraph } from '../src/lib/graph/update.ts';

const started = performance.now();
const args = process.argv.slice(2);
const projectRoot = join(import.meta.dirname, '..');
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 && args[rootArg + 1] ? resolve(args[rootArg + 1]!) : contentRoot(projectRoot);
const threadsArg = args.indexOf('--threads');
const showTimings = args.includes('--timings');
let lap = started;

const update = await updateGraph({
  root,
  projectRoot,
  check: args.includes('--check'),
  keepGoing: args.includes('--keep-going'),
  threads: threadsArg >= 0 ? Math.max(1, Number(args[threadsArg + 1]) || 1) : availableParallelism(),
  threadsExplicit: threadsArg >= 0,
  timing: (phase) => {
    const now = performance.now();
    if (showTimings) console.error(`[timing] ${phase}: ${((now - lap) / 1000).toFixed(2)} s`);
    lap = now;
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
