/**
 * The content validator behind `npm run check`. loadCorpus (src/lib/content) reports
 * what one file can tell on its own (YAML syntax, schema); checkCorpus adds what needs
 * the registries or the whole corpus (ids, identities, relations, cycles, dates, number
 * forms) and what needs the source text (body safety, character hygiene). runCheck ties
 * both to a folder, optionally fixing characters first. Nothing here throws on content:
 * an unexpected exception becomes an "internal-error" diagnostic of the file concerned.
 */
import { basename, join } from 'node:path';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { startsWithBom } from '../files/input.ts';
import { CONTENT_DIRS, loadCorpus, type Corpus, type LoadedFile } from '../content/corpus.ts';
import { parseContentFile, type ParsedContentFile } from '../content/frontmatter.ts';
import { yamlTooDeep } from '../content/yaml-depth.ts';
import { type Diagnostic, sortDiagnostics } from '../diagnostics.ts';
import { checkBody } from './body.ts';
import { checkCompleteness } from './completeness.ts';
import { type CheckContext, type CheckOptions, type RegistryKind, buildContext, error, warning } from './context.ts';
import { checkDateFacts, checkUnquotedDates } from './dates.ts';
import { contentFiles, resolveRoot } from './files.ts';
import { type FileFix, fixTree } from './fix.ts';
import type { AtomicFs } from '../files/atomic.ts';
import { checkIdentity } from './identity.ts';
import { checkNumberForms } from './number-form.ts';
import { checkLooseReferences, checkReferences } from './references.ts';
import { checkRegistries, registryHealth } from './registries.ts';
import { checkRelations } from './relations.ts';
import { sourceMemoKey } from './source-cache.ts';
import { explainLoadDiagnostics } from './schema-messages.ts';
import { checkText } from './text.ts';
import { frontmatterSource, yamlSource } from './yaml-source.ts';

export type { CheckOptions } from './context.ts';
export type { FileFix, LineFix } from './fix.ts';
export { fixText } from './fix.ts';
export { resolveRoot } from './files.ts';

