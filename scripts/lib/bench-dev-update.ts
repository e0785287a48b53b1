/**
 * node scripts/lib/bench-dev-update.ts <content root> <file to edit>
 *
 * What `npm run dev` does on a save, without Astro: a first update (as the dev server's
 * start, with the cache the bench's earlier steps left), then, in the same process, as an
 * editor works: the file edited and saved four times, then a new document added (a copy of
 * the edited one under another number and id). Each update is timed, check included,
 * with the body cache kept in memory and graph.json and the cache file written afterwards
 * as the dev server writes them (scripts/dev.ts). The files are put back afterwards and the
 * graph is brought back to them. Prints one JSON line:
 * { seconds, extracted, relinked, cached } of the first save, `laterSeconds` (the three
 * saves after it) and `add` ({ seconds, extracted, relinked, cached } of the addition).
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../src/lib/files/atomic.ts';
import { engineVersion, graphMemory, updateGraph, type GraphUpdateResult } from '../../src/lib/graph/update.ts';
import { documentId, yearOf } from '../../src/lib/identity.ts';

const [root, file] = process.argv.slice(2);
if (!root || !file) {
  console.error('usage: node scripts/lib/bench-dev-update.ts <content-root> <file>');
  process.exit(2);
}
const projectRoot = join(import.meta.dirname, '../..');
const memory = graphMemory();
const engine = engineVersion(projectRoot);
const update = (deferGraphFiles: boolean) => updateGraph({ root, projectRoot, engineVersion: engine, check: true, memory, deferGraphFiles });
const start = await update(false);
if (!start.written) throw new Error(`first update failed: ${start.failure}`);

/** One save: the change, then the update it triggers, timed until the pages could be served. */
async function save(change: () => void): Promise<{ seconds: number; run: GraphUpdateResult }> {
  change();
  const started = performance.now();
  const run = await update(true);
  const seconds = (performance.now() - started) / 1000;
  if (!run.written || !run.result) throw new Error(`update failed: ${run.failure}`);
  await run.pendingWrites?.();
  return { seconds, run };
}
const counts = (run: GraphUpdateResult) => ({ extracted: run.result!.extracted, relinked: run.result!.relinked, cached: run.result!.cached });

const original = readFileSync(file, 'utf8');
/**
 * The added document: the edited one under another number ("8" before its serial), in the
 * file its new id names (the check requires it), from the frontmatter the start update loaded.
 */
const source = start.corpus.documents.find((f) => f.file === relative(root, resolve(file)).split(sep).join('/'));
if (!source?.data.number) throw new Error(`${file}: not a loaded document with a number, which the added copy changes`);
const { type, number, issued, province, issuer } = source.data;
const addedNumber = `8${number}`;
const added = join(dirname(file), `${documentId({ type, number: addedNumber, year: yearOf(issued), province, issuer })}.mdx`);
try {
  const first = await save(() => appendFileSync(file, '\nĐoạn viết thêm khi xem trước: các cơ quan báo cáo kết quả trước ngày 15 tháng 12.\n'));
  const later: number[] = [];
  for (const day of [16, 17, 18]) {
    later.push((await save(() => appendFileSync(file, `\nCác đơn vị gửi báo cáo bổ sung trước ngày ${day} tháng 12.\n`))).seconds);
  }
  const addition = await save(() => writeFileSync(added, original.replace(/^number: .*$/m, `number: "${addedNumber}"`), { flag: 'wx' }));
  console.log(JSON.stringify({ seconds: first.seconds, ...counts(first.run), laterSeconds: later, add: { seconds: addition.seconds, ...counts(addition.run) } }));
} finally {
  rmSync(added, { force: true });
  writeFileAtomic(file, original);
  // The graph as the content is again, for the bench's next steps.
  await update(false);
}
