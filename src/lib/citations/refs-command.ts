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
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIO } from '../command-io.ts';
import { loadCorpus } from '../content/corpus.ts';
import { buildCorpusIndex, corpusEntriesFrom, findReferences } from './index.ts';

/** A refusal: printed as "Lỗi: …" / "Error: …", exit code 2. */
class Refusal extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(vi: string, en: string) {
    super(en);
    this.vi = vi;
    this.en = en;
  }
}
function fail(vi: string, en: string): never {
  throw new Refusal(vi, en);
}

const USAGE_VI = 'cách dùng: npm run --silent refs -- TỆP [--province MÃ_TỈNH] [--date YYYY-MM-DD]';
const USAGE_EN = 'usage: npm run --silent refs -- FILE [--province ID] [--date YYYY-MM-DD]';

/**
 * Runs `npm run refs` with these arguments; returns the exit code. A relative FILE is
 * read from io.cwd; the corpus index comes from projectRoot's content/.
 */
export function runRefsCommand(argv: string[], io: Pick<CommandIO, 'out' | 'err' | 'cwd'>, projectRoot: string): number {
  try {
    let file: string | null = null;
    let province: string | null = null;
    let date: string | null = null;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--province' || a === '--date') {
        const v = argv[++i];
        if (!v) fail(`thiếu giá trị sau ${a}. ${USAGE_VI}`, `missing value after ${a}. ${USAGE_EN}`);
        if (a === '--province') province = v;
        else {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`ngày "${v}" không đúng dạng YYYY-MM-DD`, `date "${v}" is not YYYY-MM-DD`);
          date = v;
        }
      } else if (a === '-h' || a === '--help') {
        io.out(`${USAGE_VI}\n${USAGE_EN}`);
        return 0;
      } else if (a.startsWith('--')) {
        fail(`tùy chọn không hợp lệ "${a}". ${USAGE_VI}`, `unknown option "${a}". ${USAGE_EN}`);
      } else if (file === null) file = a;
      else fail(`chỉ nhận một tệp. ${USAGE_VI}`, `only one file is accepted. ${USAGE_EN}`);
    }
    if (file === null) fail(`chưa chỉ ra tệp cần đọc. ${USAGE_VI}`, `no file given. ${USAGE_EN}`);

    const path = resolve(io.cwd, file);
    let bytes: Buffer;
    try {
      const st = statSync(path);
      if (st.isDirectory()) fail(`"${file}" là thư mục, không phải tệp văn bản`, `"${file}" is a directory, not a text file`);
      bytes = readFileSync(path);
    } catch (e) {
      if (e instanceof Refusal) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') fail(`không tìm thấy tệp "${file}"`, `file not found: "${file}"`);
      if (code === 'EACCES') fail(`không có quyền đọc tệp "${file}"`, `permission denied: "${file}"`);
      fail(`không đọc được tệp "${file}" (${code ?? 'lỗi không rõ'})`, `cannot read "${file}" (${code ?? 'unknown error'})`);
    }
    if (bytes.length === 0) fail(`tệp "${file}" rỗng`, `file "${file}" is empty`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      fail(`tệp "${file}" không phải văn bản UTF-8 hợp lệ`, `file "${file}" is not valid UTF-8 text`);
    }
    if (text.includes('\u0000')) fail(`tệp "${file}" là tệp nhị phân, không phải văn bản`, `file "${file}" is binary, not text`);

    const corpus = loadCorpus(projectRoot);
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
    return 2;
  }
}
