import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { buildCorpusIndex, corpusEntriesFrom, findReferences } from '../../src/lib/citations/index.ts';
import { remarkCitations, type Annotation } from '../../src/lib/citations/annotate.ts';
import { GOOD_CORPUS } from '../graph/helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/annotate');
const corpus = loadCorpus(GOOD_CORPUS);
const index = buildCorpusIndex(corpusEntriesFrom(corpus.documents), corpus.registries.provinces);

function render(markdown: string, find?: (text: string) => Annotation[]): string {
  const processor = unified().use(remarkParse);
  if (find) processor.use(remarkCitations, { find });
  return String(processor.use(remarkRehype).use(rehypeStringify).processSync(markdown));
}

const engine = (text: string) => findReferences(text, index, { date: null });

/** Tag-free text with entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('annotate fixtures (markdown in, HTML out)', () => {
  const cases = readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const file of cases) {
    it(file, () => {
      const input = readFileSync(join(FIXTURES, file), 'utf8');
      const expectedPath = join(FIXTURES, file.replace(/\.md$/, '.html'));
      const actual = render(input, engine);
      // UPDATE_FIXTURES=1 writes the expected output; review the diff before keeping it.
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
      expect(visibleText(actual)).toBe(visibleText(render(input)));
    });
  }
});

describe('annotate invariants', () => {
  const pieces = [
    'Chỉ thị số 16/CT-TTg ngày 16/5/2016',
    'Quyết định số 290-QĐ/TW',
    'Kết luận số 114-KL/TW',
    'Chỉ thị số 35-CT/TW',
    'giai đoạn 2016-2021',
    '17/17 sở',
    'công tác dân vận',
    ' ',
    ', ',
    '. ',
    '\n',
    'Đảng ủy',
  ];
  const inline = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pieces) },
    { weight: 1, arbitrary: fc.constantFrom(...pieces).map((p) => (p.trim() ? `**${p.trim()}**` : p)) },
    { weight: 1, arbitrary: fc.constantFrom(...pieces).map((p) => (p.trim() ? `[${p.trim()}](https://example.vn/)` : p)) },
    { weight: 1, arbitrary: fc.constantFrom(...pieces).map((p) => (p.trim() ? `\`${p.trim()}\`` : p)) },
  );
  const paragraph = fc.array(inline, { minLength: 1, maxLength: 12 }).map((a) => a.join('').trim() || 'chữ');
  const markdown = fc.array(fc.tuple(fc.constantFrom('', '## ', '- ', '> '), paragraph), { minLength: 1, maxLength: 4 })
    .map((blocks) => blocks.map(([prefix, p]) => prefix + p.replace(/\n/g, prefix === '## ' ? ' ' : '\n')).join('\n\n'));

  it('never changes the text, with the engine or with arbitrary spans', () => {
    fc.assert(
      fc.property(markdown, fc.array(fc.tuple(fc.nat(400), fc.nat(60), fc.boolean())), (md, spans) => {
        const plain = visibleText(render(md));
        expect(visibleText(render(md, engine))).toBe(plain);
        const arbitrary = (text: string): Annotation[] =>
          spans.map(([start, len, linked]) => ({
            start: Math.min(start, text.length),
            end: Math.min(start + len, text.length),
            text: text.slice(Math.min(start, text.length), Math.min(start + len, text.length)),
            target: linked ? 'quyet-dinh-23-qd-tw-2021' : null,
            candidates: [],
            key: null,
          }));
        expect(visibleText(render(md, arbitrary))).toBe(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('never nests a citation inside an existing link', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const html = render(md, engine);
        for (const link of html.match(/<a href="https:\/\/example\.vn\/"[^>]*>.*?<\/a>/gs) ?? []) {
          expect(link).not.toContain('class="cite');
        }
      }),
      { numRuns: 200 },
    );
  });
});
