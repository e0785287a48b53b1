/**
 * npm run import -- FILE.txt [--province ID] [--out DIR] [--force] [--root DIR]
 * Turns a plain-text directive into a draft MDX file named by its id, prints what it
 * found, what is left to fill in, and the checker's verdict on the draft.
 * Exit codes: 0 draft written; 1 bad input or the file exists; 2 bad command line.
 * scripts/import.ts runs it as a CLI; tests run it in-process.
 */
import { basename, join, relative, resolve } from 'node:path';
import { corpusEntriesFrom } from '../citations/index.ts';
import type { CommandIO } from '../command-io.ts';
import { argPath, CliError, existingDir, knownProvince, refuse as fail, runCommandLine } from '../command-line.ts';
import { loadCorpus, CONTENT_DIRS } from '../content/corpus.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { readRegularFile } from '../files/input.ts';
import { searchKey } from '../text/vietnamese.ts';
import { decodePlainText } from './input.ts';
import { importPlainText, type ImportResult } from './draft.ts';
import { checkDraft } from './verdict.ts';
import { writeDraftFile } from './write-draft.ts';

const SPEC = {
  usage: `Cách dùng: npm run import -- TỆP.txt [--province MÃ_TỈNH] [--out THƯ_MỤC] [--force] [--root THƯ_MỤC]
  --province ID  mã tỉnh (content/registries/provinces.yaml) của văn bản địa phương
  --out DIR      ghi bản nháp vào thư mục này thay vì content/van-ban/
  --force        ghi đè tệp đã có
  --root DIR     thư mục dự án chứa content/ (mặc định: dự án này)`,
  options: { province: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, root: { type: 'string' } },
  positionals: { max: 1 },
} as const;

interface Args {
  file: string;
  province: string | null;
  /** Absolute. */
  out: string | null;
  force: boolean;
  /** Absolute. */
  root: string;
}

function printReport(result: ImportResult, outFile: string, out: (text: string) => void): void {
  out(`Đã tạo bản nháp: ${outFile}${result.provisional ? ' (tên tệp tạm, xem TODO)' : ''}`);
  out('\nXác định được:');
  for (const f of result.found) out(`  ${f.field.padEnd(22)} ${f.value}\n  ${''.padEnd(22)} ← ${f.from}`);
  const required = result.missing.filter((m) => m.required);
  const optional = result.missing.filter((m) => !m.required);
  if (required.length) {
    out('\nChưa xác định được, BẮT BUỘC điền (đã ghi "# TODO" trong frontmatter):');
    for (const m of required) out(`  ${m.field}: ${m.reason}`);
  }
  if (optional.length) {
    out('\nNên bổ sung:');
    for (const m of optional) out(`  ${m.field}: ${m.reason}`);
  }
  const outside = [...result.consumed, ...result.dropped].sort((a, b) => a.line - b.line);
  if (outside.length) {
    out('\nDòng không nằm trong phần thân:');
    for (const l of result.consumed) out(`  dòng ${l.line} → frontmatter ${l.use}: "${l.text}"`);
    for (const l of result.dropped) out(`  dòng ${l.line} → bỏ (${l.use}): "${l.text}"`);
  }
  const refs = result.references;
  const resolved = refs.filter((r) => r.target);
  out(`\nDẫn chiếu trong văn bản: ${refs.length} (có trong kho: ${resolved.length}, chưa có: ${refs.length - resolved.length})`);
  const missingKeys = new Map<string, number[]>();
  for (const r of refs) if (!r.target && r.key) missingKeys.set(r.key, [...(missingKeys.get(r.key) ?? []), r.line]);
  for (const [key, lines] of missingKeys) out(`  chưa có trong kho: ${key} (dòng ${[...new Set(lines)].join(', ')})`);
  if (result.notes.length) {
    out('\nGhi chú:');
    for (const n of result.notes) out(`  - ${n}`);
  }
}

/**
 * Runs `npm run import` with these arguments; returns the exit code. File and folder
 * arguments are relative to io.cwd, the caller's folder.
 */
export function runImportCommand(argv: string[], io: CommandIO, defaultRoot: string): number {
  return runCommandLine(argv, SPEC, io, ({ values, positionals }) => {
    if (!positionals[0]) throw new CliError('thiếu tên tệp văn bản cần nhập', 'missing the text file to import');
    const args: Args = {
      file: positionals[0],
      province: values.province ?? null,
      out: values.out === undefined ? null : argPath(values.out, io.cwd),
      force: values.force ?? false,
      root: values.root === undefined ? defaultRoot : existingDir(values.root, '--root', io.cwd),
    };
    return importFile(args, io);
  });
}

function importFile(args: Args, io: CommandIO): number {
  const read = readRegularFile(argPath(args.file, io.cwd), args.file);
  if (!read.ok) fail(`${read.message}.`);
  const decoded = decodePlainText(read.bytes);
  if (!decoded.ok) fail(`${args.file}: ${decoded.message}.`);

  const corpus = loadCorpus(args.root);
  if (args.province !== null) knownProvince(args.province, corpus.registries.provinces);
  const outcome = importPlainText(decoded, {
    fileName: basename(args.file),
    province: args.province,
    today: io.today,
    registries: corpus.registries,
    corpus: corpusEntriesFrom(corpus.documents),
  });
  if (!outcome.ok) fail(`${args.file}: ${outcome.message}`);
  const result = outcome.result;
  const outDir = args.out ?? join(args.root, CONTENT_DIRS.documents);
  const outPath = join(outDir, `${result.id}.mdx`);
  const shown = relative(io.cwd, outPath) || outPath;
  const existing = corpus.documents.find((d) => d.id === result.id);
  // Without a number or date the id cannot show a duplicate; the same trích yếu and issuer can.
  const sameTitle = result.frontmatter.title
    ? corpus.documents.filter(
        (d) => d.id !== result.id && d.data.issuer === result.frontmatter.issuer && searchKey(d.data.title) === searchKey(result.frontmatter.title!),
      )
    : [];
  // Never through a link, and inside the content tree unless --out says otherwise.
  const written = writeDraftFile(outPath, result.content, { force: args.force, shown, within: args.out ? undefined : args.root });
  if (!written.ok) fail(written.exists ? `${written.message}. Dùng --force nếu muốn thay bằng bản nhập mới.` : written.message);
  printReport(result, shown, io.out);
  if (existing && resolve(args.root, existing.file) !== outPath) {
    io.out(`\nChú ý: kho đã có văn bản cùng mã ở ${existing.file}.`);
  }

  for (const d of sameTitle) {
    io.out(`\nChú ý: ${d.file} có cùng cơ quan ban hành và trích yếu; có thể kho đã có văn bản này (khi đó hãy bổ sung vào tệp đó thay vì thêm tệp mới).`);
  }

  const verdict = checkDraft(args.root, outPath, io.today);
  io.out(`\nKết quả kiểm tra bản nháp (như npm run check): ${verdict.errors} lỗi, ${verdict.warnings} cảnh báo`);
  for (const d of verdict.diagnostics) io.out(`  ${formatDiagnostic({ ...d, file: shown })}`);
  if (verdict.errors) io.out('Sửa các lỗi trên (điền các TODO) rồi chạy: npm run check');
  return 0;
}
