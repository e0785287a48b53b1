/**
 * npm run generate-corpus -- --count N --out DIR [--seed S]
 * (or: node scripts/generate-corpus.ts …)
 * Writes a deterministic synthetic content root (DIR/content/…) for benchmarks: the
 * same count and seed always give the same files. DIR is emptied first; it must not be
 * the project itself, so real content is never mixed with generated documents.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCorpusFiles } from '../src/lib/generate/corpus.ts';

const projectRoot = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const count = Number(opt('--count') ?? 1000);
const seed = Number(opt('--seed') ?? 1);
const outArg = opt('--out');
if (!outArg || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('Cách dùng: node scripts/generate-corpus.ts --count N --out THƯ_MỤC [--seed S]');
  process.exit(2);
}
const out = resolve(outArg);
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
