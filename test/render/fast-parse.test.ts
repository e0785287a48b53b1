/**
 * The fast Markdown path (src/lib/render/fast-parse.ts) must change nothing: for any
 * body, rendering through it gives the same HTML, citation links, mentions with their
 * evidence lines, heading anchors and link reports as remark-parse alone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { buildCorpusIndex, findReferences } from '../../src/lib/citations/index.ts';
import type { CitationContext } from '../../src/lib/citations/types.ts';
import { renderBody, type BodyInput } from '../../src/lib/graph/render-body.ts';
import { parseMarkdownFast } from '../../src/lib/render/fast-parse.ts';
import { GOOD_CORPUS } from '../graph/helpers.ts';

const corpus = loadCorpus(GOOD_CORPUS);
const index = buildCorpusIndex(
  corpus.documents.map((f) => ({
    id: f.id, type: f.data.type, number: f.data.number ?? null, year: Number(f.data.issued.slice(0, 4)),
    issued: f.data.issued, issuer: f.data.issuer, province: f.data.province ?? null, aliases: f.data.aliases ?? [],
  })),
  corpus.registries.provinces,
);
const find = (text: string, ctx: CitationContext) => findReferences(text, index, ctx);
const ctx: CitationContext = { selfId: null, province: null, date: null };
const both = (body: string) => {
  const input: BodyInput = { body, ctx, self: null };
  return { fast: renderBody(input, find), slow: renderBody(input, find, { fast: false }) };
};

// Line starts and inline pieces, in and out of the fast path's subset.
const starts = ['', '', '', '## ', '# ', '### ', '- ', '* ', '+ ', '1. ', '2. ', '10) ', '  - ', '   ', '    ', '> ', '---', '===', '- - ', '1.  ', '#'];
const inline = [
  'dân vận', 'Chỉ thị số 16/CT-TTg ngày 05/5/2016 của Thủ tướng Chính phủ', 'Quyết định số 23-QĐ/TW', 'Kết luận số 114-KL/TW ngày 14/7/2015',
  '**', '*', '_', '__', ' ', '  ', ' **Đậm.** ', '*nghiêng*', '**a *b* c**', ', ', '.', ';', '(', ')', '"', '#', '`x`', '[a](van-ban/x)', '<b>', '&amp;', '\\*', '~',
];
const line = fc.tuple(fc.constantFrom(...starts), fc.array(fc.constantFrom(...inline), { maxLength: 8 }), fc.constantFrom('', '', '  ', ' '))
  .map(([s, parts, tail]) => s + parts.join('') + tail);
const body = fc.array(line, { maxLength: 14 }).map((lines) => lines.join('\n'));

describe('fast Markdown path', () => {
  it('renders the fixture corpus exactly like remark-parse', () => {
    for (const f of [...corpus.documents, ...corpus.implementations, ...corpus.courses]) {
      const { fast, slow } = both(f.body);
      expect(fast, f.file).toEqual(slow);
    }
  });

  it('renders random Markdown exactly like remark-parse', () => {
    let taken = 0;
    fc.assert(
      fc.property(body, (text) => {
        if (parseMarkdownFast(text)) taken++;
        const { fast, slow } = both(text);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 2500 },
    );
    // The fast path itself must have been exercised, not only the fallback.
    expect(taken).toBeGreaterThan(200);
  });

  it('leaves links, code, quotes and HTML to remark-parse', () => {
    for (const text of ['[a](van-ban/x)', '`code`', '> quote', '<b>x</b>', '---', '    code', 'a\\*b', '&amp;', '[r]: /x']) {
      expect(parseMarkdownFast(`Đoạn văn.\n\n${text}\n`), text).toBeNull();
    }
  });
});
