/**
 * npm run --silent refs -- FILE [--province ID] [--date YYYY-MM-DD]
 *
 * Prints the directive references of a UTF-8 plain-text file as a JSON array (one object
 * per mention: start, end, text, type, number, symbol, year, key, target, plus relation).
 * Offsets are UTF-16 code units into the file's text exactly as read: a byte-order mark,
 * if present, is kept as the character U+FEFF at offset 0 (so offsets match Node's and
 * Python's reading of the file), and CRLF line ends are kept as two characters.
 * The corpus index is built from content/ (which may be empty: references then keep the
 * identity written in the text, and `target` is null).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/lib/content/corpus.ts';
import { buildCorpusIndex, corpusEntriesFrom, findReferences } from '../src/lib/citations/index.ts';
import { readRegularFile } from '../src/lib/files/input.ts';
import { argPath, calendarDate, CliError, knownProvince, parseCommandLine } from './lib/cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(vi: string, en: string, code = 2): never {
  process.stderr.write(`Lỗi: ${vi}\nError: ${en}\n`);
  process.exit(code);
}

const USAGE_VI = 'cách dùng: npm run --silent refs -- TỆP [--province MÃ_TỈNH] [--date YYYY-MM-DD]';
const USAGE_EN = 'usage: npm run --silent refs -- FILE [--province ID] [--date YYYY-MM-DD]';
const spec = {
  usage: `${USAGE_VI}\n${USAGE_EN}`,
  options: { province: { type: 'string' }, date: { type: 'string' } },
  positionals: { max: 1 },
} as const;

let parsed;
try {
  parsed = parseCommandLine(process.argv.slice(2), spec);
} catch (e) {
  if (!(e instanceof CliError)) throw e;
  fail(`${e.message}. ${USAGE_VI}`, `${e.english}. ${USAGE_EN}`);
}
if ((parsed.values as { help?: boolean }).help) {
  process.stdout.write(`${spec.usage}\n`);
  process.exit(0);
}
const file = parsed.positionals[0];
if (file === undefined) fail(`chưa chỉ ra tệp cần đọc. ${USAGE_VI}`, `no file given. ${USAGE_EN}`);
let date: string | null = null;
try {
  if (parsed.values.date !== undefined) date = calendarDate(parsed.values.date, '--date');
} catch (e) {
  fail((e as CliError).message, (e as CliError).english);
}

// A relative path means the caller's folder (npm runs scripts from the project root).
const read = readRegularFile(argPath(file), file);
if (!read.ok) fail(read.message, read.english, 1);
const bytes = read.bytes;
if (bytes.length === 0) fail(`tệp "${file}" rỗng`, `file "${file}" is empty`);
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
} catch {
  fail(`tệp "${file}" không phải văn bản UTF-8 hợp lệ`, `file "${file}" is not valid UTF-8 text`);
}
if (text.includes('\u0000')) fail(`tệp "${file}" là tệp nhị phân, không phải văn bản`, `file "${file}" is binary, not text`);

const corpus = loadCorpus(root);
let province: string | null = null;
try {
  if (parsed.values.province !== undefined) province = knownProvince(parsed.values.province, corpus.registries.provinces);
} catch (e) {
  fail((e as CliError).message, (e as CliError).english);
}
const index = buildCorpusIndex(corpusEntriesFrom(corpus.documents), corpus.registries.provinces);
const refs = findReferences(text, index, { province, date });
const out = refs.map((r) => ({
  start: r.start,
  end: r.end,
  text: r.text,
  type: r.type,
  number: r.number,
  symbol: r.symbol,
  year: r.year,
  key: r.key,
  target: r.target,
  relation: r.relation,
}));
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
