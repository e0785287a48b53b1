/**
 * npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
 * npm run new -- --from-missing "35-CT/TW@2014"      (or its slug, 35-ct-tw-2014)
 * Options: --province ID, --out DIR, --root DIR.
 * Scaffolds a document file named by its id; refuses a document the corpus already has.
 * Exit codes: 0 written; 1 refused or not found; 2 bad command line.
 * scripts/new.ts runs it as a CLI; tests run it in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { corpusEntriesFrom } from '../citations/index.ts';
import type { CommandIO } from '../command-io.ts';
import { loadCorpus, CONTENT_DIRS } from '../content/corpus.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from '../files/atomic.ts';
import { GRAPH_FILE, type Graph } from '../graph/types.ts';
import { TODAY_ENV } from '../today.ts';
import { findUnresolved, scaffoldFromCitation, scaffoldFromMissing, type Scaffold } from './scaffold.ts';
import { checkDraft } from './verdict.ts';

const USAGE = `Cách dùng:
  npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
  npm run new -- --from-missing "35-CT/TW@2014"
Tham số:
  --province ID  mã tỉnh của văn bản địa phương (content/registries/provinces.yaml)
  --out DIR      ghi vào thư mục này thay vì content/van-ban/
  --root DIR     thư mục dự án chứa content/ (mặc định: dự án này)`;

interface Args {
  citation: string | null;
  missing: string | null;
  province: string | null;
  out: string | null;
  root: string;
}

function parseArgs(argv: string[], defaultRoot: string): Args | string {
  const args: Args = { citation: null, missing: null, province: null, out: null, root: defaultRoot };
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

/** A refusal: the command prints "Lỗi: …" and exits 1. */
class Refusal extends Error {}
function fail(message: string): never {
  throw new Refusal(message);
}

/** The graph of the content root; built first when it is not there yet. */
function loadGraph(root: string, projectRoot: string, io: CommandIO): Graph {
  const path = join(root, GRAPH_FILE);
  if (!existsSync(path)) {
    const script = join(projectRoot, 'scripts/build-graph.ts');
    if (!existsSync(script)) fail(`chưa có ${GRAPH_FILE}; hãy chạy: npm run build:graph`);
    io.out(`Chưa có ${GRAPH_FILE}; đang dựng đồ thị (npm run build:graph)…`);
    const r = spawnSync(process.execPath, [script, '--root', root, '--keep-going'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // The graph build checks the content against the same day this command uses.
      env: { ...process.env, [TODAY_ENV]: io.today },
    });
    if (r.status !== 0 || !existsSync(path)) fail(`dựng đồ thị không thành công; hãy chạy npm run build:graph và sửa lỗi nó báo`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Graph;
}

function printScaffold(s: Scaffold, shown: string, out: (text: string) => void): void {
  out(`Đã tạo: ${shown}${s.provisional ? ' (tên tệp tạm, xem TODO)' : ''}`);
  out('\nĐã điền:');
  for (const f of s.found) out(`  ${f.field.padEnd(10)} ${f.value}   ← ${f.from}`);
  const required = s.missing.filter((m) => m.required);
  if (required.length) {
    out('\nCòn thiếu, BẮT BUỘC điền (đã ghi "# TODO"):');
    for (const m of required) out(`  ${m.field}: ${m.reason}`);
  }
  const optional = s.missing.filter((m) => !m.required);
  if (optional.length) {
    out('\nNên bổ sung:');
    for (const m of optional) out(`  ${m.field}: ${m.reason}`);
  }
  if (s.notes.length) {
    out('\nGhi chú:');
    for (const n of s.notes) out(`  - ${n}`);
  }
}

/**
 * Runs `npm run new` with these arguments; returns the exit code. projectRoot is the
 * project whose scripts/build-graph.ts builds a missing graph (and the default --root).
 */
export function runNewCommand(argv: string[], io: CommandIO, projectRoot: string): number {
  try {
    const args = parseArgs(argv, projectRoot);
    if (typeof args === 'string') {
      if (args) io.err(`Lỗi: ${args}`);
      io.err(USAGE);
      return args ? 2 : 0;
    }

    const corpus = loadCorpus(args.root);
    const entries = corpusEntriesFrom(corpus.documents).map((e, i) => ({ ...e, file: corpus.documents[i]!.file }));
    const opts = { registries: corpus.registries, corpus: entries, province: args.province, today: io.today };

    let outcome;
    if (args.missing) {
      const graph = loadGraph(args.root, projectRoot, io);
      const entry = findUnresolved(graph.unresolved, args.missing);
      if (!entry) {
        const known = [...graph.unresolved].sort((a, b) => b.citedBy.length - a.citedBy.length).slice(0, 15);
        fail(
          `không có "${args.missing}" trong danh sách văn bản được dẫn chiếu mà kho chưa có (${GRAPH_FILE}).` +
            (known.length ? `\nCác khóa hiện có:\n${known.map((u) => `  ${u.key} (${u.citedBy.length} lần)`).join('\n')}` : ''),
        );
      }
      io.out(`Văn bản dẫn chiếu tới ${entry.key}:`);
      for (const c of entry.citedBy) io.out(`  - ${c.id} (dòng ${c.evidence.line})`);
      io.out('');
      outcome = scaffoldFromMissing(entry, opts);
    } else {
      outcome = scaffoldFromCitation(args.citation!, opts);
    }
    if (!outcome.ok) fail(outcome.message);

    const s = outcome.scaffold;
    const outDir = args.out ? resolve(io.cwd, args.out) : join(args.root, CONTENT_DIRS.documents);
    const outPath = join(outDir, `${s.id}.mdx`);
    const shown = relative(io.cwd, outPath) || outPath;
    if (existsSync(outPath)) fail(`tệp ${shown} đã có; không ghi đè`);
    mkdirSync(outDir, { recursive: true });
    writeFileAtomic(outPath, s.content);
    printScaffold(s, shown, io.out);

    const verdict = checkDraft(args.root, outPath, io.today);
    io.out(`\nKết quả kiểm tra (như npm run check): ${verdict.errors} lỗi, ${verdict.warnings} cảnh báo`);
    for (const d of verdict.diagnostics) io.out(`  ${formatDiagnostic({ ...d, file: shown })}`);
    return 0;
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    io.err(`Lỗi: ${e.message}`);
    return 1;
  }
}
