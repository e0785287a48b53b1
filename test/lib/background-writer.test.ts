import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackgroundWriter } from '../../src/lib/files/background-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'danvan-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('background writer', () => {
  it('writes text and transferred bytes whole, leaving no temporary file', async () => {
    const writer = startBackgroundWriter();
    const bytes = new Uint8Array(Buffer.from('Đảng ủy — bytes'));
    writer.write(join(dir, 'a.txt'), 'Chỉ thị số 33/CT-TTg\n'.repeat(10_000));
    writer.write(join(dir, 'b.txt'), bytes, { transfer: true });
    await writer.close();
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('Chỉ thị số 33/CT-TTg\n'.repeat(10_000));
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('Đảng ủy — bytes');
    expect(bytes.byteLength).toBe(0); // moved, not copied
    expect(existsSync(join(dir, 'a.txt.tmp'))).toBe(false);
  });

  it('copies a small pooled Buffer asked to be transferred, and close() still resolves', async () => {
    const writer = startBackgroundWriter();
    const pooled = Buffer.from('{"nodes":[]}'); // small Buffers share Node's pool, which cannot move
    writer.write(join(dir, 'pooled.json'), pooled, { transfer: true });
    await writer.close();
    expect(readFileSync(join(dir, 'pooled.json'), 'utf8')).toBe('{"nodes":[]}');
    expect(pooled.toString()).toBe('{"nodes":[]}'); // copied, still usable here
  });

  it('copies ranges of another file into the new one, and refuses a source that is no longer the file the ranges were read from', async () => {
    const source = join(dir, 'old.bundle');
    writeFileSync(source, 'đầu|giữa|cuối');
    const st = statSync(source);
    const range = (start: number, end: number) => ({ file: source, size: st.size, ino: st.ino, start, end });
    const at = (text: string) => Buffer.byteLength(text);
    const writer = startBackgroundWriter();
    // The same file replaced by pieces of itself, as a bundle after one change is.
    writer.write(source, [range(at('đầu|'), at('đầu|giữa')), Buffer.from('+mới+'), range(0, at('đầu'))]);
    await writer.close();
    expect(readFileSync(source, 'utf8')).toBe('giữa+mới+đầu');

    const stale = startBackgroundWriter();
    writeFileSync(join(dir, 'target.txt'), 'trước');
    stale.write(join(dir, 'target.txt'), [range(0, 3)]);
    await expect(stale.close()).rejects.toThrow(/changed while it was being copied/);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('trước');
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('reports a file it could not write, naming it, after writing the others', async () => {
    const writer = startBackgroundWriter();
    writer.write(join(dir, 'missing-folder', 'x.txt'), 'x');
    writer.write(join(dir, 'c.txt'), 'c');
    await expect(writer.close()).rejects.toThrow(/missing-folder\/x\.txt/);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('c');
  });
});
