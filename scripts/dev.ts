/**
 * npm run dev [-- --port N] [-- --host H] [-- --timings] — live preview while editing content.
 *
 * Builds the graph once (check + graph, src/lib/graph/update.ts), starts Astro's dev
 * server (the programmatic `dev()` of Astro 7) and watches content/ (node:fs watch,
 * debounced). Each save runs the same update in this process: the check on the loaded
 * corpus, then the graph, where only the bodies whose text (or whose links) changed are
 * rendered again — the rest come from the cache, kept parsed in memory. The new graph
 * goes to the pages in memory (src/lib/dev/handoff.ts); graph.json and the cache file are
 * written once the editor pauses, and on exit. Then every open page is
 * told to reload (Vite's full-reload message). Errors are printed with file:line in the
 * terminal and written to .generated/dev-status.json, which every page shows at its top
 * while the dev server runs (src/components/DevStatus.astro); on an error the pages keep
 * the last good graph.
 *
 * DANVAN_CONTENT_ROOT points it at another content tree, as for every other script.
 */
import { existsSync, lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { dev, type AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { contentRoot } from '../src/lib/content/root.ts';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.ts';
import { handOverGraph } from '../src/lib/dev/handoff.ts';
import { writeDevStatus } from '../src/lib/dev/status.ts';
import { GRAPH_FILE } from '../src/lib/graph/types.ts';
import { engineVersion, graphMemory, updateGraph } from '../src/lib/graph/update.ts';
import { commandLine, orUsage, wholeNumber } from './lib/cli.ts';
import { cliToday } from './lib/today.ts';

const USAGE = 'Cách dùng: npm run dev [-- --port N] [-- --host H] [-- --timings]';
const { values } = commandLine({
  usage: USAGE,
  options: { port: { type: 'string' }, host: { type: 'string' }, timings: { type: 'boolean' } },
});
const port = values.port === undefined ? 4321 : orUsage(USAGE, () => wholeNumber(values.port!, '--port'));
const host = values.host ?? '127.0.0.1';
/** --timings: each update's phases on stderr. */
const showTimings = values.timings ?? false;
// A malformed DANVAN_TODAY stops npm run dev here; each update reads today again (src/lib/today.ts).
cliToday();
const projectRoot = join(import.meta.dirname, '..');
// Pages re-read the graph when it changes only under the dev server (src/lib/site/data.ts).
process.env.DANVAN_DEV = '1';
const root = contentRoot(projectRoot);
/** Saves closer together than this are one update (editors write a file in several steps). */
const DEBOUNCE_MS = 80;

let vite: ViteDevServer | null = null;
let updates = 0;
/** The body cache, kept parsed between updates. */
const memory = graphMemory();
/** The engine this process loaded (editing its code needs a restart of npm run dev). */
const engine = engineVersion(projectRoot);

/**
 * graph.json and the cache file of the last update, written once the editor pauses (the
 * pages have the graph in memory); a newer update makes them moot.
 */
const IDLE_MS = 1500;
let pendingWrites: { timer: NodeJS.Timeout; write: () => Promise<void> } | null = null;
function flushWrites(): Promise<void> {
  if (!pendingWrites) return Promise.resolve();
  clearTimeout(pendingWrites.timer);
  const { write } = pendingWrites;
  pendingWrites = null;
  return write().catch((e) => console.error(`✘ Không ghi được ${GRAPH_FILE}: ${e instanceof Error ? e.message : String(e)}`));
}

/**
 * One update of the graph after `files` changed (null: the first update). Course pages
 * read their modules from frontmatter.json and the courses' bundle (src/lib/site/courses.ts),
 * so a change to a module or a registry writes the graph files at once, before the pages
 * reload; any other change leaves them to the deferred writes (the pages get the graph in
 * memory).
 */
async function update(files: string[] | null): Promise<void> {
  const changed = files === null ? null : files.length === 1 ? files[0]! : `${files.length} tệp`;
  const collections = files === null || files.some((f) => f.startsWith('content/chuyen-de/') || f.startsWith('content/registries/'));
  const started = performance.now();
  // Not written yet: superseded if this update succeeds, still due if it fails.
  const previous = pendingWrites;
  if (previous) clearTimeout(previous.timer);
  pendingWrites = null;
  const phases: string[] = [];
  let lap = started;
  const timing = (phase: string) => {
    const now = performance.now();
    phases.push(`${phase} ${((now - lap) / 1000).toFixed(2)} s`);
    lap = now;
  };
  const run = await updateGraph({ root, projectRoot, engineVersion: engine, check: true, memory, deferGraphFiles: !collections, timing });
  if (showTimings) console.error(`[timing] ${phases.join('; ')}`);
  const write = run.pendingWrites ?? (run.written ? null : previous?.write);
  if (write) pendingWrites = { write, timer: setTimeout(() => void flushWrites(), IDLE_MS) };
  const errors: Diagnostic[] = [
    ...run.checkDiagnostics.filter((d) => d.severity === 'error'),
    ...run.graphDiagnostics.filter((d) => d.severity === 'error'),
  ];
  const warnings = run.checkDiagnostics.length - run.checkErrors + (run.result?.graph.stats.warnings ?? 0);
  const seconds = (performance.now() - started) / 1000;
  writeDevStatus(root, { update: ++updates, changed, current: run.written, errors, warnings, seconds });
  const what = changed ?? 'nội dung';
  if (run.written) {
    const r = run.result!;
    handOverGraph(r.graph);
    console.log(`✔ ${what}: đồ thị cập nhật sau ${seconds.toFixed(2)} s (đọc lại ${r.extracted} nội dung, liên kết lại ${r.relinked}, dùng nguyên bộ đệm ${r.cached}; ${warnings} cảnh báo).`);
  } else {
    for (const d of errors) console.error(formatDiagnostic(d));
    console.error(`✘ ${what}: ${run.failure} Trang vẫn hiện bản đúng gần nhất.`);
  }
  if (vite) {
    // Pages list their paths from the graph (getStaticPaths), which Astro's dev server
    // caches until it hears that content changed: a document added or removed would
    // otherwise be missing, or rendered from a stale list. The same message Astro sends
    // when its own data store changes, to every server-side environment.
    for (const [name, environment] of Object.entries(vite.environments)) {
      if (name !== 'client') environment.hot.send('astro:content-changed', {});
    }
    vite.environments.client.hot.send({ type: 'full-reload', path: '*' });
  }
}

const failed = (e: unknown) => console.error(`✘ Không cập nhật được đồ thị: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

// ---------- first update, then the server ----------
await update(null).catch(failed);
if (!existsSync(join(root, GRAPH_FILE))) {
  // Nothing to show yet: build what the content allows, errors and all, so pages can open.
  await updateGraph({ root, projectRoot, engineVersion: engine, keepGoing: true }).catch(failed);
}

const integration: AstroIntegration = {
  name: 'danvan-dev',
  hooks: {
    'astro:server:setup': ({ server }) => {
      vite = server;
    },
  },
};
const server = await dev({ root: projectRoot, server: { port, host }, integrations: [integration] });
const address = server.address;
console.log(`Xem trước: http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/ (dừng: Ctrl+C)`);

// ---------- watching content/ ----------
const pending = new Set<string>();
let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    // One update at a time; saves made meanwhile wait for the next.
    if (running) return;
    const changed = [...pending];
    pending.clear();
    running = update(changed)
      .catch(failed)
      .finally(() => {
        running = null;
        if (pending.size) schedule();
      });
  }, DEBOUNCE_MS);
}

// One watch per folder, not `recursive: true`: Node's recursive watch on Linux loses a
// file that an editor (or git, or sed -i) replaces by renaming a new file over it, while a
// folder's watch reports every file created, renamed or written in it.
const watchers = new Map<string, FSWatcher>();
function watchTree(dir: string): void {
  if (watchers.has(dir)) return;
  let w: FSWatcher;
  try {
    w = watch(dir, (_event, filename) => {
      if (!filename) return;
      const path = join(dir, filename);
      // lstat: a link is never followed out of content/ (the corpus refuses links anyway).
      if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) return watchTree(path);
      if (!/\.(mdx|ya?ml)$/.test(filename)) return;
      pending.add(relative(root, path).split(sep).join('/'));
      schedule();
    });
  } catch {
    return;
  }
  w.on('error', () => {
    w.close();
    watchers.delete(dir);
  });
  watchers.set(dir, w);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) watchTree(join(dir, entry.name));
}
watchTree(join(root, 'content'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const w of watchers.values()) w.close();
    void flushWrites()
      .then(() => server.stop())
      .finally(() => process.exit(0));
  });
}
