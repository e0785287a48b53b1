/**
 * npm run --silent refs -- FILE [--province ID] [--date YYYY-MM-DD]
 * (scripts/refs.ts runs it as a CLI; tests run it in-process.)
 *
 * Prints the directive references of a UTF-8 plain-text file as a JSON array (one object
 * per mention: start, end, text, type, number, symbol, year, key, target, plus relation).
 * Offsets are UTF-16 code units into the file's text exactly as read: a byte-order mark,
 * if present, is kept as the character U+FEFF at offset 0 (so offsets match Node's and
 * Python's reading of the file), and CRLF line ends are kept as two characters.
 * The corpus index is built from content/ (which may be empty: references then keep the
 * identity written in the text, and `target` is null).
 */
import type { CommandIO } from '../command-io.ts';
import { argPath, calendarDate, CliError, isHelp, knownProvince, parseCommandLine } from '../command-line.ts';
import { loadCorpus } from '../content/corpus.ts';
import { readRegularFile } from '../files/input.ts';
import { buildCorpusIndex, corpusEntriesFrom, findReferences } from './index.ts';

/** A refusal: printed as "Lỗi: …" / "Error: …" (callers may be scripts that read English), with its exit code. */
class Refusal extends Error {
  readonly vi: string;
  readonly en: string;
  readonly code: number;
  constructor(vi: string, en: string, code: number) {
    super(en);
    this.vi = vi;
    this.en = en;
    this.code = code;
  }
}
/** Exit code 2: the command line is wrong; 1: the file cannot be read as asked. */
function fail(vi: string, en: string, code = 2): never {
  throw new Refusal(vi, en, code);
}

const USAGE_VI = 'cách dùng: npm run --silent refs -- TỆP [--province MÃ_TỈNH] [--date YYYY-MM-DD]';
const USAGE_EN = 'usage: npm run --silent refs -- FILE [--province ID] [--date YYYY-MM-DD]';
const SPEC = {
  usage: `${USAGE_VI}\n${USAGE_EN}`,
  options: { province: { type: 'string' }, date: { type: 'string' } },
  positionals: { max: 1 },
} as const;

/** A bad option value: both languages, exit code 2. */
function validated<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof CliError) fail(e.message, e.english);
    throw e;
  }
}

/**
 * Runs `npm run refs` with these arguments; returns the exit code. A relative FILE is
 * read from io.cwd (the caller's folder); the corpus index comes from projectRoot's content/.
 */
export function runRefsCommand(argv: string[], io: Pick<CommandIO, 'out' | 'err' | 'cwd'>, projectRoot: string): number {
  try {
    let parsed;
    try {
      parsed = parseCommandLine(argv, SPEC);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      fail(`${e.message}. ${USAGE_VI}`, `${e.english}. ${USAGE_EN}`);
    }
    if (isHelp(parsed)) {
      io.out(SPEC.usage);
      return 0;
    }
    const file = parsed.positionals[0];
    if (file === undefined) fail(`chưa chỉ ra tệp cần đọc. ${USAGE_VI}`, `no file given. ${USAGE_EN}`);
    const date = parsed.values.date === undefined ? null : validated(() => calendarDate(parsed.values.date!, '--date'));

    // Regular files only, bounded: /dev/zero or a 10 GB file is refused before it is read.
    const read = readRegularFile(argPath(file, io.cwd), file);
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

    const corpus = loadCorpus(projectRoot);
    const province = parsed.values.province === undefined ? null : validated(() => knownProvince(parsed.values.province!, corpus.registries.provinces));
    const index = buildCorpusIndex(corpusEntriesFrom(corpus.documents), corpus.registries.provinces, corpus.registries.namedDocuments);
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
    io.out(JSON.stringify(out, null, 2));
    return 0;
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    io.err(`Lỗi: ${e.vi}\nError: ${e.en}`);
    return e.code;
  }
}