function fileStartsWithBom(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(3);
      return readSync(fd, head, 0, 3, 0) === 3 && startsWithBom(head);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function internalError(file: string, e: unknown): Diagnostic {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return error(file, 0, undefined, 'internal-error',
    `lỗi nội bộ khi kiểm tra tệp này (${what.slice(0, 200)}); các kiểm tra khác vẫn chạy. Hãy báo lỗi kèm tệp`);
}

/**
 * Checks of the source text of one file, valid or not: characters, unquoted dates,
 * and for MDX the body. Used for loaded files by checkCorpus and for files that failed
 * to load by runCheck, so a broken frontmatter does not hide a <script> in the body.
 */
export function checkSourceFile(file: string, raw: string, loaded?: ParsedContentFile): Diagnostic[] {
  try {
    const out = checkText(file, raw);
    if (file.endsWith('.yaml')) {
      // Too deep to parse: the loader reported it with its line; the YAML is not read again.
      if (yamlTooDeep(raw)) return out;
      const src = yamlSource(raw.replace(/^\uFEFF/, ''), 1);
      if (!src.doc.errors.length) out.push(...checkUnquotedDates(file, src));
      return out;
    }
    // A loaded file was parsed already: at 10,000 files a second YAML parse costs seconds.
    // The tree does not depend on parse options that differ (prettyErrors only shapes messages).
    // Frontmatter read without a syntax tree and holding no date-like plain scalar has no unquoted date.
    const parsed = loaded ?? parseContentFile(raw);
    // Broken YAML (reported by the loader) has no dates to look at, and is not parsed again.
    if (!parsed.yamlErrors.length && (!loaded || loaded.mayHaveUnquotedDates)) {
      const reuse = loaded?.yaml;
      const src = reuse ? { doc: reuse.doc, line: (offset: number) => reuse.counter.linePos(offset).line + 1 } : frontmatterSource(raw);
      if (src && !src.doc.errors.length) out.push(...checkUnquotedDates(file, src));
    }
    const unclosed = !parsed.missingFrontmatter && parsed.body === '' && parsed.yamlErrors.length > 0;
    if (!unclosed) out.push(...checkBody(file, parsed.body, parsed.bodyLine));
    return out;
  } catch (e) {
    return [internalError(file, e)];
  }
}

type AnyFile = LoadedFile<unknown>;

/** The same context restricted to one file, to find which file made a check throw. */
function narrowed(ctx: CheckContext, file: AnyFile): CheckContext {
  const only = <T>(list: LoadedFile<T>[]) => list.filter((f) => (f as AnyFile) === file);
  const corpus: Corpus = {
    ...ctx.corpus,
    documents: only(ctx.corpus.documents),
    implementations: only(ctx.corpus.implementations),
    courses: only(ctx.corpus.courses),
  };
  return { ...ctx, corpus };
}

function guarded(ctx: CheckContext, check: (ctx: CheckContext) => Diagnostic[]): Diagnostic[] {
  try {
    return check(ctx);
  } catch {
    const files: AnyFile[] = [...ctx.corpus.documents, ...ctx.corpus.implementations, ...ctx.corpus.courses];
    return files.flatMap((f) => {
      try {
        return check(narrowed(ctx, f));
      } catch (e) {
        return [internalError(f.file, e)];
      }
    });
  }
}

function contextFor(corpus: Corpus, options: CheckOptions): CheckContext {
  let health: { unusable: RegistryKind[]; broken: string[] } = { unusable: [], broken: [] };
  try {
    health = registryHealth(corpus);
  } catch {
    // Only used to avoid repeated reports; the check runs without it.
  }
  return buildContext(corpus, {
    ...options,
    unusableRegistries: options.unusableRegistries ?? health.unusable,
    brokenRegistryIds: options.brokenRegistryIds ?? health.broken,
  });
}

/**
 * Cross-file and semantic checks of a loaded corpus. Returns only the problems it
 * finds itself: corpus.diagnostics (YAML and schema) are not repeated.
 */
export function checkCorpus(corpus: Corpus, options: CheckOptions = {}): Diagnostic[] {
  const ctx = contextFor(corpus, options);
  const out: Diagnostic[] = [];
  for (const check of [checkReferences, checkIdentity, checkNumberForms, checkRelations, checkDateFacts, checkCompleteness]) {
    out.push(...guarded(ctx, check));
  }
  try {
    out.push(...checkRegistries(ctx));
  } catch (e) {
    out.push(internalError('content/registries', e));
  }
  const memo = options.sourceMemo;
  const seen = new Map<string, Diagnostic[]>();
  for (const f of [...corpus.documents, ...corpus.implementations, ...corpus.courses] as AnyFile[]) {
    // A file's source rules read its bytes only: the same bytes, the same findings.
    const key = memo && f.sourceHash ? sourceMemoKey(f.file, f.sourceHash) : null;
    const found =
      (key && memo!.get(key)) ||
      // loadCorpus hands out the text without a leading BOM and says whether the bytes had
      // one (f.bom); a file loaded another way is looked at on disk.
      checkSourceFile(f.file, !f.raw.startsWith('\uFEFF') && (f.bom ?? fileStartsWithBom(join(corpus.root, f.file))) ? `\uFEFF${f.raw}` : f.raw, f.parsed);
    if (key) seen.set(key, found);
    out.push(...found);
  }
  if (memo) {
    memo.clear();
    for (const [k, v] of seen) memo.set(k, v);
  }
  return sortDiagnostics(out);
}

export interface CheckResult {
  /** The project root that was checked (the folder holding content/). */
  root: string;
  /** Files read, relative to root. */
  files: string[];
  diagnostics: Diagnostic[];
  corpus: Corpus;
  /** What --fix changed before checking (empty without --fix). */
  fixes: FileFix[];
}

function collectionOf(file: string): 'documents' | 'implementations' | 'courses' | null {
  if (file.startsWith(`${CONTENT_DIRS.documents}/`)) return 'documents';
  if (file.startsWith(`${CONTENT_DIRS.implementations}/`)) return 'implementations';
  if (file.startsWith(`${CONTENT_DIRS.courses}/`)) return 'courses';
  return null;
}

function emptyCorpus(root: string): Corpus {
  return { root, documents: [], implementations: [], courses: [], registries: { issuers: [], provinces: [], topics: [] }, diagnostics: [] };
}

/** Checks the content tree under root (a project root or its content/ folder). */
export function runCheck(rootArg: string, runOptions: { fix?: boolean; corpus?: Corpus; fixFs?: AtomicFs } & CheckOptions = {}): CheckResult {
  // A caller that loaded the corpus already (the graph build with --check) passes it, so a
  // build reads and validates every file once. --fix rewrites files: it must load after.
  const { corpus: preloaded, fixFs, ...options } = runOptions;
  const root = resolveRoot(rootArg);
  const diagnostics: Diagnostic[] = [];
  let fixes: FileFix[] = [];
  if (options.fix) {
    try {
      const outcome = fixTree(root, fixFs);
      fixes = outcome.fixes;
      for (const f of outcome.failures) diagnostics.push(error(f.file, 0, undefined, 'fix-not-written', f.message));
    } catch (e) {
      diagnostics.push(internalError('content', e));
    }
  }
  let corpus: Corpus;
  try {
    corpus = preloaded && !options.fix ? preloaded : loadCorpus(root);
  } catch (e) {
    diagnostics.push(internalError('content', e));
    corpus = emptyCorpus(root);
  }
  const files = contentFiles(root);
  const presentDocumentIds = new Set(
    files.mdx.filter((f) => f.startsWith('content/van-ban/')).map((f) => basename(f, '.mdx')),
  );
  diagnostics.push(...explainLoadDiagnostics(corpus.diagnostics, root));
  diagnostics.push(...checkCorpus(corpus, { ...options, presentDocumentIds }));

  const loaded = new Set([...corpus.documents, ...corpus.implementations, ...corpus.courses].map((f) => f.file));
  const unreadable = new Set(corpus.diagnostics.filter((d) => d.code === 'not-utf8').map((d) => d.file));
  const ctx = contextFor(corpus, { ...options, presentDocumentIds });
  for (const file of files.checked) {
    if (loaded.has(file) || unreadable.has(file)) continue;
    try {
      const raw = readFileSync(join(root, file), 'utf8');
      const collection = collectionOf(file);
      // Parsed once for both uses (a refused file can hold a megabyte-long field).
      const parsed = file.endsWith('.mdx') ? parseContentFile(raw) : undefined;
      diagnostics.push(...checkSourceFile(file, raw, parsed));
      if (collection && parsed) {
        const loose: LoadedFile<unknown> = { id: basename(file, '.mdx'), file, data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine, raw, parsed };
        diagnostics.push(...checkLooseReferences(ctx, loose, collection));
      }
    } catch (e) {
      diagnostics.push(internalError(file, e));
    }
  }
  for (const file of files.ignored) {
    diagnostics.push(warning(file, 0, undefined, 'file-ignored', 'tệp không có đuôi .mdx nên bị bỏ qua khi dựng trang; đổi tên nếu đây là nội dung'));
  }
  if (!files.checked.length) {
    diagnostics.push(error('content', 0, undefined, 'content-missing', `không tìm thấy thư mục content/ có nội dung trong ${root}`));
  }
  // The YAML parser can report one fault twice; identical lines say nothing new.
  const unique = [...new Map(diagnostics.map((d) => [JSON.stringify([d.file, d.line, d.field, d.code, d.message]), d])).values()];
  return { root, files: files.checked, diagnostics: sortDiagnostics(unique), corpus, fixes };
}
