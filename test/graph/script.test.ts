import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generatedSnapshot, tempCorpus } from './helpers.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/build-graph.ts');
const tmp = tempCorpus();
afterAll(() => tmp.remove());

const run = () => spawnSync(process.execPath, [SCRIPT, '--root', tmp.root], { encoding: 'utf8' });
const snapshot = () => generatedSnapshot(tmp.root);

describe('scripts/build-graph.ts', () => {
  it('writes byte-identical files on a rebuild, served from the cache, and prints the summary', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/7 văn bản/);
    expect(first.stdout).toMatch(/Đọc lại 9 nội dung, dùng bộ đệm 0/);
    const a = snapshot();
    expect(Object.keys(a)).toContain('documents/quyet-dinh-23-qd-tw-2021.html');
    const second = run();
    expect(second.stdout).toMatch(/Đọc lại 0 nội dung, dùng bộ đệm 9 \(liên kết lại 0\)/);
    expect(snapshot()).toEqual(a);
  });

  it('fails on a graph error and leaves the previous files in place', () => {
    const before = snapshot();
    tmp.edit('van-ban', 'quyet-dinh-290-qd-tw-2010', 'status: not-in-force', 'relations:\n  replaces: [quyet-dinh-23-qd-tw-2021]\nstatus: not-in-force');
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/van-ban\/quyet-dinh-(23|290)[^:]*\.mdx:\d+ .*replaces-cycle/);
    expect(snapshot()).toEqual(before);
  });
});
