/**
 * node scripts/lib/bench-dev-update.ts <content root> <file to edit>
 *
 * What `npm run dev` does on a save, without Astro: a first update (as the dev server's
 * start, with the cache the bench's earlier steps left), then one body edited and the
 * update it triggers, timed — check included, the body cache kept in memory, graph.json
 * and the cache file left for later as the dev server leaves them (scripts/dev.ts). The
 * file is restored afterwards. Prints one JSON line: { seconds, extracted, relinked, cached }.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/lib/files/atomic.ts';
import { engineVersion, graphMemory, updateGraph } from '../../src/lib/graph/update.ts';

const [root, file] = process.argv.slice(2);
if (!root || !file) {
  console.error('usage: node scripts/lib/bench-dev-update.ts <content-root> <file>');
  process.exit(2);
}
const projectRoot = join(import.meta.dirname, '../..');
const memory = graphMemory();
const engine = engineVersion(projectRoot);
const start = await updateGraph({ root, projectRoot, engineVersion: engine, check: true, memory });
if (!start.written) throw new Error(`first update failed: ${start.failure}`);

const original = readFileSync(file, 'utf8');
try {
  appendFileSync(file, '\nĐoạn viết thêm khi xem trước: các cơ quan báo cáo kết quả trước ngày 15 tháng 12.\n');
  const started = performance.now();
  const run = await updateGraph({ root, projectRoot, engineVersion: engine, check: true, memory, deferGraphFiles: true });
  const seconds = (performance.now() - started) / 1000;
  if (!run.written || !run.result) throw new Error(`update failed: ${run.failure}`);
  await run.pendingWrites?.();
  console.log(JSON.stringify({ seconds, extracted: run.result.extracted, relinked: run.result.relinked, cached: run.result.cached }));
} finally {
  writeFileAtomic(file, original);
}
