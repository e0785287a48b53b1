import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { listFiles } from '../../src/lib/content/corpus.ts';
import { parseContentFile, parseFullYaml } from '../../src/lib/content/frontmatter.ts';
import { parseYamlSubset } from '../../src/lib/content/yaml-subset.ts';
import { generateCorpusFiles } from '../../src/lib/generate/corpus.ts';

const projectRoot = join(import.meta.dirname, '../..');

/** What the full library reads (as frontmatter.ts calls it), or undefined on a syntax error. */
function library(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) return undefined;
  return doc.toJS() ?? null;
}

function frontmatterOf(raw: string): string {
  const lines = raw.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  return lines.slice(1, end).join('\n');
}

/** Every path into a value, with a missing child under each. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [path, [...path, 'missing'], [...path, 7]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

/** Either the subset reader declines, or it reads exactly what the library reads, lines of fields included. */
function expectAgreement(text: string): boolean {
  const subset = parseYamlSubset(text);
  if (subset === undefined) return false;
  expect(library(text), text).not.toBeUndefined();
  expect(subset.data, text).toStrictEqual(library(text));
  const full = parseFullYaml(text);
  for (const path of pathsOf(subset.data)) expect(subset.lineOf(path) + 1, `${JSON.stringify(path)} in\n${text}`).toBe(full.lineOf(path));
  return true;
}

const real = {
  issuers: readFileSync(join(projectRoot, 'content/registries/issuers.yaml'), 'utf8'),
  provinces: readFileSync(join(projectRoot, 'content/registries/provinces.yaml'), 'utf8'),
  topics: readFileSync(join(projectRoot, 'content/registries/topics.yaml'), 'utf8'),
};

