import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyCache, bodyCacheBytes, bodyDataJson, type BodyData } from '../../src/lib/graph/body-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'danvan-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = (sentence: string): BodyData => ({
  mentions: [{ ref: { text: 'Chỉ thị số 33/CT-TTg', type: 'chi-thi', number: '33', symbol: 'CT-TTg', year: 2021, province: null, issuerText: null, key: '33/CT-TTg@2021', target: null, candidates: [], named: false, relation: 'cites' }, evidence: { sentence, heading: null, anchor: null, line: 3 } }],
  links: { documents: [], unsafe: [] },
});

describe('body cache', () => {
  it('reads back every entry, from text or bytes, and writes a reused entry back byte for byte', () => {
    const a = data('Câu có\ttab, "ngoặc" và\nxuống dòng 😀');
    const b = data('Thực hiện Chỉ thị số 33/CT-TTg.');
    const path = join(dir, 'one.txt');
    writeFileSync(path, bodyCacheBytes([['k1', bodyDataJson(a)], ['k2', Buffer.from(bodyDataJson(b))]]));
    const cache = BodyCache.read(path);
    expect(cache.size).toBe(2);
    expect(cache.data('k1')).toEqual(a);
    expect(cache.data('k2')).toEqual(b);
    expect(cache.data('k3')).toBeUndefined();
    const again = join(dir, 'two.txt');
    writeFileSync(again, bodyCacheBytes([['k1', cache.json('k1')!], ['k2', cache.json('k2')!]]));
    expect(BodyCache.read(again).data('k1')).toEqual(a);
    expect(Buffer.from(bodyCacheBytes([['k1', cache.json('k1')!]]))).toEqual(Buffer.from(bodyCacheBytes([['k1', bodyDataJson(a)]])));
  });

  it('is empty when the file is missing, of another version or damaged', () => {
    expect(BodyCache.read(join(dir, 'none.txt')).size).toBe(0);
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ version: 2, entries: { k1: data('x') } }));
    expect(BodyCache.read(join(dir, 'old.json')).size).toBe(0);
    const damaged = join(dir, 'damaged.txt');
    writeFileSync(damaged, Buffer.concat([Buffer.from(bodyCacheBytes([['k1', bodyDataJson(data('x'))]])).subarray(0, 60)]));
    expect(BodyCache.read(damaged).data('k1')).toBeUndefined();
  });
});
