/**
 * The search index of our own (src/lib/search/index-format.ts, build-index.ts, score.ts):
 * postings survive encoding, records are routed to the files of their words only, the
 * output is the same for the same input, and scoring follows fields and rarity.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSearchIndex } from '../../src/lib/search/build-index.ts';
import { buildExcerpt, queryTerms } from '../../src/lib/search/excerpt.ts';
import { htmlText } from '../../src/lib/search/html-text.ts';
import { gzipSync } from 'node:zlib';
import {
  decodeOrdinals,
  decodePostings,
  decodePresence,
  encodePackedFiles,
  encodePostings,
  fieldsApart,
  postingsForm,
  type FieldsPlace,
  type PostingsForm,
  exactCode,
  FIELD_NAME,
  FIELD_SUBJECT,
  FIELD_UNKNOWN,
  indexPath,
  textWords,
  type FilterFile,
  type Fragment,
  type Shard,
} from '../../src/lib/search/index-format.ts';
import { documentRecord, pageRecord, type SearchRecord } from '../../src/lib/search/record.ts';
import { fieldWeight, scoreRecords } from '../../src/lib/search/score.ts';
import { node } from '../course/graph-fixture.ts';

describe('postings', () => {
  /** Encodes as the builder does for `place` and decodes as the browser does. */
  const roundTrip = (ordinals: number[], fields: number[], place: FieldsPlace, pagesFrom = Infinity) => {
    const { text, fields: apart } = encodePackedFiles(
      ordinals.map((o, i) => o * 4 + fields[i]!),
      place,
      undefined,
      pagesFrom,
    );
    expect(decodeOrdinals(text)).toEqual(ordinals);
    // Without the bits file, the pages' bits are known and the others unknown.
    if (place === 'apart' && fieldsApart(text)) {
      const presence = decodePresence(text);
      expect(presence.ordinals).toEqual(ordinals);
      expect(presence.fields).toEqual(ordinals.map((o, i) => (o >= pagesFrom ? fields[i] : FIELD_UNKNOWN)));
    }
    if (place === 'none' && fieldsApart(text)) return null;
    if (place === 'apart') expect(fieldsApart(text)).toBe(apart !== null);
    return decodePostings(text, apart ?? undefined);
  };
  const lists = fc.oneof(
    fc.uniqueArray(fc.nat(1_000_000)), // sparse over a wide range
    fc.uniqueArray(fc.nat(200), { minLength: 64 }), // a bitmap
    fc.uniqueArray(fc.nat(300), { minLength: 290 }), // a complement
  );

  it('decode to what was encoded, in every form and wherever the field bits go', () => {
    fc.assert(
      fc.property(lists, fc.array(fc.integer({ min: 0, max: 3 })), fc.constantFrom<FieldsPlace>('inline', 'apart', 'none'), fc.nat(300), (raw, bits, place, pagesFrom) => {
        const ordinals = [...raw].sort((a, b) => a - b);
        const fields = ordinals.map((_, i) => bits[i % Math.max(1, bits.length)] ?? 0);
        const decoded = roundTrip(ordinals, fields, place, pagesFrom);
        if (decoded) expect(decoded).toEqual({ ordinals, fields });
      }),
    );
  });

  it('covers the edges: empty, every record, every record but one, the bits of each field', () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    for (const place of ['inline', 'apart'] as const) {
      expect(roundTrip([], [], place)).toEqual({ ordinals: [], fields: [] });
      for (const n of [1, 63, 64, 65, 100, 1000, 1001, 1002]) {
        const all = range(n);
        const fields = all.map((i) => (i * 7) % 4);
        expect(roundTrip(all, fields, place)).toEqual({ ordinals: all, fields });
        for (const gone of [0, n >> 1, n - 2]) {
          if (gone < 0 || n < 2) continue;
          const but = all.filter((i) => i !== gone);
          const f = but.map(() => FIELD_NAME | FIELD_SUBJECT);
          expect(roundTrip(but, f, place)).toEqual({ ordinals: but, fields: f });
        }
      }
    }
    // Whole lists of one field, and the last record alone carrying a field.
    const ordinals = Array.from({ length: 500 }, (_, i) => i * 2);
    for (const f of [0, FIELD_SUBJECT, FIELD_NAME, FIELD_NAME | FIELD_SUBJECT]) {
      const fields = ordinals.map((_, i) => (i === ordinals.length - 1 ? 3 - f : f));
      expect(roundTrip(ordinals, fields, 'apart')).toEqual({ ordinals, fields });
    }
  });

  it('writes each form as documented', () => {
    expect(encodePostings([0, 3, 12, 20], [0, 2, 1, 3])).toBe('0,14,37,35');
    expect(decodePostings('')).toEqual({ ordinals: [], fields: [] });
    // 64 of ordinals 0–99: a bitmap, six ordinals per digit; bits three records per digit.
    const even = Array.from({ length: 64 }, (_, i) => i * 2);
    const bitmap = encodePackedFiles(even.map((o) => o * 4 + 2), 'apart');
    expect(bitmap.text).toBe(`*${'V'.repeat(21)}B`);
    expect(bitmap.fields).toBe('q'.repeat(21) + 'C');
    // Every ordinal of 0–99 but 4 and 7: the complement.
    const but = Array.from({ length: 100 }, (_, i) => i).filter((i) => i !== 4 && i !== 7);
    expect(encodePostings(but, [], 'none')).toBe('!100:4,3');
    expect(encodePostings(but, but.map(() => 1)).startsWith('!100:4,3;VVV')).toBe(true);
  });

  it('chooses the form that is smallest after gzip where the rule says so', () => {
    // Random lists at a given share of 100,000 records with random field bits (mulberry32): the
    // form the rule picks is the smallest of the three, gzip as a host would send them.
    const random = (seed: number) => () => {
      let t = (seed = (seed + 0x6d2b79f5) | 0);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (const [share, expected] of [[0.01, 'sparse'], [0.2, 'bitmap'], [0.7, 'bitmap'], [0.995, 'complement']] as const) {
      const next = random(Math.round(share * 1000));
      const packed: number[] = [];
      for (let o = 0; o < 100_000; o++) if (next() < share) packed.push(o * 4 + Math.floor(next() * 4));
      const span = (packed.at(-1)! >> 2) + 1;
      const size = (form: PostingsForm) => gzipSync(encodePackedFiles(packed, 'inline', form).text).length;
      const sizes = { sparse: size('sparse'), bitmap: size('bitmap'), complement: size('complement') };
      expect(postingsForm(packed.length, span)).toBe(expected);
      expect(sizes[expected]).toBe(Math.min(...Object.values(sizes)));
    }
  });

  it('refuses unsorted ordinals and garbage', () => {
    expect(() => encodePostings([3, 3])).toThrow();
    expect(() => decodePostings('1,x')).toThrow();
    expect(() => decodePostings('*A$')).toThrow();
    expect(() => decodePostings('!10:12')).toThrow();
    // Field bits for the wrong number of records, or none at all where they are needed.
    expect(() => decodePostings('*P;A')).toThrow();
    expect(() => decodePostings('*P')).toThrow();
    expect(decodeOrdinals('*P')).toEqual([0, 1, 2, 3]);
  });
});

