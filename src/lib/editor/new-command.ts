/**
 * npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
 * npm run new -- --from-missing "35-CT/TW@2014"      (or its slug, 35-ct-tw-2014)
 * Options: --province ID, --out DIR, --root DIR.
 * Scaffolds a document file named by its id; refuses a document the corpus already has.
 * Exit codes: 0 written; 1 refused or not found; 2 bad command line.
 * scripts/new.ts runs it as a CLI; tests run it in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusEntriesFrom } from '../citations/index.ts';
import type { CommandIO } from '../command-io.ts';
import { argPath, CliError, existingDir, knownProvince, refuse as fail, runCommandLine } from '../command-line.ts';
import { loadCorpus, CONTENT_DIRS } from '../content/corpus.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { readGraphFile } from '../graph/read.ts';
import { GRAPH_FILE, type Graph } from '../graph/types.ts';
import { TODAY_ENV } from '../today.ts';
import { findUnresolved, scaffoldFromCitation, scaffoldFromMissing, type Scaffold } from './scaffold.ts';
import { checkDraft } from './verdict.ts';
import { writeDraftFile } from './write-draft.ts';

const SPEC = {
  usage: `Cách dùng:
  npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
  npm run new -- --from-missing "35-CT/TW@2014"
Tham số:
  --province ID  mã tỉnh của văn bản địa phương (content/registries/provinces.yaml)
  --out DIR      ghi vào thư mục này thay vì content/van-ban/
  --root DIR     thư mục dự án chứa content/ (mặc định: dự án này)`,
  options: { 'from-missing': { type: 'string' }, province: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } },
  // The citation may come as one quoted argument or as several words.
  positionals: { max: Infinity },
} as const;

interface Args {
  citation: string | null;
  missing: string | null;
  province: string | null;
  /** Absolute. */
  out: string | null;
  /** Absolute. */
  root: string;
}

/** Builds the graph of the content root (build-graph --keep-going), or fails with the reason. */
function buildGraph(root: string, why: string, projectRoot: string, io: CommandIO): void {
  const script = join(projectRoot, 'scripts/build-graph.ts');
  if (!existsSync(script)) fail(`${why}; hãy chạy: npm run build:graph`);
  io.out(`${why}; đang dựng lại đồ thị (npm run build:graph)…`);
  const r = spawnSync(process.execPath, [script, '--root', root, '--keep-going'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // The graph build checks the content against the same day this command uses.
    env: { ...process.env, [TODAY_ENV]: io.today },
  });
  if (r.status !== 0) fail(`dựng đồ thị không thành công; hãy chạy npm run build:graph và sửa lỗi nó báo`);
}

/** The graph of the content root; built first when it is missing or unreadable (a corrupt file is rebuilt, not trusted). */
function loadGraph(root: string, projectRoot: string, io: CommandIO): Graph {
  const path = join(root, GRAPH_FILE);
  if (!existsSync(path)) buildGraph(root, `Chưa có ${GRAPH_FILE}`, projectRoot, io);
  let graph = readGraphFile(path);
  if (typeof graph === 'string') {
    buildGraph(root, `${GRAPH_FILE} không đọc được (${graph})`, projectRoot, io);
    graph = readGraphFile(path);
    if (typeof graph === 'string') fail(`${GRAPH_FILE} vẫn không đọc được sau khi dựng lại (${graph})`);
  }
  return graph;
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
 * Folder arguments are relative to io.cwd, the caller's folder.
 */
export function runNewCommand(argv: string[], io: CommandIO, projectRoot: string): number {
  return runCommandLine(argv, SPEC, io, ({ values, positionals }) => {
    const args: Args = {
      citation: positionals.length ? positionals.join(' ') : null,
      missing: values['from-missing'] ?? null,
      province: values.province ?? null,
      out: values.out === undefined ? null : argPath(values.out, io.cwd),
      root: values.root === undefined ? projectRoot : existingDir(values.root, '--root', io.cwd),
    };
    if (!args.citation && !args.missing) throw new CliError('cần một dòng trích dẫn hoặc --from-missing KHÓA', 'a citation line or --from-missing KEY is needed');
    if (args.citation && args.missing) throw new CliError('chỉ dùng một trong hai: dòng trích dẫn hoặc --from-missing', 'a citation line or --from-missing, not both');
    return scaffold(args, projectRoot, io);
  });
}

function scaffold(args: Args, projectRoot: string, io: CommandIO): number {
  const corpus = loadCorpus(args.root);
  if (args.province !== null) knownProvince(args.province, corpus.registries.provinces);
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
  const outDir = args.out ?? join(args.root, CONTENT_DIRS.documents);
  const outPath = join(outDir, `${s.id}.mdx`);
  const shown = relative(io.cwd, outPath) || outPath;
  // Never over an existing file nor through a link, and inside the content tree unless --out says otherwise.
  const written = writeDraftFile(outPath, s.content, { shown, within: args.out ? undefined : args.root });
  if (!written.ok) fail(written.message);
  printScaffold(s, shown, io.out);

  const verdict = checkDraft(args.root, outPath, io.today);
  io.out(`\nKết quả kiểm tra (như npm run check): ${verdict.errors} lỗi, ${verdict.warnings} cảnh báo`);
  for (const d of verdict.diagnostics) io.out(`  ${formatDiagnostic({ ...d, file: shown })}`);
  return 0;
}
