/**
 * Character-level hygiene of a whole file (frontmatter and body): NFC, the look-alikes
 * normalizeText folds (Ð, odd dashes and slashes, odd and zero-width spaces), a BOM,
 * control characters and Windows line endings. Everything here but control characters
 * and line endings is repaired by `npm run check -- --fix`.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { normalizeText } from '../text/vietnamese.ts';
import { error, warning } from './context.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\r]/gu;
/** Bidirectional controls: text that displays differently from what it says (see content/field-safety.ts). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const FIX_HINT = 'chạy "npm run check -- --fix" để sửa';

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const NAMES: Record<string, string> = {
  '\u00A0': 'khoảng trắng không ngắt dòng',
  '\u200B': 'khoảng trắng độ rộng 0',
  '\u200C': 'ký tự nối độ rộng 0',
  '\u200D': 'ký tự nối độ rộng 0',
  '\u2060': 'ký tự nối từ vô hình',
  '\uFEFF': 'BOM / khoảng trắng độ rộng 0',
  '\u00AD': 'gạch nối mềm vô hình',
  '\u2013': 'gạch ngang ngắn',
  '\u2014': 'gạch ngang dài',
  '\u2212': 'dấu trừ',
};

function describe(ch: string): string {
  const name = NAMES[ch];
  const shown = /\p{L}|\p{P}|\p{S}/u.test(ch) ? ` "${ch}"` : '';
  return `${codePoint(ch)}${shown}${name ? ` (${name})` : ''}`;
}

function listed(items: string[], max = 5): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} và ${items.length - max} chỗ khác` : items.join(', ');
}

/** 1-based column of the first letter whose combining marks NFC would compose; 0 if none. */
function firstNonNfcColumn(text: string): number {
  for (const m of text.matchAll(/\P{M}\p{M}+/gu)) if (m[0].normalize('NFC') !== m[0]) return m.index + 1;
  return 0;
}

/** Problems of one line; `n` is its 1-based number, `text` has no line terminator. */
function checkLine(file: string, n: number, text: string, out: Diagnostic[]): void {
  if (text.normalize('NFC') !== text) {
    const col = firstNonNfcColumn(text);
    out.push(error(file, n, undefined, 'text-not-nfc',
      `chữ có dấu gõ tách rời (không phải Unicode dựng sẵn NFC)${col ? ` từ cột ${col}` : ''}: tìm kiếm và trích dẫn sẽ không khớp; ${FIX_HINT}`));
  }
  const nfc = text.normalize('NFC');
  if (normalizeText(nfc) !== nfc) {
    const eth: string[] = [];
    const others: string[] = [];
    let col = 1;
    for (const ch of nfc) {
      if (ch === '\u00D0') eth.push(`cột ${col}`);
      else {
        const fixed = normalizeText(ch);
        if (fixed !== ch) others.push(`${describe(ch)} ở cột ${col} (${fixed ? `thành "${fixed}"` : 'bỏ đi'})`);
      }
      col += ch.length;
    }
    if (eth.length) {
      out.push(error(file, n, undefined, 'text-eth',
        `chữ "Ð" (U+00D0, chữ eth) thay cho "Đ" (U+0110) ở ${listed(eth)}; ${FIX_HINT}`));
    }
    if (others.length) {
      out.push(warning(file, n, undefined, 'text-lookalike', `ký tự dễ nhầm: ${listed(others)}; ${FIX_HINT}`));
    }
  }
  CONTROL.lastIndex = 0;
  const controls: string[] = [];
  for (const m of text.matchAll(CONTROL)) controls.push(`${codePoint(m[0])} ở cột ${m.index + 1}`);
  if (controls.length) {
    out.push(warning(file, n, undefined, 'control-char', `ký tự điều khiển ${listed(controls)}; xoá đi (thường do sao chép từ PDF hay Word)`));
  }
  const bidi = [...text.matchAll(BIDI)].map((m) => `${codePoint(m[0])} ở cột ${m.index + 1}`);
  if (bidi.length) {
    out.push(error(file, n, undefined, 'text-bidi-control', `ký tự điều khiển chiều viết ${listed(bidi)} làm chữ hiển thị khác với nội dung thật; xoá đi`));
  }
}

/** Character-level problems of a whole file, with 1-based lines. */
export function checkText(file: string, raw: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    out.push(warning(file, 1, undefined, 'text-bom', `tệp bắt đầu bằng BOM (U+FEFF); ${FIX_HINT}`));
    text = text.slice(1);
  }
  const lines = text.split('\n');
  let crlf = 0;
  let firstCrlf = 0;
  lines.forEach((line, i) => {
    let body = line;
    if (body.endsWith('\r')) {
      crlf++;
      if (!firstCrlf) firstCrlf = i + 1;
      body = body.slice(0, -1);
    }
    // Cheap test first: most lines are clean, and bodies can be a megabyte.
    if (normalizeText(body) === body && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\r\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(body)) return;
    checkLine(file, i + 1, body, out);
  });
  if (crlf) {
    out.push(warning(file, firstCrlf, undefined, 'crlf',
      `tệp xuống dòng kiểu Windows (CRLF) ở ${crlf} dòng; nên lưu với LF (cấu hình trình soạn thảo: "LF")`));
  }
  return out;
}
