/**
 * Reading a file named by a user: only a regular file, only up to a size, and as UTF-8
 * that is checked byte by byte. `refs /dev/zero` would otherwise read forever, and a
 * title with bytes that are not UTF-8 would silently become U+FFFD.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { errnoCode, fileErrorMessage } from './errors.ts';

/** Largest input file the tools read (a directive is a few hundred kilobytes; the engine is measured to 50 MB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A refusal says why in Vietnamese (`message`) and in English (`english`, for refs, whose callers may be scripts). */
export type ReadOutcome = { ok: true; bytes: Buffer } | { ok: false; message: string; english: string };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

function tooLarge(shown: string, vi: string, en: string): ReadOutcome {
  return { ok: false, message: `tệp "${shown}" quá lớn (${vi})`, english: `file "${shown}" is too large (${en})` };
}

function failure(e: unknown, shown: string): ReadOutcome {
  const code = errnoCode(e);
  const english = code === 'ENOENT' ? `file not found: "${shown}"` : code === 'EACCES' ? `permission denied: "${shown}"` : `cannot read "${shown}" (${code ?? String(e)})`;
  return { ok: false, message: code === 'ENOENT' ? `không tìm thấy tệp "${shown}"` : fileErrorMessage(e, 'đọc được tệp', shown), english };
}

/**
 * The bytes of `path` when it is a regular file (a link to one is fine) of at most
 * `maxBytes`; otherwise a sentence saying why not. `shown` is the name used in messages.
 */
export function readRegularFile(path: string, shown: string, maxBytes = MAX_INPUT_BYTES): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a pipe with no writer would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return failure(e, shown);
  }
  try {
    // The type and size of what was opened, not of what the name pointed at a moment before.
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: `"${shown}" là thư mục, không phải tệp văn bản`, english: `"${shown}" is a directory, not a text file` };
    if (!st.isFile()) {
      return { ok: false, message: `"${shown}" không phải tệp thường (thiết bị, ống hay socket); hãy chỉ ra một tệp văn bản`, english: `"${shown}" is not a regular file (a device, pipe or socket)` };
    }
    if (st.size > maxBytes) return tooLarge(shown, `${mb(st.size)}; tối đa ${mb(maxBytes)}`, `${mb(st.size)}; at most ${mb(maxBytes)}`);
    // Read to the end, but never past the limit: a file may grow while it is read.
    const bytes = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) return tooLarge(shown, `hơn ${mb(maxBytes)}`, `over ${mb(maxBytes)}`);
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { ok: true, bytes: bytes.subarray(0, length) };
  } catch (e) {
    return failure(e, shown);
  } finally {
    closeSync(fd);
  }
}

/** Byte offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: length and the allowed range of the second byte (no overlongs, no surrogates, ≤ U+10FFFF).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Whether the bytes begin with the UTF-8 byte-order mark (EF BB BF). */
export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The text of UTF-8 bytes, or the 1-based line and column (in bytes) of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number; column: number } {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { ok: false, line, column: bad - lineStart + 1 };
}
