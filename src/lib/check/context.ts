/**
 * What every check needs: the corpus, lookup tables built once, the date "today" (so
 * tests can pin it), and a small helper that builds diagnostics in one shape.
 */
import type { Corpus, LoadedFile } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { DocumentFrontmatter } from '../schema/document.ts';
import type { Issuer, Province, Topic } from '../schema/registries.ts';
import { today } from '../today.ts';

export interface CheckOptions {
  /** ISO day used for "in the future" checks; defaults to today() (DANVAN_TODAY, else the clock in Vietnam). */
  today?: string;
  /**
   * Ids of every document file present, including files that failed validation, so a
   * relation to a broken file is not reported a second time as "missing".
   */
  presentDocumentIds?: ReadonlySet<string>;
  /** "issuer:some-id" for entries present in a registry file that failed validation. */
  brokenRegistryIds?: Iterable<string>;
  unusableRegistries?: Iterable<RegistryKind>;
  /**
   * What checkSourceFile found per file, by file and the hash of its bytes (LoadedFile.sourceHash):
   * a process that checks again and again (`npm run dev`) keeps it, so a save re-checks the
   * source of the saved file only. Updated in place to this run's files.
   */
  sourceMemo?: Map<string, Diagnostic[]>;
}

export type RegistryKind = 'issuer' | 'province' | 'topic';

export interface CheckContext {
  corpus: Corpus;
  today: string;
  documents: ReadonlyMap<string, LoadedFile<DocumentFrontmatter>>;
  presentDocumentIds: ReadonlySet<string>;
  issuers: ReadonlyMap<string, Issuer>;
  provinces: ReadonlyMap<string, Province>;
  topics: ReadonlyMap<string, Topic>;
  /**
   * Registry ids written in a registry file but not loaded (the entry failed its schema),
   * and registries that could not be read at all. References to them are not reported
   * again: the registry's own diagnostic is the one to fix.
   */
  brokenRegistryIds: ReadonlySet<string>;
  unusableRegistries: ReadonlySet<RegistryKind>;
}

export function buildContext(corpus: Corpus, options: CheckOptions = {}): CheckContext {
  const documents = new Map<string, LoadedFile<DocumentFrontmatter>>();
  // First file wins; a second file with the same name cannot exist in one folder, but
  // nested folders can repeat a name, and that is reported by the identity check.
  for (const d of corpus.documents) if (!documents.has(d.id)) documents.set(d.id, d);
  const present = new Set(options.presentDocumentIds ?? []);
  for (const d of corpus.documents) present.add(d.id);
  return {
    corpus,
    today: options.today ?? today(),
    documents,
    presentDocumentIds: present,
    issuers: new Map(corpus.registries.issuers.map((i) => [i.id, i])),
    provinces: new Map(corpus.registries.provinces.map((p) => [p.id, p])),
    topics: new Map(corpus.registries.topics.map((t) => [t.id, t])),
    brokenRegistryIds: new Set(options.brokenRegistryIds ?? []),
    unusableRegistries: new Set(options.unusableRegistries ?? []),
  };
}

export function error(file: string, line: number, field: string | undefined, code: string, message: string): Diagnostic {
  return { severity: 'error', file, line, ...(field ? { field } : {}), code, message };
}

export function warning(file: string, line: number, field: string | undefined, code: string, message: string): Diagnostic {
  return { severity: 'warning', file, line, ...(field ? { field } : {}), code, message };
}

/** Line of a frontmatter field in a loaded file. */
export function lineOf(file: LoadedFile<unknown>, path: (string | number)[]): number {
  return file.parsed.lineOf(path);
}

/** Shortens a value for a message, so a 100 000-character field does not flood the report. */
export function preview(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
