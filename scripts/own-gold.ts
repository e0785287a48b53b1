/**
 * node scripts/run.mjs own-gold — writes test/fixtures/refs/own/texts/*.txt and gold.jsonl
 * (the seed-gold.jsonl format) from the marked sources in test/fixtures/refs/own/src/.
 * test/citations/own-set.test.ts fails when the generated files are stale.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWN_DIR, generateOwnSet } from '../src/lib/citations/eval-sets.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, OWN_DIR);
const { texts, gold } = generateOwnSet(root);

/** Atomic write: a temp file in the same folder, then rename. */
function write(path: string, content: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

mkdirSync(join(dir, 'texts'), { recursive: true });
for (const f of readdirSync(join(dir, 'texts'))) if (!texts.has(f)) rmSync(join(dir, 'texts', f));
for (const [name, text] of texts) write(join(dir, 'texts', name), text);
write(join(dir, 'gold.jsonl'), gold);
console.log(`${texts.size} texts, ${gold.trim().split('\n').length} labelled mentions → ${OWN_DIR}/`);
