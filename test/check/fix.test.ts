/**
 * `--fix` normalises characters in place and nothing else: injected NFD text,
 * look-alikes and a BOM are undone byte for byte, line endings and every other file
 * stay as they were, and a second run changes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../src/lib/check/index.ts';
import { fixText } from '../../src/lib/check/fix.ts';
import { DOCS, TODAY, cleanup, contentSnapshot, copyGood, lineWith, read, replaceIn, write } from './helpers.ts';

afterAll(cleanup);

describe('--fix', () => {
  it('undoes character faults exactly, keeps CRLF, touches no other file', () => {
    const root = copyGood();
    const original = contentSnapshot(root);
    replaceIn(root, DOCS.d33, 'Các tỉnh xây dựng', 'Các tỉnh xây dựng'.normalize('NFD'));
    replaceIn(root, DOCS.d33, 'title: "Về tiếp tục', 'title: "Về\u00A0tiếp tục');
    replaceIn(root, DOCS.d16, 'Năm 2021', 'Năm\u200B 2021');
    replaceIn(root, DOCS.d16, 'giai đoạn 2016-2021', 'giai đoạn 2016\u20132021');
    replaceIn(root, DOCS.d290, 'Đã được thay thế', '\u00D0ã được thay thế');
    write(root, DOCS.d114, `\uFEFF${read(root, DOCS.d114)}`);
    // A CRLF file with one NFD line: the fix must not turn CRLF into LF.
    const crlf = read(root, DOCS.rec).replace(/\n/g, '\r\n');
    write(root, DOCS.rec, crlf.replace('Tỉnh báo cáo', 'Tỉnh báo cáo'.normalize('NFD')));

    const result = runCheck(root, { fix: true, today: TODAY });

    const after = contentSnapshot(root);
    for (const [file, bytes] of original) {
      const expected = file === DOCS.rec ? Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n')) : bytes;
      expect(after.get(file)?.equals(expected), file).toBe(true);
    }
    expect(result.fixes.map((f) => [f.file, f.lines.map((l) => l.line)]).sort()).toEqual(
      [
        [DOCS.d114, [1]],
        [DOCS.d16, [lineWith(root, DOCS.d16, 'giai đoạn 2016-2021'), lineWith(root, DOCS.d16, 'Năm 2021')]],
        [DOCS.d290, [lineWith(root, DOCS.d290, 'Đã được thay thế')]],
        [DOCS.d33, [lineWith(root, DOCS.d33, 'title: "Về tiếp tục'), lineWith(root, DOCS.d33, 'Các tỉnh xây dựng')]],
        [DOCS.rec, [lineWith(root, DOCS.rec, 'Tỉnh báo cáo')]],
      ].sort(),
    );
    // What remains after fixing is only what --fix must not change: the CRLF warning.
    const left = result.diagnostics.filter((d) => !['signer-missing', 'summary-missing'].includes(d.code));
    expect(left.map((d) => [d.file, d.code])).toEqual([[DOCS.rec, 'crlf']]);
    expect(runCheck(root, { fix: true, today: TODAY }).fixes).toEqual([]);
  });

  it('leaves control characters in place (they are reported, not guessed at)', () => {
    const root = copyGood();
    replaceIn(root, DOCS.d16, 'Chỉ thị giao cho', 'Chỉ thị\u0007 giao cho');
    const before = readFileSync(join(root, DOCS.d16));
    const result = runCheck(root, { fix: true, today: TODAY });
    expect(readFileSync(join(root, DOCS.d16)).equals(before)).toBe(true);
    expect(result.diagnostics.some((d) => d.code === 'control-char' && d.file === DOCS.d16)).toBe(true);
  });

  it('describes each change', () => {
    const { text, lines } = fixText('\uFEFFa\r\nĐ\u0110\u00D0 b\u2013c\n' + 'Chỉ'.normalize('NFD'));
    expect(text).toBe('a\r\nĐĐĐ b-c\nChỉ');
    expect(lines).toEqual([
      { line: 1, changes: ['bỏ BOM (U+FEFF) ở đầu tệp'] },
      { line: 2, changes: ['U+00D0 → "Đ"', 'U+2013 → "-"'] },
      { line: 3, changes: ['chuyển sang Unicode dựng sẵn (NFC)'] },
    ]);
  });
});
