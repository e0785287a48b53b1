import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyCache, bodyDataJson, changedBuckets, parseBodyData, touches, writeBodyCache, type BodyData, type CacheCorpus } from '../../src/lib/graph/body-cache.ts';
import { buildCorpusIndex, extractReferences } from '../../src/lib/citations/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'danvan-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = (sentence: string): BodyData => ({
  mentions: [{ ref: { text: 'Chỉ thị số 33/CT-TTg', type: 'chi-thi', number: '33', symbol: 'CT-TTg', year: 2021, province: null, issuerText: null, key: '33/CT-TTg@2021', target: null, candidates: [], named: false, relation: 'cites' }, evidence: { sentence, heading: null, anchor: null, line: 3 } }],
  links: { documents: [], unsafe: [] },
});

describe('body cache', () => {
  const corpus = (fingerprint: string): CacheCorpus => ({ fingerprint, entries: [], registries: 'r' });
  const writeNow = (path: string, bytes: Uint8Array) => writeFileSync(path, bytes);

  it('reads back every entry, from text or bytes, and writes a reused entry back byte for byte', () => {
    const a = data('Câu có\ttab, "ngoặc" và\nxuống dòng 😀');
    const b = data('Thực hiện Chỉ thị số 33/CT-TTg.');
    const one = join(dir, 'one');
    const entries = [
      { key: 'a1', resolution: 'r1', buckets: '33', json: bodyDataJson(a) },
      { key: 'b2', resolution: '', buckets: '*', json: Buffer.from(bodyDataJson(b)) },
    ];
    writeBodyCache(one, entries, new Set(['a', 'b']), corpus('c1'), '', writeNow);
    const cache = BodyCache.read(one);
    expect(cache.size).toBe(2);
    expect(cache.corpus).toBe('c1');
    expect(cache.data('a1')).toEqual(a);
    expect(cache.data('b2')).toEqual(b);
    expect(cache.data('k3')).toBeUndefined();
    // The resolution digest and the buckets are read without the entry.
    expect([cache.resolution('a1'), cache.resolution('b2'), cache.resolution('k3')]).toEqual(['r1', '', undefined]);
    expect([cache.buckets('a1'), cache.buckets('b2')]).toEqual(['33', '*']);
    const two = join(dir, 'two');
    writeBodyCache(two, entries.map((e) => ({ ...e, json: cache.json(e.key)! })), new Set(['a', 'b']), corpus('c1'), '', writeNow);
    expect(BodyCache.read(two).data('a1')).toEqual(a);
    expect(readFileSync(join(two, 'bodies-a.txt'))).toEqual(readFileSync(join(one, 'bodies-a.txt')));
  });

  it('rewrites only the shards it is told to, and forgets the corpus while digests of a new one are being written', () => {
    const three = join(dir, 'three');
    const entries = [
      { key: 'a1', resolution: 'r1', buckets: '', json: bodyDataJson(data('x')) },
      { key: 'b1', resolution: 'r2', buckets: '', json: bodyDataJson(data('y')) },
    ];
    writeBodyCache(three, entries, new Set(['a', 'b']), corpus('c1'), '', writeNow);
    const before = statSync(join(three, 'bodies-b.txt')).mtimeMs;
    let corpusSeenWhileWriting: string | null = null;
    writeBodyCache(three, [{ ...entries[0]!, resolution: 'r9' }, entries[1]!], new Set(['a']), corpus('c2'), 'c1', (path, bytes) => {
      if (path.endsWith('bodies-a.txt')) corpusSeenWhileWriting = BodyCache.read(three).corpus;
      writeNow(path, bytes);
    });
    expect(corpusSeenWhileWriting).toBe('');
    const after = BodyCache.read(three);
    expect([after.corpus, after.resolution('a1'), after.resolution('b1')]).toEqual(['c2', 'r9', 'r2']);
    expect(statSync(join(three, 'bodies-b.txt')).mtimeMs).toBe(before);
  });

  it('is empty when the folder is missing, and leaves out (and names) shards of another version or cut short', () => {
    expect(BodyCache.read(join(dir, 'none')).size).toBe(0);
    const four = join(dir, 'four');
    const entries = [{ key: 'a1', resolution: 'r', buckets: '', json: bodyDataJson(data('x')) }, { key: 'a2', resolution: 'r', buckets: '', json: bodyDataJson(data('y')) }, { key: 'b1', resolution: 'r', buckets: '', json: bodyDataJson(data('z')) }];
    writeBodyCache(four, entries, new Set(['a', 'b']), corpus('c'), '', writeNow);
    const bytes = readFileSync(join(four, 'bodies-a.txt'));
    // Shards are written whole (temporary file, then renamed): one cut short was damaged since, and all of it goes.
    writeFileSync(join(four, 'bodies-a.txt'), bytes.subarray(0, bytes.length - 20));
    const said: string[] = [];
    const cut = BodyCache.read(four, (m) => said.push(m));
    expect([...cut.keys()]).toEqual(['b1']);
    expect(cut.unusable).toEqual(new Set(['a']));
    expect(said.join('\n')).toMatch(/bodies-a\.txt/);
    expect(cut.data('b1')).toEqual(data('z'));
    writeFileSync(join(four, 'bodies-a.txt'), Buffer.concat([Buffer.from('danvan-body-cache 1\n'), bytes.subarray(bytes.indexOf(0x0a) + 1)]));
    expect([...BodyCache.read(four).keys()]).toEqual(['b1']);
  });

  it("reads a shard's JSON only when an entry of it is asked for, from the file it read the index of", () => {
    const five = join(dir, 'five');
    const x = data('Thực hiện Chỉ thị số 33/CT-TTg.');
    writeBodyCache(five, [{ key: 'a1', resolution: 'r', buckets: '33', json: bodyDataJson(x) }], new Set(['a']), corpus('c'), '', writeNow);
    const cache = BodyCache.read(five);
    // Replaced on disk after the index was read (another build): the open file still gives this entry.
    writeBodyCache(five, [{ key: 'a1', resolution: 's', buckets: '', json: bodyDataJson(data('khác')) }], new Set(['a']), corpus('c'), 'c', (path, bytes) => {
      writeFileSync(`${path}.new`, bytes);
      renameSync(`${path}.new`, path);
    });
    expect([cache.resolution('a1'), cache.buckets('a1')]).toEqual(['r', '33']);
    expect(cache.data('a1')).toEqual(x);
    cache.close();
    expect(BodyCache.read(five).resolution('a1')).toBe('s');
  });

  it('resolves again only bodies whose mentions share a number with a document that changed', () => {
    const entry = (id: string, number: string | null) => ({ id, type: 'chi-thi' as const, number, year: 2020, issued: '2020-01-01', issuer: 'x', province: null, aliases: [] });
    const before = [entry('a', '33/CT-TTg'), entry('b', '16/CT-TTg')];
    const changed = changedBuckets(before, [...before, entry('c', '05/CT-TTg')]);
    expect(touches('5', changed)).toBe(true);
    expect(touches('16 33', changed)).toBe(false);
    expect(touches('', changed)).toBe(false);
    // A mention read by name may consult any document.
    expect(touches('*', changed)).toBe(true);
    expect(touches('*', changedBuckets(before, before))).toBe(false);
    // Removed, and changed in place (another date), count too.
    expect(touches('33', changedBuckets(before, [before[1]!]))).toBe(true);
    expect(touches('16', changedBuckets(before, [before[0]!, { ...before[1]!, issued: '2020-02-02' }]))).toBe(true);
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
