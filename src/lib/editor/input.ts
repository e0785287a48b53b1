/**
 * Reading a plain-text directive as cadres receive it: bytes → lines. Copies come from
 * Word, PDFs and web pages, so the byte-order mark, Windows line endings and decomposed
 * (NFD) Vietnamese are normal and must not change what the importer sees.
 */
import { normalizeText } from '../text/vietnamese.ts';

export interface SourceLine {
  /** 1-based line number in the input file. */
  n: number;
  /** The line in canonical character form (NFC, dash/space look-alikes), right-trimmed. */
  text: string;
}

export type DecodeResult =
  | { ok: true; text: string; lines: SourceLine[] }
  | { ok: false; code: 'empty' | 'binary' | 'not-utf8'; message: string };

/** Decodes the bytes of a text file, rejecting what is not a UTF-8 text. */
export function decodePlainText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'tệp rỗng, không có nội dung để nhập' };
  // A NUL byte never occurs in a UTF-8 text file; it is the surest sign of a binary file.
  if (bytes.includes(0)) {
    return { ok: false, code: 'binary', message: 'tệp nhị phân (ví dụ .doc, .pdf), không phải văn bản thuần; hãy lưu lại dưới dạng .txt UTF-8' };
  }
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      code: 'not-utf8',
      message: 'tệp không phải UTF-8 (có thể là bảng mã TCVN3/VNI hoặc Windows-1258); hãy mở bằng trình soạn thảo và lưu lại với bảng mã UTF-8',
    };
  }
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n').map((line, i) => ({ n: i + 1, text: normalizeText(line).replace(/\s+$/, '') }));
  if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) {
    return { ok: false, code: 'empty', message: 'tệp không có chữ nào (chỉ có khoảng trắng hoặc dấu câu)' };
  }
  return { ok: true, text, lines };
}
