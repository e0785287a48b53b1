/**
 * Labelled sets for the citation evaluation: the fixture sets under test/fixtures/refs/
 * and, when present, the shared seed labels at ../shared. Used by `npm run eval:refs`
 * and by the accuracy test, so both score exactly the same thing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpusIndex, findReferences, type CorpusIndex } from './index.ts';
import { parseMarkedText, scoreSet, type GoldMention, type SetScore } from './evaluate.ts';
import { TYPE_WORDS, caseless } from './patterns.ts';
import { typeOfSymbol } from './extract.ts';
import { parseDocumentNumber } from '../identity.ts';
import type { CitationContext, CorpusEntry } from './types.ts';
import type { ProvinceName } from './resolve.ts';
import { loadRegistries } from '../content/corpus.ts';

export interface LabelledText {
  file: string;
  text: string;
  gold: GoldMention[];
  context: CitationContext;
}

export interface LabelledSet {
  name: string;
  texts: LabelledText[];
}

export const FIXTURE_DIR = 'test/fixtures/refs';

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/**
 * A set of plain texts labelled by a gold.jsonl (offsets into the texts). `yearsLabelled`:
 * a null year is a label ("no year can be told"); otherwise null means not labelled (the
 * seed labels leave named laws' years null) and the named-year score skips it.
 */
export function loadJsonlSet(name: string, textDir: string, goldPath: string, yearsLabelled = false): LabelledSet {
  const gold = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldMention)
    .map((g) => (yearsLabelled || (g.year !== null && g.year !== undefined) ? g : { ...g, year: undefined }));
  const files = readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort();
  return {
    name,
    texts: files.map((file) => ({ file, text: readFileSync(join(textDir, file), 'utf8'), gold: gold.filter((g) => g.text === file), context: {} })),
  };
}

/** A set of marked texts ([[surface]]{number;key;flags}) with an optional context.json. */
export function loadMarkedSet(name: string, dir: string): LabelledSet {
  const contexts = readJson<Record<string, CitationContext>>(join(dir, 'context.json'), {});
  const files = readdirSync(dir).filter((f) => f.endsWith('.marked.txt')).sort();
  return {
    name,
    texts: files.map((file) => {
      const { text, gold } = parseMarkedText(file, readFileSync(join(dir, file), 'utf8'));
      return { file, text, gold, context: contexts[file] ?? {} };
    }),
  };
}

export function fixtureIndex(root: string): CorpusIndex {
  const entries = readJson<CorpusEntry[]>(join(root, FIXTURE_DIR, 'corpus.json'), []);
  const provinces = readJson<ProvinceName[]>(join(root, FIXTURE_DIR, 'provinces.json'), []);
  // The named-documents registry is the project's data (content/registries), as the CLI reads it.
  return buildCorpusIndex(entries, provinces, loadRegistries(root).namedDocuments ?? []);
}

export function scoreLabelledSet(set: LabelledSet, index: CorpusIndex): SetScore {
  return scoreSet(
    set.texts.map((t) => ({ file: t.file, text: t.text, gold: t.gold, predicted: findReferences(t.text, index, t.context) })),
  );
}

/** Our own labelled texts (test/fixtures/refs/own): texts/ and gold.jsonl generated from src/*.marked.txt. */
export const OWN_DIR = `${FIXTURE_DIR}/own`;

export function loadOwnSet(root: string): LabelledSet {
  return loadJsonlSet('own (fixtures)', join(root, OWN_DIR, 'texts'), join(root, OWN_DIR, 'gold.jsonl'), true);
}

const TYPE_AT_START = TYPE_WORDS.map((t) => ({ id: t.type ?? t.kind, re: new RegExp(`^(?:${caseless(t.source)})`, 'u') }));

/**
 * One marked text as seed-gold.jsonl rows (../shared/eval/README.md): the labelling
 * fields the marks carry (number, key, short, named, year), plus the type read from the
 * surface's type word (or the number's code for a list item) and the symbol from the key.
 */
export function markedToSeedGold(file: string, marked: string): { text: string; rows: Record<string, unknown>[] } {
  const { text, gold } = parseMarkedText(file, marked);
  const rows = gold.map((g) => {
    const numberPart = g.canonical ? g.canonical.replace(/@\d{4}$/, '') : null;
    const parsed = numberPart ? parseDocumentNumber(numberPart) : null;
    const typed = TYPE_AT_START.find((t) => t.re.test(g.surface.replace(/^\d{1,3}(?=\p{Lu})/u, '')));
    return {
      text: file,
      start: g.start,
      end: g.end,
      surface: g.surface,
      type: typed?.id ?? (parsed ? typeOfSymbol(parsed.symbol) : null),
      number: g.number,
      symbol: parsed?.symbol ?? null,
      year: g.year ?? null,
      canonical: g.canonical,
      province: null,
      short_form: g.short_form ?? false,
      named: g.named ?? false,
    };
  });
  return { text, rows };
}

/** The own set as generated files: texts/<name>.txt and gold.jsonl, from src/<name>.marked.txt. */
export function generateOwnSet(root: string): { texts: Map<string, string>; gold: string } {
  const srcDir = join(root, OWN_DIR, 'src');
  const texts = new Map<string, string>();
  const lines: string[] = [];
  for (const f of readdirSync(srcDir).filter((x) => x.endsWith('.marked.txt')).sort()) {
    const name = f.replace(/\.marked\.txt$/, '.txt');
    const { text, rows } = markedToSeedGold(name, readFileSync(join(srcDir, f), 'utf8'));
    texts.set(name, text);
    for (const r of rows) lines.push(JSON.stringify(r));
  }
  return { texts, gold: lines.join('\n') + '\n' };
}
