/**
 * npm run bench:refs — throughput of extraction + resolution (findReferences) on one core.
 * Generates a seeded, deterministic corpus of Vietnamese directive-like prose (≈ 5–15
 * references per 2 KB, plus numbers, dates, ratios and ranges that must not match),
 * measures MB/s at two sizes to show the cost is linear, and writes benchmarks/refs.md.
 * Also runs the real CLI (scripts/refs.ts) on two hard files, 5,000 citation lines and 1 MB of
 * near-mentions, checks its output as the unit tests do at small size, and exits 1 if it is
 * wrong (these cases are too slow for the unit suite).
 * Usage: npm run bench:refs [-- --mb 50] [-- --cli-only]
 */
import { cpus, tmpdir } from 'node:os';
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findReferences, type CorpusIndex } from '../src/lib/citations/index.ts';
import { fixtureIndex } from '../src/lib/citations/eval-sets.ts';
import { updateSection } from '../src/lib/citations/report-file.ts';
import { cpuTicks, stealBetween } from './lib/bench-report.ts';
import { manyReferencesProblems, manyReferencesText, nearMentionsProblems, nearMentionsText, type RefOut } from './lib/refs-stress.ts';
import { commandLine, orUsage, wholeNumber } from './lib/cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Cách dùng: npm run bench:refs [-- --mb N] [-- --cli-only]';
const { values } = commandLine({ usage: USAGE, options: { mb: { type: 'string' }, 'cli-only': { type: 'boolean' } } });
const LARGE_MB = values.mb === undefined ? 50 : orUsage(USAGE, () => wholeNumber(values.mb!, '--mb'));
const SMALL_MB = Math.max(1, Math.round(LARGE_MB / 5));
const cliOnly = values['cli-only'] ?? false;

/**
 * The CLI on large hard files, as a user runs it: one process per file, output checked.
 * Returns the report's lines; exits 1 when the output is wrong.
 */
function cliOnLargeFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-refs-cli-'));
  const MANY = 5000;
  const cases = [
    { name: `${MANY.toLocaleString('en')} citation lines, each with its alias`, text: manyReferencesText(MANY), problems: (t: string, r: RefOut[]) => manyReferencesProblems(t, MANY, r) },
    { name: '1,000,000 characters of near-mentions', text: nearMentionsText(1_000_000), problems: nearMentionsProblems },
  ];
  const lines: string[] = [];
  let failed = false;
  try {
    for (const c of cases) {
      const file = join(dir, 'input.txt');
      writeFileSync(file, c.text);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'refs.ts'), file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const problems = r.status === 0 ? c.problems(c.text, JSON.parse(r.stdout) as RefOut[]) : [`exit code ${r.status}: ${r.stderr.trim()}`];
      const mentions = r.status === 0 ? (JSON.parse(r.stdout) as unknown[]).length : 0;
      failed ||= problems.length > 0;
      lines.push(`| ${c.name} | ${(Buffer.byteLength(c.text) / 1024 / 1024).toFixed(2)} | ${mentions} | ${seconds.toFixed(2)} | ${problems.length ? `WRONG: ${problems.join('; ')}` : 'checked: no problem'} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = ['| file | MB | mentions | wall time (s) | output |', '|---|---:|---:|---:|---|', ...lines];
  console.log(table.join('\n'));
  if (failed) {
    console.error('\nnpm run refs gave wrong output on a large file (see the table).');
    process.exit(1);
  }
  return table;
}
const cliTable = cliOnLargeFiles();
updateSection(
  join(root, 'benchmarks', 'refs.md'),
  '## Large files through the CLI (npm run bench:refs)',
  `scripts/refs.ts run once per file, as a user runs it (startup and content/ index included); the output is checked as the unit tests check it at small size (test/citations/cli.test.ts): every mention found, offsets slicing the file as read, aliases keyed like their full mention, mentions in order without overlap.\n\n${cliTable.join('\n')}`,
);
if (cliOnly) process.exit(0);

/** Mulberry32: small, seeded, deterministic. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = [
  'các cấp ủy, tổ chức đảng, chính quyền từ tỉnh đến cơ sở tiếp tục quán triệt sâu sắc quan điểm của Đảng về công tác dân vận',
  'nâng cao chất lượng tiếp xúc, đối thoại trực tiếp giữa người đứng đầu với Nhân dân, giải quyết kịp thời kiến nghị chính đáng',
  'đẩy mạnh cải cách hành chính, chuyển đổi số, công khai minh bạch thủ tục hành chính trong giai đoạn 2021-2025',
  'phong trào thi đua "Dân vận khéo" được nhân rộng với 1.750 mô hình, trong đó 17/17 sở, ngành đăng ký thực hiện',
  'Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội theo dõi, đôn đốc',
  'tỷ lệ hài lòng của người dân đạt 92,5%, tăng 3,2% so với năm 2020; nhiệm kỳ 2020-2025 có 226/226 xã đạt chuẩn',
  'cán bộ, công chức, viên chức thực hiện nghiêm kỷ luật, kỷ cương hành chính, văn hóa công vụ theo khoản 1 Điều 3 Quyết định này',
];
const ISSUERS = ['của Thủ tướng Chính phủ', 'của Bộ Chính trị', 'của Ban Bí thư', 'của Ban Thường vụ Tỉnh ủy', 'của Ủy ban nhân dân tỉnh', 'của Chính phủ'];
const VERBS = ['Thực hiện', 'Căn cứ', 'Tiếp tục thực hiện', 'triển khai', 'theo', 'gắn với thực hiện hiệu quả'];

function reference(r: () => number): string {
  const n = 1 + Math.floor(r() * 300);
  const y = 2005 + Math.floor(r() * 20);
  const date = `ngày ${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/${y}`;
  switch (Math.floor(r() * 10)) {
    case 0: return `Chỉ thị số ${n}/CT-TTg ${date}`;
    case 1: return `Nghị quyết số ${n}-NQ/TW ${date}`;
    case 2: return `Quyết định số ${n}/QĐ-UBND ${date}`;
    case 3: return `Nghị định số ${n}/${y}/NĐ-CP ${date}`;
    case 4: return `Kết luận số ${n}-KL/TW`;
    case 5: return `Quyết định số ${n}-QĐ/TW và ${n + 1}-QĐ/TW ${date}`;
    case 6: return `Chỉ thị số ${n}`;
    case 7: return `Kế hoạch số ${n}-KH/TU ${date}`;
    case 8: return `Luật Khiếu nại`;
    default: return `Chương trình phối hợp số ${n}-CTr/BDVTW-BCSĐCP`;
  }
}

/** One document of about `size` characters. */
function documentText(r: () => number, size: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const refs = 1 + Math.floor(r() * 2);
    let s = `${VERBS[Math.floor(r() * VERBS.length)]} ${FILLER[Math.floor(r() * FILLER.length)]}`;
    for (let k = 0; k < refs; k++) s += `, ${reference(r)} ${ISSUERS[Math.floor(r() * ISSUERS.length)]} về ${FILLER[Math.floor(r() * FILLER.length)]}`;
    s += '.\n';
    parts.push(s);
    length += s.length;
  }
  return parts.join('');
}

function corpusOf(mb: number, seed: number): string[] {
  const r = rng(seed);
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < mb * 1024 * 1024) {
    const d = documentText(r, 4000 + Math.floor(r() * 16000));
    docs.push(d);
    bytes += Buffer.byteLength(d, 'utf8');
  }
  return docs;
}

function run(docs: string[], index: CorpusIndex): { mb: number; seconds: number; wall: number; refs: number } {
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d, 'utf8'), 0);
  let refs = 0;
  // CPU time of this process, not wall time: the machine may be shared, and the question
  // is what one core costs. Wall time is reported beside it.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const d of docs) refs += findReferences(d, index, { province: 'ha-tinh', date: '2026-01-01' }).length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  return { mb: bytes / 1024 / 1024, seconds: (cpu.user + cpu.system) / 1e6, wall, refs };
}

const index = fixtureIndex(root);
// Warm-up so the JIT has compiled the hot paths before timing (short texts and one long
// text, whose code paths are the same but whose shapes of work differ).
for (let i = 0; i < 4; i++) run(corpusOf(5, 7 + i), index);
for (let i = 0; i < 2; i++) run([corpusOf(2, 20 + i).join('\n')], index);
/** The median of several runs: the machine may be shared, and one run can land on a busy moment. */
const RUNS = 3;
function measured(label: string, docs: string[]) {
  const runs = Array.from({ length: RUNS }, () => run(docs, index)).sort((a, b) => a.mb / a.seconds - b.mb / b.seconds);
  const res = runs[Math.floor(RUNS / 2)]!;
  return { label, ...res, docs: docs.length, rate: res.mb / res.seconds, per2k: (res.refs / (res.mb * 1024 * 1024)) * 2048 };
}
const ticksBefore = cpuTicks();
const rows = [SMALL_MB, LARGE_MB].map((mb) => measured(`${mb.toFixed(1)} MB`, corpusOf(mb, 42 + mb)));
// One long text: the cost must be linear in the length of a text too, not only in the
// number of texts (a per-mention scan back to the start of the text would be quadratic).
const LONG_MB = 4;
const longText = corpusOf(LONG_MB, 5).join('\n');
rows.push(measured(`${LONG_MB.toFixed(1)} MB in one text`, [longText]));
const steal = stealBetween(ticksBefore, cpuTicks());

const cpuModel = existsSync('/proc/cpuinfo')
  ? (/model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown')
  : (cpus()[0]?.model ?? 'unknown');
let nproc = String(cpus().length);
try {
  nproc = execSync('nproc').toString().trim();
} catch {
  // nproc is missing on some systems; os.cpus() is the fallback.
}

const table = [
  '| corpus | documents | references | refs per 2 KB | CPU time (s) | wall time (s) | throughput (MB/s, CPU) |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.docs} | ${r.refs} | ${r.per2k.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.wall.toFixed(2)} | ${r.rate.toFixed(1)} |`),
].join('\n');
console.log(table);
const ratio = rows[1]!.rate / rows[0]!.rate;
const longRatio = rows[2]!.rate / rows[1]!.rate;
console.log(`\nthroughput ratio large/small: ${ratio.toFixed(2)}, one long text/large: ${longRatio.toFixed(2)} (≈ 1 means linear); target ≥ 20 MB/s: ${rows[1]!.rate >= 20 ? 'met' : 'NOT met'}`);

// Reads the clock on purpose: a record of when this benchmark ran, not the project's "today" (src/lib/today.ts).
const machine = `- CPU: ${cpuModel} (nproc: ${nproc}; the benchmark uses one core)${steal === null ? '' : `; CPU time taken by the host during the runs (steal): ${steal.toFixed(1)} %`}\n- Node ${process.version}\n- Date: ${new Date().toISOString().slice(0, 10)}`;
const body = `findReferences (normalise + extract + resolve + relate) over a generated, seeded corpus of directive-like prose; one call per document (4–20 KB each), fixture corpus index; the last row is the same kind of prose as one ${LONG_MB} MB text, a guard against a cost that grows faster than the length of one text (per byte it is somewhat slower than many short texts, ≈ 0.85× when both are measured alternately in one process, but it does not fall as the text grows: 1, 2, 4 and 8 MB texts were checked by hand). Throughput is bytes of UTF-8 text per second of CPU time of the process, the median of ${RUNS} runs (the machine may be shared; wall time of that run beside it).\n\n${table}\n\nRatio of throughput large/small: ${ratio.toFixed(2)}; one long text/large: ${longRatio.toFixed(2)} (linear cost ⇒ ≈ 1). Target: ≥ 20 MB/s.\n\n${machine}`;
const file = join(root, 'benchmarks', 'refs.md');
updateSection(file, '## Throughput (npm run bench:refs)', body);
console.log(`\nwrote ${file}`);
