/**
 * node scripts/run.mjs own-gold — writes test/fixtures/refs/own/texts/*.txt and gold.jsonl
 * (the seed-gold.jsonl format) from the marked sources in test/fixtures/refs/own/src/.
 * test/citations/own-set.test.ts fails when the generated files are stale.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWN_DIR, generateOwnSet } from '../src/lib/citations/eval-sets.ts';
import { writeFileAtomic as write } from '../src/lib/files/atomic.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, OWN_DIR);
const { texts, gold } = generateOwnSet(root);

mkdirSync(join(dir, 'texts'), { recursive: true });
for (const f of readdirSync(join(dir, 'texts'))) if (!texts.has(f)) rmSync(join(dir, 'texts', f));
for (const [name, text] of texts) write(join(dir, 'texts', name), text);
write(join(dir, 'gold.jsonl'), gold);
console.log(`${texts.size} texts, ${gold.trim().split('\n').length} labelled mentions → ${OWN_DIR}/`);