describe('YAML subset reader', () => {
  it('reads every shipped content file and fixture exactly as the YAML library does', () => {
    const files = [
      ...listFiles(join(projectRoot, 'content'), '.mdx'),
      ...listFiles(join(projectRoot, 'test/fixtures'), '.mdx'),
    ];
    expect(files.length).toBeGreaterThan(50);
    const declined = files.filter((f) => !expectAgreement(frontmatterOf(readFileSync(f, 'utf8'))));
    // The fast path is the point: shipped content must not fall back to the library.
    expect(declined.filter((f) => f.includes('/content/') && !f.includes('/test/'))).toEqual([]);
  });

  it('reads every generated document the same as the YAML library', () => {
    let read = 0;
    for (const f of generateCorpusFiles(300, 3, real)) {
      if (!f.path.endsWith('.mdx')) continue;
      expect(expectAgreement(frontmatterOf(f.text)), f.path).toBe(true);
      read++;
    }
    expect(read).toBeGreaterThan(300);
  });

  it('resolves plain scalars by the core schema', () => {
    const data = parseYamlSubset('a: 12\nb: -3\nc: 1.5e3\nd: true\ne: False\nf: ~\ng: NULL\nh: yes\ni: 007\nj: 2021-11-26\nk:\n')!;
    expect(data.data).toStrictEqual(library('a: 12\nb: -3\nc: 1.5e3\nd: true\ne: False\nf: ~\ng: NULL\nh: yes\ni: 007\nj: 2021-11-26\nk:\n'));
    expect(data.data).toMatchObject({ a: 12, d: true, e: false, f: null, h: 'yes', i: 7, j: '2021-11-26', k: null });
    expect(data.plainDateLike).toBe(true);
    expect(parseYamlSubset('issued: "2021-11-26"')!.plainDateLike).toBe(false);
  });

  it('declines what it does not read with certainty', () => {
    for (const text of [
      'n: 0x1F', // hexadecimal integer
      'n: 0o17',
      'a: b # comment after a value',
      "a: 'single quoted'",
      'a: |\n  block',
      'a: >\n  folded',
      'a: plain\n  continued',
      'a: "quoted\n  continued"',
      'a: &x 1\nb: *x',
      'a: !!str 1',
      'a: 1\na: 2', // duplicate key
      'a:\n\t- x', // tab
      '"quoted key": 1',
      'a: [x, [y]]',
      'a: {b: 1}',
      'a: [x, y,]',
      'a: http://example.org',
      'a: "\\x41"',
      'a: "\\ud800"',
      'true: 1',
      '__proto__: 1',
      'a: 12345678901234567890',
      'a: -0',
      '  a: 1',
      '- - x',
      'a:\n  - x\n   - y',
      '...',
    ]) {
      expect(parseYamlSubset(text), text).toBeUndefined();
    }
  });

  it('agrees with the library on generated frontmatter, tricky scalars included', () => {
    const key = fc.constantFrom('type', 'number', 'title', 'topics', 'relations', 'sources', 'note', 'a_b', 'x1');
    const scalar = fc.oneof(
      fc.constantFrom('chi-thi', '33/CT-TTg', 'Bộ Chính trị', '2021-11-26', '2021-13-45', '2023', '1.5', '.5', '-1', '+1', '1e3', 'yes', 'No', 'on',
        'null', 'Null', '~', 'true', 'TRUE', 'False', 'a b', 'a  b', 'x #y', 'x#y', 'a: b', '- a', '[a]', '{}', '"', "'", '\\', '%', '@x', 'Đ', '0x1F', '1_000', '(x)', 'a/b', ''),
      fc.string({ unit: fc.constantFrom(...'aăđẻ1 -/.:#"\'\\,[]{}') , maxLength: 8 }),
    );
    const quoted = scalar.map((s) => JSON.stringify(s));
    const inline = fc.oneof(scalar, quoted, fc.array(fc.oneof(scalar, quoted), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`));
    const entry = fc.tuple(key, inline).map(([k, v]) => `${k}: ${v}`);
    const seqOfMaps = fc.array(fc.array(entry, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
      .map((items) => items.map((lines) => lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}`).join('\n')).join('\n'));
    const seqOfScalars = fc.array(fc.oneof(scalar, quoted), { minLength: 1, maxLength: 3 }).map((a) => a.map((v) => `  - ${v}`).join('\n'));
    const nestedMap = fc.array(entry, { minLength: 1, maxLength: 3 }).map((a) => a.map((l) => `  ${l}`).join('\n'));
    const block = fc.oneof(entry, fc.tuple(key, fc.oneof(seqOfMaps, seqOfScalars, nestedMap)).map(([k, b]) => `${k}:\n${b}`));
    let agreed = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        if (expectAgreement(blocks.join('\n'))) agreed++;
      }),
      { numRuns: 1500 },
    );
    // The property must exercise the fast path, not only its refusals.
    expect(agreed).toBeGreaterThan(100);
  });

  it('frontmatter read by the subset still gives lines and the syntax tree on demand', () => {
    const raw = '---\ntype: chi-thi\nnumber: "33/CT-TTg"\nsources:\n  - title: "x"\n    note: "y"\n---\nThân.';
    const parsed = parseContentFile(raw);
    expect(parsed.data).toEqual({ type: 'chi-thi', number: '33/CT-TTg', sources: [{ title: 'x', note: 'y' }] });
    expect(parsed.mayHaveUnquotedDates).toBe(false);
    expect(parsed.lineOf(['number'])).toBe(3);
    expect(parsed.lineOf(['sources', 0, 'note'])).toBe(6);
    expect(parsed.yaml?.doc.errors).toEqual([]);
    expect(parseContentFile('---\nissued: 2021-11-26\n---\n').mayHaveUnquotedDates).toBe(true);
  });

  it('splits LF and CRLF files alike: frontmatter, body and the body\'s first line', () => {
    for (const lf of [
      '---\ntype: chi-thi\n---\nDòng một.\n\nDòng ba.\n',
      '---\n---\nThân.',
      '---\ntitle: "x"\n---',
      '---  \na: 1\n\n---\t\n\nThân.',
      '\uFEFF---\na: 1\n---\n---\nThân có dòng ---.',
    ]) {
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = parseContentFile(lf);
      const b = parseContentFile(crlf);
      expect(a.data, lf).toEqual(b.data);
      expect(a.bodyLine, lf).toBe(b.bodyLine);
      expect(a.body, lf).toBe(b.body);
      expect(a.bodyLine, lf).toBe(lf.replace(/^\uFEFF/, '').split('\n').findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l)) + 2);
    }
    expect(parseContentFile('---\na: 1\n').yamlErrors.length).toBe(1);
    expect(parseContentFile('---').yamlErrors.length).toBe(1);
  });
});
