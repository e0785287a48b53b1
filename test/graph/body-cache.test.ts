import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyCache, bodyCacheBytes, bodyDataJson, parseBodyData, type BodyData } from '../../src/lib/graph/body-cache.ts';
import { buildCorpusIndex, extractReferences } from '../../src/lib/citations/index.ts';

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

  it('stores extracted mentions compactly and reads them back exactly (nulls, flags, named references, own header, kept text)', () => {
    const index = buildCorpusIndex([{ id: 'nq-x', type: 'nghi-quyet', number: null, year: 2021, issued: '2021-02-01', issuer: 'ban-chap-hanh-trung-uong', province: null, aliases: ['Nghị quyết Đại hội XIII'] }]);
    const raw = extractReferences(
      'Số: 45/KH-UBND\nTheo Nghị quyết Đại hội XIII và Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ (sau đây gọi tắt là Chỉ thị 33), Chỉ thị 33 nêu rõ; Luật Khiếu nại; Quyết định 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013; Nghị quyết số 25-NQ/TW về công tác dân vận.',
      index,
    );
    expect(raw.mentions.length).toBeGreaterThan(4);
    expect(raw.mentions.some((m) => m.named?.kind === 'alias')).toBe(true);
    // The header's own number, and the text kept for the colliding 25-NQ/TW.
    expect(raw.self.numbers).toHaveLength(1);
    expect(raw.text).not.toBeNull();
    const entry: BodyData = { ...data('x'), raw, resolution: 'abc' };
    const json = bodyDataJson(entry);
    expect(json.length).toBeLessThan(JSON.stringify(entry).length);
    expect(parseBodyData(json)).toStrictEqual(entry);
  });
});