describe('words', () => {
  it('fold đ and tone marks into the word key and keep the spelling as an ASCII code', () => {
    expect(textWords('Đảng uỷ, 33/CT-TTg')).toEqual([
      ['dang', 'd9a3ng'],
      ['uy', 'u3y'],
      ['33', null],
      ['ct', null],
      ['ttg', null],
    ]);
    // Old and new tone placement are one spelling; NFD is NFC.
    expect(exactCode('uỷ')).toBe(exactCode('ủy'));
    expect(exactCode('Đảng'.normalize('NFD'))).toBe('d9a3ng');
    expect(exactCode('dang')).toBeNull();
    expect(exactCode('đang')).not.toBe(exactCode('đảng'));
  });

  it('reads the text of body HTML: entities decoded, scripts dropped', () => {
    expect(htmlText('<p>a&amp;b&#273;</p><script>var x = "Đ"</script>').replace(/\s+/g, ' ').trim()).toBe('a&bđ');
  });
});

const names = {
  issuer: (id: string) => ({ 'bo-chinh-tri': 'Bộ Chính trị', 'tinh-uy-ha-tinh': 'Tỉnh ủy Hà Tĩnh' })[id],
  province: (id: string) => ({ 'ha-tinh': 'Hà Tĩnh' })[id],
  topic: (id: string) => ({ 'dan-chu-co-so': 'Dân chủ ở cơ sở' })[id],
};
const law = node({ id: 'luat-10-2022-qh15-2022', type: 'luat', number: '10/2022/QH15', issued: '2022-11-10', citation: 'x', title: 'Luật Thực hiện dân chủ ở cơ sở', topics: ['dan-chu-co-so'] });
const directive = node({ id: 'chi-thi-30-ct-tw-1998', type: 'chi-thi', number: '30-CT/TW', issued: '1998-02-18', citation: 'x', title: 'Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở', summary: 'Chỉ thị của Bộ Chính trị.' });
const local = node({ id: 'ke-hoach-1-kh-tu-2023-ha-tinh', type: 'ke-hoach', number: '1-KH/TU', issued: '2023-03-01', citation: 'x', title: 'Về công tác dân vận', province: 'ha-tinh', issuer: 'tinh-uy-ha-tinh', level: 'tinh' });
const BODY = '<h2 id="a">Mục 1</h2><p>Đoạn mở đầu về nhiều việc.</p><p>Các cấp ủy phải tổ chức hội nghị cộng đồng dân cư mỗi năm.</p>';
const records = (): SearchRecord[] => [
  documentRecord(directive, names, '<p>Đảng lãnh đạo.</p>'),
  documentRecord(law, names, BODY),
  documentRecord(local, names, ''),
  pageRecord({ url: 'chu-de/dan-chu-co-so/', title: 'Dân chủ ở cơ sở', kind: 'Chủ đề' }),
];

