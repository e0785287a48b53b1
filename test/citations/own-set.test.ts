/**
 * Our own labelled set is kept as marked sources (test/fixtures/refs/own/src) and
 * generated into the seed-gold format (texts/ + gold.jsonl): the generated files must be
 * what the sources give (run `node scripts/run.mjs own-gold` after editing a source).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_DIR, generateOwnSet, markedToSeedGold } from '../../src/lib/citations/eval-sets.ts';

const root = join(import.meta.dirname, '..', '..');

describe('own labelled set', () => {
  it('texts/ and gold.jsonl are generated from the marked sources', () => {
    const { texts, gold } = generateOwnSet(root);
    expect(readFileSync(join(root, OWN_DIR, 'gold.jsonl'), 'utf8')).toBe(gold);
    expect(readdirSync(join(root, OWN_DIR, 'texts')).sort()).toEqual([...texts.keys()].sort());
    for (const [name, text] of texts) expect(readFileSync(join(root, OWN_DIR, 'texts', name), 'utf8'), name).toBe(text);
  });

  it('rows carry the seed-gold fields, offsets slicing the text, years from the key or the y= flag', () => {
    const { text, rows } = markedToSeedGold(
      'x.txt',
      'Căn cứ [[Luật Công đoàn năm 2012]]{-;-;named;y=2012}; [[Chỉ thị số 16/CT-TTg ngày 16/5/2016]]{16;16/CT-TTg@2016}; [[Điều lệ Đảng]]{-;-;named;y=-}.',
    );
    expect(rows.map((r) => text.slice(r.start as number, r.end as number))).toEqual(['Luật Công đoàn năm 2012', 'Chỉ thị số 16/CT-TTg ngày 16/5/2016', 'Điều lệ Đảng']);
    expect(rows[0]).toMatchObject({ type: 'luat', number: null, symbol: null, year: 2012, canonical: null, named: true });
    expect(rows[1]).toMatchObject({ type: 'chi-thi', number: '16', symbol: 'CT-TTg', year: 2016, canonical: '16/CT-TTg@2016', named: false });
    expect(rows[2]).toMatchObject({ type: 'dieu-le', year: null, named: true });
  });
});
