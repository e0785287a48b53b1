/**
 * npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
 * npm run new -- --from-missing "35-CT/TW@2014"      (or its slug, 35-ct-tw-2014)
 * Options: --province ID, --out DIR, --root DIR.
 * Scaffolds a document file named by its id; refuses a document the corpus already has.
 * Exit codes: 0 written; 1 refused or not found; 2 bad command line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { corpusEntriesFrom } from '../src/lib/citations/index.ts';
import { todayInVietnam } from '../src/lib/check/context.ts';
import { loadCorpus, CONTENT_DIRS } from '../src/lib/content/corpus.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { findUnresolved, scaffoldFromCitation, scaffoldFromMissing, type Scaffold } from '../src/lib/editor/scaffold.ts';
import { checkDraft } from '../src/lib/editor/verdict.ts';
import { GRAPH_FILE, type Graph } from '../src/lib/graph/types.ts';

const USAGE = `Cách dùng:
  npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
  npm run new -- --from-missing "35-CT/TW@2014"
Tham số:
  --province ID  mã tỉnh của văn bản địa phương (content/registries/provinces.yaml)
  --out DIR      ghi vào thư mục này thay vì content/van-ban/
  --root DIR     thư mục dự án chứa content/ (mặc định: dự án này)`;

const projectRoot = join(import.meta.dirname, '..');

interface Args {
  citation: string | null;
  missing: string | null;
  province: string | null;
  out: string | null;
  root: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { citation: null, missing: null, province: null, out: null, root: projectRoot };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`thiếu giá trị sau ${a}`);
      return v;
    };
    try {
      if (a === '--from-missing') args.missing = value();
      else if (a === '--province') args.province = value();
      else if (a === '--out') args.out = value();
      else if (a === '--root') args.root = resolve(value());
      else if (a === '--help' || a === '-h') return '';
      else if (a.startsWith('--')) return `không hiểu tham số "${a}"`;
      else args.citation = args.citation ? `${args.citation} ${a}` : a;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!args.citation && !args.missing) return 'cần một dòng trích dẫn hoặc --from-missing KHÓA';
  if (args.citation && args.missing) return 'chỉ dùng một trong hai: dòng trích dẫn hoặc --from-missing';
  return args;
}

function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  process.exit(1);
}

/** The graph of the content root; built first when it is not there yet. */
function loadGraph(root: string): Graph {
  const path = join(root, GRAPH_FILE);
  if (!existsSync(path)) {
    const script = join(projectRoot, 'scripts/build-graph.ts');
    if (!existsSync(script)) fail(`chưa có ${GRAPH_FILE}; hãy chạy: npm run build:graph`);
    console.log(`Chưa có ${GRAPH_FILE}; đang dựng đồ thị (npm run build:graph)…`);
    const r = spawnSync(process.execPath, [script, '--root', root, '--keep-going'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 || !existsSync(path)) fail(`dựng đồ thị không thành công; hãy chạy npm run build:graph và sửa lỗi nó báo`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Graph;
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

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  if (args) console.error(`Lỗi: ${args}`);
  console.error(USAGE);
  process.exit(args ? 2 : 0);
}

const corpus = loadCorpus(args.root);
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
const outDir = args.out ? resolve(args.out) : join(args.root, CONTENT_DIRS.documents);
const outPath = join(outDir, `${s.id}.mdx`);
const shown = relative(process.cwd(), outPath) || outPath;
if (existsSync(outPath)) fail(`tệp ${shown} đã có; không ghi đè`);
mkdirSync(outDir, { recursive: true });
writeFileSync(outPath, s.content);
printScaffold(s, shown);

const verdict = checkDraft(args.root, outPath, today);
console.log(`\nKết quả kiểm tra (như npm run check): ${verdict.errors} lỗi, ${verdict.warnings} cảnh báo`);
for (const d of verdict.diagnostics) console.log(`  ${formatDiagnostic({ ...d, file: shown })}`);