describe('the built index', () => {
  const built = buildSearchIndex(records(), new Map([[law.id, 2]]));
  const file = (path: string) => built.files.get(path)?.toString();
  const postings = (word: string) => {
    const text = file(indexPath.word(word)) ?? '';
    return decodePostings(text, fieldsApart(text) ? file(indexPath.wordFields(word)) : undefined);
  };

  it('routes each word to its own posting file, listing the records that carry it with the field', () => {
    // Ordinals: the three documents oldest first, then the page.
    expect(built.manifest).toMatchObject({ documents: 3, records: 4 });
    expect(JSON.parse(file(indexPath.fragment(0))!).u).toBe('van-ban/chi-thi-30-ct-tw-1998/');
    expect(postings('coso')).toEqual({ ordinals: [], fields: [] }); // a pair is not a word
    expect(postings('co')).toEqual({ ordinals: [0, 1, 3], fields: [FIELD_NAME, FIELD_NAME | FIELD_SUBJECT, FIELD_NAME] });
    // "số" is in every short name ("Luật số 10/2022/QH15").
    expect(postings('so').ordinals).toEqual([0, 1, 2, 3]);
    // The province and the issuer are what the local plan is filed under.
    expect(postings('tinh')).toEqual({ ordinals: [2], fields: [FIELD_SUBJECT] });
    // Body words: the law's body, and the property values of each document.
    expect(postings('hoi').ordinals).toEqual([1]);
    expect(postings('hoi').fields).toEqual([0]);
    // The number forms people type are part of the name.
    expect(postings('ct30').fields).toEqual([FIELD_NAME]);
    // Pairs carry their field: the law's own name and its topic.
    expect(decodePostings(file(indexPath.pair('coso'))!)).toEqual({ ordinals: [0, 1, 3], fields: [FIELD_NAME, FIELD_NAME | FIELD_SUBJECT, FIELD_NAME] });
    // Exact spellings: "Đảng" (body of the directive; issuer name "Bộ Chính trị" has none).
    expect(decodeOrdinals(file(indexPath.exact('d9a3ng'))!)).toEqual([0]);
  });

  it('lists every word, spelling and pair in the shard of its first two letters, with its record count, and writes nothing else', () => {
    const shard = JSON.parse(file(indexPath.shard('co'))!) as Shard;
    expect(shard.w['co']).toBe(3);
    expect(shard.p?.['coso']).toBe(3);
    // "Đảng" is listed with "dang", in shard "da".
    expect((JSON.parse(file(indexPath.shard('da'))!) as Shard).x?.['d9a3ng']).toBe(1);
    expect(built.manifest.shards).toContain('co');
    const words = [...built.files.keys()].filter((p) => p.startsWith('w/')).map((p) => p.slice(2, -4));
    for (const w of words) expect((JSON.parse(file(indexPath.shard(w.slice(0, 2)))!) as Shard).w[w]).toBe(postings(w).ordinals.length);
    const listed = built.manifest.shards.flatMap((k) => Object.keys((JSON.parse(file(indexPath.shard(k))!) as Shard).w));
    expect(listed.sort()).toEqual(words.sort());
  });

  it('keeps filter lists per key and foundation weights by ordinal', () => {
    const types = JSON.parse(file(indexPath.filter('loai'))!) as FilterFile;
    expect(types.values).toEqual(['Chỉ thị', 'Kế hoạch', 'Luật']);
    expect(types.lists.map(decodeOrdinals)).toEqual([[0], [2], [1]]);
    const places = JSON.parse(file(indexPath.filter('dia_phuong'))!) as FilterFile;
    expect(places.values).toEqual(['Hà Tĩnh']);
    expect(JSON.parse(file(indexPath.foundation())!)).toEqual([[1, 2]]);
  });

  it('is the same, byte for byte, for the same records, and its version follows its content', () => {
    const again = buildSearchIndex(records(), new Map([[law.id, 2]]));
    expect([...again.files]).toEqual([...built.files]);
    expect(again.manifest).toEqual(built.manifest);
    const other = buildSearchIndex(records().slice(0, 3));
    expect(other.manifest.version).not.toBe(built.manifest.version);
  });

  it('keeps the body text for excerpts, so a result shows the passage with a query word its title lacks', () => {
    const fragment = JSON.parse(file(indexPath.fragment(1))!) as Fragment;
    expect(fragment).toMatchObject({ t: 'Luật số 10/2022/QH15', s: 'Luật Thực hiện dân chủ ở cơ sở' });
    const excerpt = buildExcerpt(fragment.x, queryTerms('hoi nghi cong dong'));
    const marked = excerpt.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toEqual(['hội', 'nghị', 'cộng', 'đồng']);
    expect(excerpt.map((p) => p.text).join('')).not.toContain(fragment.s);
  });
});

