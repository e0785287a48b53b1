/**
 * npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
 * npm run new -- --from-missing "35-CT/TW@2014"      (or its slug, 35-ct-tw-2014)
 * Options: --province ID, --out DIR, --root DIR.
 * Scaffolds a document file named by its id; refuses a document the corpus already has.
 * Exit codes: 0 written; 1 refused or not found; 2 bad command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusEntriesFrom } from '../src/lib/citations/index.ts';
import { todayInVietnam } from '../src/lib/check/context.ts';
import { loadCorpus, CONTENT_DIRS } from '../src/lib/content/corpus.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { findUnresolved, scaffoldFromCitation, scaffoldFromMissing, type Scaffold } from '../src/lib/editor/scaffold.ts';
import { checkDraft } from '../src/lib/editor/verdict.ts';
import { GRAPH_FILE, type Graph } from '../src/lib/graph/types.ts';
import { readGraphFile } from '../src/lib/graph/read.ts';
import { writeDraftFile } from '../src/lib/editor/write-draft.ts';
import { argPath, callerCwd, commandLine, existingDir, fail, knownProvince, orUsage, usageError } from './lib/cli.ts';

const USAGE = `Cách dùng:
  npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
  npm run new -- --from-missing "35-CT/TW@2014"
Tham số:
  --province ID  mã tỉnh của văn bản địa phương (content/registries/provinces.yaml)
  --out DIR      ghi vào thư mục này thay vì content/van-ban/
  --root DIR     thư mục dự án chứa content/ (mặc định: dự án này)`;

const projectRoot = join(import.meta.dirname, '..');

/** Builds the graph of the content root (build-graph --keep-going), or fails with the reason. */
function buildGraph(root: string, why: string): void {
  const script = join(projectRoot, 'scripts/build-graph.ts');
  if (!existsSync(script)) fail(`${why}; hãy chạy: npm run build:graph`);
  console.log(`${why}; đang dựng lại đồ thị (npm run build:graph)…`);
  const r = spawnSync(process.execPath, [script, '--root', root, '--keep-going'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) fail(`dựng đồ thị không thành công; hãy chạy npm run build:graph và sửa lỗi nó báo`);
}

/** The graph of the content root; built first when it is missing or unreadable (a corrupt file is rebuilt, not trusted). */
function loadGraph(root: string): Graph {
  const path = join(root, GRAPH_FILE);
  if (!existsSync(path)) buildGraph(root, `Chưa có ${GRAPH_FILE}`);
  let graph = readGraphFile(path);
  if (typeof graph === 'string') {
    buildGraph(root, `${GRAPH_FILE} không đọc được (${graph})`);
    graph = readGraphFile(path);
    if (typeof graph === 'string') fail(`${GRAPH_FILE} vẫn không đọc được sau khi dựng lại (${graph})`);
  }
  return graph;
}

function printScaffold(s: Scaffold, shown: string): void {
  console.log(`Đã tạo: ${shown}${s.provisional ? ' (tên tệp tạm, xem TODO)' : ''}`);
  console.log('\nĐã điền:');
  for (const f of s.found) console.log(`  ${f.field.padEnd(10)} ${f.value}   ← ${f.from}`);
  const required = s.missing.filter((m) => m.required);
  if (required.length) {
    console.log('\nCòn thiếu, BẮT BUỘC điền (đã ghi "# TODO"):');
    for (const m of required) console.log(`  ${m.field}: ${m.reason}`);
  }
  const optional = s.missing.filter((m) => !m.required);
  if (optional.length) {
    console.log('\nNên bổ sung:');
    for (const m of optional) console.log(`  ${m.field}: ${m.reason}`);
  }
  if (s.notes.length) {
    console.log('\nGhi chú:');
    for (const n of s.notes) console.log(`  - ${n}`);
  }
}

const { values, positionals } = commandLine({
  usage: USAGE,
  options: { 'from-missing': { type: 'string' }, province: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } },
  // The citation may come as one quoted argument or as several words.
  positionals: { max: Infinity },
});
const args = {
  citation: positionals.length ? positionals.join(' ') : null,
  missing: values['from-missing'] ?? null,
  province: values.province ?? null,
  out: values.out === undefined ? null : argPath(values.out),
  root: values.root === undefined ? projectRoot : orUsage(USAGE, () => existingDir(values.root!, '--root')),
};
if (!args.citation && !args.missing) usageError('cần một dòng trích dẫn hoặc --from-missing KHÓA', USAGE);
if (args.citation && args.missing) usageError('chỉ dùng một trong hai: dòng trích dẫn hoặc --from-missing', USAGE);

const corpus = loadCorpus(args.root);
if (args.province !== null) orUsage(USAGE, () => knownProvince(args.province!, corpus.registries.provinces));
const entries = corpusEntriesFrom(corpus.documents).map((e, i) => ({ ...e, file: corpus.documents[i]!.file }));
const today = todayInVietnam();
const opts = { registries: corpus.registries, corpus: entries, province: args.province, today };

let outcome;
if (args.missing) {
  const graph = loadGraph(args.root);
  const entry = findUnresolved(graph.unresolved, args.missing);
  if (!entry) {
    const known = [...graph.unresolved].sort((a, b) => b.citedBy.length - a.citedBy.length).slice(0, 15);
    fail(
      `không có "${args.missing}" trong danh sách văn bản được dẫn chiếu mà kho chưa có (${GRAPH_FILE}).` +
        (known.length ? `\nCác khóa hiện có:\n${known.map((u) => `  ${u.key} (${u.citedBy.length} lần)`).join('\n')}` : ''),
    );
  }
  console.log(`Văn bản dẫn chiếu tới ${entry.key}:`);
  for (const c of entry.citedBy) console.log(`  - ${c.id} (dòng ${c.evidence.line})`);
  console.log('');
  outcome = scaffoldFromMissing(entry, opts);
} else {
  outcome = scaffoldFromCitation(args.citation!, opts);
}
if (!outcome.ok) fail(outcome.message);

const s = outcome.scaffold;
const outDir = args.out ?? join(args.root, CONTENT_DIRS.documents);
const outPath = join(outDir, `${s.id}.mdx`);
const shown = relative(callerCwd(), outPath) || outPath;
const written = writeDraftFile(outPath, s.content, { shown, within: args.out ? undefined : args.root });
if (!written.ok) fail(written.message);
printScaffold(s, shown);

const verdict = checkDraft(args.root, outPath, today);
console.log(`\nKết quả kiểm tra (như npm run check): ${verdict.errors} lỗi, ${verdict.warnings} cảnh báo`);
for (const d of verdict.diagnostics) console.log(`  ${formatDiagnostic({ ...d, file: shown })}`);
