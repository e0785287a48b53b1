/**
 * npm run import -- FILE.txt [--province ID] [--out DIR] [--force] [--root DIR]
 * Turns a plain-text directive into a draft MDX file named by its id, prints what it
 * found, what is left to fill in, and the checker's verdict on the draft.
 * Exit codes: 0 draft written; 1 bad input or the file exists; 2 bad command line.
 */
import { basename, join, relative, resolve } from 'node:path';
import { corpusEntriesFrom } from '../src/lib/citations/index.ts';
import { todayInVietnam } from '../src/lib/check/context.ts';
import { loadCorpus, CONTENT_DIRS } from '../src/lib/content/corpus.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { decodePlainText } from '../src/lib/editor/input.ts';
import { importPlainText, type ImportResult } from '../src/lib/editor/draft.ts';
import { checkDraft } from '../src/lib/editor/verdict.ts';
import { searchKey } from '../src/lib/text/vietnamese.ts';
import { readRegularFile } from '../src/lib/files/input.ts';
import { writeDraftFile } from '../src/lib/editor/write-draft.ts';
import { argPath, callerCwd, commandLine, existingDir, fail, knownProvince, orUsage, usageError } from './lib/cli.ts';

const projectRoot = join(import.meta.dirname, '..');

const USAGE = `Cách dùng: npm run import -- TỆP.txt [--province MÃ_TỈNH] [--out THƯ_MỤC] [--force] [--root THƯ_MỤC]
  --province ID  mã tỉnh (content/registries/provinces.yaml) của văn bản địa phương
  --out DIR      ghi bản nháp vào thư mục này thay vì content/van-ban/
  --force        ghi đè tệp đã có
  --root DIR     thư mục dự án chứa content/ (mặc định: dự án này)`;

function printReport(result: ImportResult, outFile: string): void {
  console.log(`Đã tạo bản nháp: ${outFile}${result.provisional ? ' (tên tệp tạm, xem TODO)' : ''}`);
  console.log('\nXác định được:');
  for (const f of result.found) console.log(`  ${f.field.padEnd(22)} ${f.value}\n  ${''.padEnd(22)} ← ${f.from}`);
  const required = result.missing.filter((m) => m.required);
  const optional = result.missing.filter((m) => !m.required);
  if (required.length) {
    console.log('\nChưa xác định được, BẮT BUỘC điền (đã ghi "# TODO" trong frontmatter):');
    for (const m of required) console.log(`  ${m.field}: ${m.reason}`);
  }
  if (optional.length) {
    console.log('\nNên bổ sung:');
    for (const m of optional) console.log(`  ${m.field}: ${m.reason}`);
  }
  const outside = [...result.consumed, ...result.dropped].sort((a, b) => a.line - b.line);
  if (outside.length) {
    console.log('\nDòng không nằm trong phần thân:');
    for (const l of result.consumed) console.log(`  dòng ${l.line} → frontmatter ${l.use}: "${l.text}"`);
    for (const l of result.dropped) console.log(`  dòng ${l.line} → bỏ (${l.use}): "${l.text}"`);
  }
  const refs = result.references;
  const resolved = refs.filter((r) => r.target);
  console.log(`\nDẫn chiếu trong văn bản: ${refs.length} (có trong kho: ${resolved.length}, chưa có: ${refs.length - resolved.length})`);
  const missingKeys = new Map<string, number[]>();
  for (const r of refs) if (!r.target && r.key) missingKeys.set(r.key, [...(missingKeys.get(r.key) ?? []), r.line]);
  for (const [key, lines] of missingKeys) console.log(`  chưa có trong kho: ${key} (dòng ${[...new Set(lines)].join(', ')})`);
  if (result.notes.length) {
    console.log('\nGhi chú:');
    for (const n of result.notes) console.log(`  - ${n}`);
  }
}

const { values, positionals } = commandLine({
  usage: USAGE,
  options: { province: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, root: { type: 'string' } },
  positionals: { max: 1 },
});
if (!positionals[0]) usageError('thiếu tên tệp văn bản cần nhập', USAGE);
const args = {
  file: positionals[0],
  province: values.province ?? null,
  out: values.out === undefined ? null : argPath(values.out),
  force: values.force ?? false,
  root: values.root === undefined ? projectRoot : orUsage(USAGE, () => existingDir(values.root!, '--root')),
};

// A relative path means the caller's folder, as for every tool (scripts/lib/cli.ts).
const read = readRegularFile(argPath(args.file), args.file);
if (!read.ok) fail(`${read.message}.`);
const decoded = decodePlainText(read.bytes);
if (!decoded.ok) fail(`${args.file}: ${decoded.message}.`);

const corpus = loadCorpus(args.root);
if (args.province !== null) orUsage(USAGE, () => knownProvince(args.province!, corpus.registries.provinces));
const today = todayInVietnam();
const outcome = importPlainText(decoded, {
  fileName: basename(args.file),
  province: args.province,
  today,
  registries: corpus.registries,
  corpus: corpusEntriesFrom(corpus.documents),
});
if (!outcome.ok) fail(`${args.file}: ${outcome.message}`);
const result = outcome.result;
const outDir = args.out ?? join(args.root, CONTENT_DIRS.documents);
const outPath = join(outDir, `${result.id}.mdx`);
const shown = relative(callerCwd(), outPath) || outPath;
const existing = corpus.documents.find((d) => d.id === result.id);
// Without a number or date the id cannot show a duplicate; the same trích yếu and issuer can.
const sameTitle = result.frontmatter.title
  ? corpus.documents.filter(
      (d) => d.id !== result.id && d.data.issuer === result.frontmatter.issuer && searchKey(d.data.title) === searchKey(result.frontmatter.title!),
    )
  : [];
const written = writeDraftFile(outPath, result.content, { force: args.force, shown, within: args.out ? undefined : args.root });
if (!written.ok) fail(written.exists ? `${written.message}. Dùng --force nếu muốn thay bằng bản nhập mới.` : written.message);
printReport(result, shown);
if (existing && resolve(args.root, existing.file) !== outPath) {
  console.log(`\nChú ý: kho đã có văn bản cùng mã ở ${existing.file}.`);
}

for (const d of sameTitle) {
  console.log(`\nChú ý: ${d.file} có cùng cơ quan ban hành và trích yếu; có thể kho đã có văn bản này (khi đó hãy bổ sung vào tệp đó thay vì thêm tệp mới).`);
}

const verdict = checkDraft(args.root, outPath, today);
console.log(`\nKết quả kiểm tra bản nháp (như npm run check): ${verdict.errors} lỗi, ${verdict.warnings} cảnh báo`);
for (const d of verdict.diagnostics) console.log(`  ${formatDiagnostic({ ...d, file: shown })}`);
if (verdict.errors) console.log('Sửa các lỗi trên (điền các TODO) rồi chạy: npm run check');
