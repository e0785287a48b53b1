/**
 * npm run generate-corpus -- --count N --out DIR [--seed S]
 * (or: node scripts/generate-corpus.ts …)
 * Writes a deterministic synthetic content root (DIR/content/…) for benchmarks: the
 * same count and seed always give the same files. DIR is emptied first; it must not be
 * the project itself, so real content is never mixed with generated documents.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateCorpusFiles } from '../src/lib/generate/corpus.ts';
import { argPath, commandLine, orUsage, usageError, wholeNumber } from './lib/cli.ts';

const projectRoot = join(import.meta.dirname, '..');
const USAGE = 'Cách dùng: node scripts/generate-corpus.ts --count N --out THƯ_MỤC [--seed S]';
const { values } = commandLine({ usage: USAGE, options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
if (!values.out) usageError('thiếu --out THƯ_MỤC', USAGE);
const count = values.count === undefined ? 1000 : orUsage(USAGE, () => wholeNumber(values.count!, '--count'));
const seed = values.seed === undefined ? 1 : orUsage(USAGE, () => wholeNumber(values.seed!, '--seed', 0));
const out = argPath(values.out);
if (out === projectRoot || out === join(projectRoot, 'content') || projectRoot.startsWith(`${out}/`)) {
  console.error(`Không ghi dữ liệu giả lập vào ${out}: chọn một thư mục riêng (ví dụ bench-out/corpus-${count}).`);
  process.exit(2);
}

const started = performance.now();
const real = {
  issuers: readFileSync(join(projectRoot, 'content/registries/issuers.yaml'), 'utf8'),
  provinces: readFileSync(join(projectRoot, 'content/registries/provinces.yaml'), 'utf8'),
  topics: readFileSync(join(projectRoot, 'content/registries/topics.yaml'), 'utf8'),
};
rmSync(join(out, 'content'), { recursive: true, force: true });
let files = 0;
let bytes = 0;
const made = new Set<string>();
for (const f of generateCorpusFiles(count, seed, real)) {
  const p = join(out, f.path);
  const dir = dirname(p);
  if (!made.has(dir)) {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(p, f.text);
  files++;
  bytes += Buffer.byteLength(f.text);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Đã sinh ${count} văn bản (${files} tệp, ${(bytes / 1048576).toFixed(1)} MB) vào ${out}/content (seed ${seed}, ${seconds} s).`);