describe('scoring', () => {
  const list = (ordinals: number[], fields: number[] = ordinals.map(() => 0)) => ({ ordinals, fields });
  it('keeps the records carrying every word, a name match before a body match, rarer words counting more', () => {
    const found = scoreRecords(
      [{ lists: [list([1, 2, 3, 4], [0, FIELD_NAME, 0, FIELD_SUBJECT])] }, { lists: [list([2, 3, 4, 9])] }],
      10,
    );
    expect(found.map((r) => r.id)).toEqual([2, 4, 3]);
    expect(fieldWeight(FIELD_NAME)).toBeGreaterThan(fieldWeight(FIELD_SUBJECT));
    expect(fieldWeight(FIELD_SUBJECT)).toBeGreaterThan(fieldWeight(0));
  });

  it('unites the completions of the word being typed, and puts exact spellings first', () => {
    const found = scoreRecords([{ lists: [list([1]), list([2, 3])] }], 10, new Set([3]));
    expect(found.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(scoreRecords([], 10)).toEqual([]);
  });
});

describe('buildExcerpt', () => {
  const content = 'Chỉ thị về công tác dân vận. Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy Đảng thực hiện nghiêm.';
  const marked = (q: string) => buildExcerpt(content, queryTerms(q)).filter((p) => p.mark).map((p) => p.text);

  it('marks the spelled word for a folded query', () => {
    expect(marked('dang')).toEqual(['Đảng']);
  });
  it('marks every query word, the last one also as a prefix', () => {
    expect(marked('tinh uy')).toEqual(['Tỉnh', 'ủy', 'ủy']);
    expect(marked('dan va')).toEqual(['dân', 'vận']);
  });
  it('starts near the match in a long text, with ellipses', () => {
    const long = `${'lời mở đầu '.repeat(200)}kết luận 114 về dân vận ${'phần cuối '.repeat(200)}`;
    const parts = buildExcerpt(long, ['114']);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.some((p) => p.mark && p.text === '114')).toBe(true);
    expect(parts.map((p) => p.text).join('').split(' ').length).toBeLessThan(45);
  });
});
