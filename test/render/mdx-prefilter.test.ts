/**
 * The body check skips the MDX parse when mayNeedMdxParse says the body cannot hold MDX
 * syntax or a script URL. Soundness: for every body the prefilter lets through, the full
 * parse reports exactly what the shortcut reports (and so never an MDX diagnostic).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBody, mayNeedMdxParse } from '../../src/lib/check/body.ts';

// Markdown syntax, Vietnamese letters, URL pieces, and near-misses of what the filter looks for.
const pieces = [
  'a', 'Đ', 'ệ', ' ', '\n', '\n\n', '\t', '    ', '#', '## ', '*', '**', '_', '`', '```', '~~~', '-', '- ', '1. ', '> ',
  '[', ']', '(', ')', '[x](', 'http://a.vn', 'mailto:a@b.vn', ':', ';', '/', '\\', '!', '![', '"', "'", '|', '---', '===',
  'java', 'script', 'vb', 'imp', 'ort', 'exp', 'javascript:', 'vbscript:', 'import ', 'export ', '&', '&#106;', '<', '>', '{', '}',
  '<!-- x -->', '<b>', '{1+1}', 'https://x.vn/a?b=c', '[r]: /van-ban/x', 'Chỉ thị số 05-CT/TW',
];
const body = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
const mdxCodes = (list: { code: string }[]) => list.filter((d) => /^mdx-|^html-|^javascript-url$/.test(d.code));

describe('MDX parse prefilter of the body check', () => {
  it('lets through only bodies whose full MDX parse finds nothing more', () => {
    let skipped = 0;
    fc.assert(
      fc.property(body, (text) => {
        if (mayNeedMdxParse(text)) return;
        skipped++;
        const full = checkBody('x.mdx', text, 5, { alwaysParse: true });
        expect(mdxCodes(full)).toEqual([]);
        expect(checkBody('x.mdx', text, 5)).toEqual(full);
      }),
      { numRuns: 3000 },
    );
    // The property must have been exercised, not vacuously true.
    expect(skipped).toBeGreaterThan(300);
  });

  it('still parses bodies that may hide MDX or a script URL', () => {
    for (const text of ['import x from "y"', 'a {1}', 'a <b>c</b>', '[x](javascript:alert(1))', '[x](&#106;avascript:alert(1))', 'a { b']) {
      expect(mayNeedMdxParse(text)).toBe(true);
      expect(mdxCodes(checkBody('x.mdx', text, 1)).length, text).toBeGreaterThan(0);
    }
  });
});
