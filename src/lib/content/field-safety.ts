/**
 * Rules for every text value of a frontmatter or registry file, whatever its field, applied
 * when the file is read (loadCorpus), before the schema: so the check, the graph build and
 * the site all see the same safe values, and a field added to a schema later is covered too.
 *
 *  - Control characters (NUL, U+0008, U+000B … written as YAML escapes like "\0" or "\v")
 *    make feed.xml not well-formed; bidirectional controls (U+202E, U+2066 …) make text
 *    display differently from what it says. Both are errors; the characters are removed
 *    from the value that is read, so nothing downstream ever sees them.
 *  - Each field has a length limit, as an error: a five-million-character title would be
 *    copied into a dozen pages, feeds and indexes. (Shorter but unusual lengths are only
 *    warned about by the check's completeness rules.)
 */
import type { Diagnostic } from '../diagnostics.ts';

/**
 * C0 controls but tab, line feed and carriage return; DEL and C1 controls; bidirectional
 * marks, embeddings, overrides and isolates; the two non-characters XML forbids; lone
 * surrogate halves (a YAML "\uD800").
 */
export const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\p{Cs}]/gu;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Maximum length in characters of a field, by its name; other text fields get DEFAULT_MAX_LENGTH. */
export const MAX_FIELD_LENGTH: Readonly<Record<string, number>> = {
  title: 2000,
  number: 100,
  signer: 500,
  publisher: 500,
  name: 500,
  aliases: 500,
  codes: 50,
  summary: 3000,
};
export const DEFAULT_MAX_LENGTH = 5000;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The field name a limit is looked up by: the last key of the path ("sources.0.title" → "title", "aliases.2" → "aliases"). */
function fieldName(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

export interface FieldSafety {
  /** The data with unsafe characters removed from every string. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** True when a field is over its limit: the file is not loaded (as for a schema error). */
  tooLong: boolean;
}

/** Applies the rules to parsed YAML data; `lineOf` gives the file line of a field path. */
export function checkFieldText(data: unknown, file: string, lineOf: (path: (string | number)[]) => number): FieldSafety {
  const diagnostics: Diagnostic[] = [];
  let tooLong = false;
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') {
      const field = path.join('.') || undefined;
      const name = fieldName(path);
      const max = MAX_FIELD_LENGTH[name] ?? DEFAULT_MAX_LENGTH;
      if (value.length > max) {
        tooLong = true;
        diagnostics.push({
          severity: 'error',
          file,
          line: lineOf(path),
          field,
          code: 'field-over-limit',
          message: `${name || 'giá trị'} dài ${value.length.toLocaleString('vi')} ký tự, quá giới hạn ${max.toLocaleString('vi')}; có lẽ đã dán nhầm cả đoạn văn bản`,
        });
        return value;
      }
      UNSAFE_TEXT.lastIndex = 0;
      if (!UNSAFE_TEXT.test(value)) return value;
      const found = [...new Set(value.match(UNSAFE_TEXT)!.map(codePoint))];
      const bidi = found.some((c) => BIDI.test(String.fromCodePoint(parseInt(c.slice(2), 16))));
      diagnostics.push({
        severity: 'error',
        file,
        line: lineOf(path),
        field,
        code: bidi ? 'text-bidi-control' : 'text-control-char',
        message:
          `${bidi ? 'ký tự điều khiển chiều viết' : 'ký tự điều khiển'} ${found.slice(0, 5).join(', ')} không được phép trong trường văn bản ` +
          `(${bidi ? 'làm chữ hiển thị khác với nội dung thật' : 'làm hỏng feed.xml và trang'}; thường viết bằng mã thoát YAML như "\\0", "\\v", "\\u202E"). Đã bỏ khi đọc; hãy xoá khỏi tệp`,
      });
      return value.replace(UNSAFE_TEXT, '');
    }
    // Containers are copied only when a value inside changed (most files have nothing to clean).
    if (Array.isArray(value)) {
      const items = value.map((v, i) => visit(v, [...path, i]));
      return items.every((v, i) => v === value[i]) ? value : items;
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]) => [k, v, visit(v, [...path, k])] as const);
      if (entries.every(([, before, after]) => before === after)) return value;
      const out: Record<string, unknown> = {};
      // defineProperty: a "__proto__" key stays a plain key (the schema then refuses it).
      for (const [k, , v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    }
    return value;
  };
  const cleaned = visit(data, []);
  return { data: cleaned, diagnostics, tooLong };
}
