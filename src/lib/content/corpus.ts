/**
 * Reads the whole content folder (documents, implementation records, course modules,
 * registries) into typed objects, validating each file against its schema and turning
 * every schema problem into a Diagnostic with file and line. Shared by `npm run check`,
 * the graph build, the Astro loader and the editors' tools.
 */
import { readFileSync, readdirSync, existsSync, lstatSync, statSync } from 'node:fs';
import { join, relative, basename, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { COMPLEX_KEY_MESSAGE, complexKey, parseContentFile, type ParsedContentFile } from './frontmatter.ts';
import { decodeUtf8, startsWithBom } from '../files/input.ts';
import { checkFieldText } from './field-safety.ts';
import { yamlTooDeep } from './yaml-depth.ts';
import { fileErrorMessage } from '../files/errors.ts';
import { documentFrontmatterSchema, type DocumentFrontmatter } from '../schema/document.ts';
import { implementationFrontmatterSchema, type ImplementationFrontmatter } from '../schema/implementation.ts';
import { courseFrontmatterSchema, type CourseFrontmatter } from '../schema/course.ts';
import {
  issuerRegistrySchema,
  provinceRegistrySchema,
  topicRegistrySchema,
  type Issuer,
  type Province,
  type Topic,
} from '../schema/registries.ts';
import { namedDocumentRegistrySchema, type NamedDocument } from '../schema/named-documents.ts';
import { FileCache, bodyHashOf, bytesHash, loaderCodeVersion, stampOf, type FieldLines, type FileFacts } from './file-cache.ts';

export const CONTENT_DIRS = {
  documents: 'content/van-ban',
  implementations: 'content/thuc-tien',
  courses: 'content/chuyen-de',
  registries: 'content/registries',
} as const;

export interface LoadedFile<T> {
  /** File name without extension; for documents this must equal the derived id. */
  id: string;
  /** Path relative to the content root's parent (the project root), forward slashes. */
  file: string;
  data: T;
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
  raw: string;
  parsed: ParsedContentFile;
  /**
   * sha256 of the body, when the loader computed it (always with a file cache): what the
   * graph build's body key hashes, so a body reused from the cache need not be read.
   */
  bodyHash?: string;
  /** sha1 of the file's bytes, when the loader computed it (always with a file cache). */
  sourceHash?: string;
  /** JSON.stringify(data), when the file cache has it (frontmatter.json is assembled from it). */
  dataJson?: string;
  /**
   * Whether the file's bytes begin with a UTF-8 byte-order mark (raw never does), when the
   * loader read them: the check reports a BOM, and would otherwise open every file again to look.
   */
  bom?: boolean;
}

export interface Registries {
  issuers: Issuer[];
  provinces: Province[];
  topics: Topic[];
  /** Documents cited by name, one entry per version (optional file: absent means none). */
  namedDocuments?: NamedDocument[];
}

export interface Corpus {
  root: string;
  documents: LoadedFile<DocumentFrontmatter>[];
  implementations: LoadedFile<ImplementationFrontmatter>[];
  courses: LoadedFile<CourseFrontmatter>[];
  registries: Registries;
  /** Problems found while reading and validating single files. */
  diagnostics: Diagnostic[];
  /**
   * [size, mtimeMs] of every .mdx file of the three collections as this load saw them
   * (contentSources' shape), when the load stat'ed them anyway (with a file cache).
   */
  sources?: Record<string, [number, number]>;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/**
 * Something in a content folder that is not a regular file or folder: a symbolic link (to
 * a file, a folder, nothing, or itself) or a special file (a pipe, a device). Content
 * files must be regular files inside the content root, so such entries are never read,
 * followed or rewritten; each is reported (notRegularDiagnostic) instead.
 */
export interface IrregularEntry {
  path: string;
  kind: 'symlink' | 'special';
}

/**
 * All regular files with the extension under dir, recursively, in a stable order. Symbolic
 * links and special files are not followed nor listed: they go to `irregular` when given.
 */
export function listFiles(dir: string, ext: string, irregular?: IrregularEntry[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    // Entry types come with the listing: no stat per file (10,000 of them in a large corpus).
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Hidden entries are not content: editor backups, .git, and the temporary files of
      // atomic writes (src/lib/files/atomic.ts) that a killed process may leave behind.
      if (entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      // Some file systems do not give the type with the listing.
      const kind = entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() ? entry : lstatSync(p);
      if (kind.isDirectory()) walk(p);
      else if (kind.isFile()) {
        if (entry.name.endsWith(ext)) out.push(p);
      } else irregular?.push({ path: p, kind: kind.isSymbolicLink() ? 'symlink' : 'special' });
    }
  };
  // The folder itself must not be a link either (it would take the walk outside the tree).
  if (lstatSync(dir).isSymbolicLink()) irregular?.push({ path: dir, kind: 'symlink' });
  else walk(dir);
  return out;
}

/** The one rule, said once: content files are regular files inside the content root. */
export function notRegularDiagnostic(entry: IrregularEntry, file: string): Diagnostic {
  const what = entry.kind === 'symlink' ? 'là liên kết tượng trưng (symlink)' : 'không phải tệp thường (tệp đặc biệt)';
  return {
    severity: 'error',
    file,
    line: 0,
    code: 'not-regular-file',
    message: `${what}: nội dung phải là tệp thường nằm trong thư mục content/, nên mục này không được đọc, sửa hay xuất bản. Thay liên kết bằng chính tệp nội dung`,
  };
}

/** Turns zod issues into diagnostics, located with the YAML line of the field. */
export function schemaDiagnostics(
  error: z.ZodError,
  file: string,
  lineOf: (path: (string | number)[]) => number,
): Diagnostic[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      message = `thiếu trường bắt buộc (cần ${issue.expected})`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `trường không có trong lược đồ: ${issue.keys.join(', ')}`;
    } else if (issue.code === 'invalid_value') {
      message = `giá trị không hợp lệ; cần một trong: ${issue.values.map(String).join(', ')}`;
    }
    return {
      severity: 'error' as const,
      file,
      line: lineOf(path),
      field: path.join('.') || undefined,
      code: issue.code === 'custom' ? 'invalid-value' : `schema-${issue.code.replace(/_/g, '-')}`,
      message,
    } satisfies Diagnostic as Diagnostic;
  });
}

function readUtf8(path: string, file: string, diagnostics: Diagnostic[], bytes: Buffer = readFileSync(path)): string | null {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    diagnostics.push({
      severity: 'error',
      file,
      line: decoded.line,
      code: 'not-utf8',
      message: `tệp không phải UTF-8 hợp lệ: byte lạ ở dòng ${decoded.line}, byte thứ ${decoded.column} của dòng (lưu lại tệp với bảng mã UTF-8)`,
    });
    return null;
  }
  // Callers see the text without a byte-order mark (the check looks at the bytes for it).
  return decoded.text.replace(/^\uFEFF/, '');
}

function loadCollection<T>(
  root: string,
  dir: string,
  schema: z.ZodType<T>,
  diagnostics: Diagnostic[],
  cache: FileCache | null,
): LoadedFile<T>[] {
  const out: LoadedFile<T>[] = [];
  const irregular: IrregularEntry[] = [];
  let paths: string[];
  try {
    paths = listFiles(join(root, dir), '.mdx', irregular);
  } catch (e) {
    // An unreadable folder is a problem of the content, said with its name.
    diagnostics.push({ severity: 'error', file: dir, line: 0, code: 'folder-unreadable', message: fileErrorMessage(e, 'đọc được thư mục', dir) });
    return out;
  }
  for (const entry of irregular) diagnostics.push(notRegularDiagnostic(entry, toPosix(relative(root, entry.path))));
  for (const path of paths) {
    const file = toPosix(relative(root, path));
    try {
      const loaded = cache ? loadCached(path, file, schema, diagnostics, cache) : loadOne(path, file, schema, diagnostics);
      if (loaded) out.push(loaded);
    } catch (e) {
      // Never let one file stop the whole load: report it and go on.
      diagnostics.push({ severity: 'error', file, line: 0, code: 'internal-error', message: `không đọc được tệp: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}

/**
 * A file through the file cache (file-cache.ts): its entry when current, else loaded and
 * recorded. The stat comes before the read, so an entry never claims a newer stamp than
 * the bytes it holds. A reused file reads its text only if someone asks for it (the check's
 * source rules, a line of a field for a report).
 */
function loadCached<T>(path: string, file: string, schema: z.ZodType<T>, diagnostics: Diagnostic[], cache: FileCache): LoadedFile<T> | null {
  const st = statSync(path);
  cache.sources[file] = [st.size, st.mtimeMs];
  const hit = cache.get(file, path, st);
  if (hit) {
    diagnostics.push(...hit.diagnostics);
    return hit.data === null ? null : lazyFile(path, file, hit);
  }
  const bytes = readFileSync(path);
  const before = diagnostics.length;
  const loaded = loadOne(path, file, schema, diagnostics, bytes);
  const hash = bytesHash(bytes);
  if (loaded) loaded.sourceHash = hash;
  const dataJson = cache.set(file, {
    stamp: stampOf(st),
    hash,
    bodyHash: loaded ? loaded.bodyHash! : '',
    bodyLine: loaded?.bodyLine ?? 0,
    diagnostics: diagnostics.slice(before),
    data: loaded ? loaded.data : null,
    lines: loaded ? fieldLines(loaded.parsed) : undefined,
  });
  if (loaded) loaded.dataJson = dataJson;
  return loaded;
}

/** The line of each top-level field and of the frontmatter itself (see FileFacts.lines). */
function fieldLines(parsed: ParsedContentFile): FieldLines {
  const data = parsed.data;
  const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  return [['', parsed.lineOf([])], ...keys.map((k): [string, number] => [k, parsed.lineOf([k])])];
}

/**
 * A parse that answers lineOf for a top-level field from the cached line table and reads
 * and parses the file (`full`) only when asked anything else.
 */
function lightParse(lines: FieldLines, full: () => ParsedContentFile): ParsedContentFile {
  // Made on the first question: most files are never asked where a field is (10,200 maps per build otherwise).
  let lineTable: Map<string, number> | undefined;
  const table = { get: (key: string) => (lineTable ??= new Map(lines)).get(key) };
  return {
    get data() { return full().data; },
    get body() { return full().body; },
    get bodyLine() { return full().bodyLine; },
    get yamlErrors() { return full().yamlErrors; },
    get missingFrontmatter() { return full().missingFrontmatter; },
    get yaml() { return full().yaml; },
    get mayHaveUnquotedDates() { return full().mayHaveUnquotedDates; },
    lineOf: (path) => {
      if (path.length === 0) return table.get('')!;
      // An absent field is located at the frontmatter, as the parse would.
      if (path.length === 1 && typeof path[0] === 'string') return table.get(path[0]) ?? table.get('')!;
      return full().lineOf(path);
    },
  };
}

/** A loaded file from its cache entry: the text and its parse are read when first asked for. */
function lazyFile<T>(path: string, file: string, facts: FileFacts): LoadedFile<T> {
  let raw: string | undefined;
  let bom = false;
  let parsed: ParsedContentFile | undefined;
  const source = () => {
    if (parsed) return;
    // The file is the one the entry was made from (its stamp was checked this run).
    const bytes = readFileSync(path);
    bom = startsWithBom(bytes);
    const decoded = decodeUtf8(bytes);
    raw = (decoded.ok ? decoded.text : '').replace(/^\uFEFF/, '');
    parsed = parseContentFile(raw);
  };
  const light = facts.lines?.length ? lightParse(facts.lines, () => (source(), parsed!)) : null;
  return {
    id: basename(path, '.mdx'),
    file,
    data: facts.data as T,
    bodyLine: facts.bodyLine,
    bodyHash: facts.bodyHash,
    sourceHash: facts.hash,
    dataJson: facts.dataJson,
    get body() {
      source();
      return parsed!.body;
    },
    get raw() {
      source();
      return raw!;
    },
    get bom() {
      source();
      return bom;
    },
    get parsed() {
      if (light && !parsed) return light;
      source();
      return parsed!;
    },
  };
}

function loadOne<T>(path: string, file: string, schema: z.ZodType<T>, diagnostics: Diagnostic[], given?: Buffer): LoadedFile<T> | null {
  const bytes = given ?? readFileSync(path);
  const raw = readUtf8(path, file, diagnostics, bytes);
  if (raw === null) return null;
  const parsed = parseContentFile(raw);
  if (parsed.missingFrontmatter) {
    diagnostics.push({ severity: 'error', file, line: 1, code: 'frontmatter-missing', message: 'tệp phải bắt đầu bằng khối frontmatter "---"' });
    return null;
  }
  if (parsed.yamlErrors.length) {
    for (const e of parsed.yamlErrors) {
      diagnostics.push({ severity: 'error', file, line: e.line, code: 'yaml-syntax', message: `lỗi cú pháp YAML: ${e.message}` });
    }
    return null;
  }
  const safe = checkFieldText(parsed.data ?? {}, file, parsed.lineOf);
  diagnostics.push(...safe.diagnostics);
  if (safe.tooLong) return null;
  const result = schema.safeParse(safe.data);
  if (!result.success) {
    diagnostics.push(...schemaDiagnostics(result.error, file, parsed.lineOf));
    return null;
  }
  return {
    id: basename(path, '.mdx'),
    file,
    data: result.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    raw,
    parsed,
    bodyHash: given ? bodyHashOf(parsed.body) : undefined,
    bom: startsWithBom(bytes),
  };
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function loadRegistry<T>(root: string, name: string, schema: z.ZodType<T[]>, diagnostics: Diagnostic[], optional = false, cache: FileCache | null = null): T[] {
  const path = join(root, CONTENT_DIRS.registries, `${name}.yaml`);
  const file = `${CONTENT_DIRS.registries}/${name}.yaml`;
  const kind = lstatOrNull(path);
  if (!kind) {
    if (optional) return [];
    diagnostics.push({ severity: 'error', file, line: 0, code: 'registry-missing', message: `thiếu sổ danh mục ${file}` });
    return [];
  }
  if (!kind.isFile()) {
    diagnostics.push(notRegularDiagnostic({ path, kind: kind.isSymbolicLink() ? 'symlink' : 'special' }, file));
    return [];
  }
  if (!cache) return readRegistry(path, file, schema, diagnostics);
  // Through the file cache like the content files (a registry is validated data of one file).
  const hit = cache.get(file, path, kind);
  if (hit) {
    diagnostics.push(...hit.diagnostics);
    return hit.data as T[];
  }
  const bytes = readFileSync(path);
  const before = diagnostics.length;
  const entries = readRegistry(path, file, schema, diagnostics, bytes);
  cache.set(file, { stamp: stampOf(kind), hash: bytesHash(bytes), bodyHash: '', bodyLine: 0, diagnostics: diagnostics.slice(before), data: entries });
  return entries;
}

/** A registry file's valid entries, its problems pushed to `diagnostics`. */
function readRegistry<T>(path: string, file: string, schema: z.ZodType<T[]>, diagnostics: Diagnostic[], bytes?: Buffer): T[] {
  const raw = readUtf8(path, file, diagnostics, bytes);
  if (raw === null) return [];
  const deep = yamlTooDeep(raw);
  if (deep) {
    diagnostics.push({ severity: 'error', file, line: deep.line, code: 'yaml-syntax', message: `lỗi cú pháp YAML: ${deep.message}` });
    return [];
  }
  const counter = new LineCounter();
  const doc = parseDocument(raw.replace(/^\uFEFF/, ''), { schema: 'core', lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      diagnostics.push({ severity: 'error', file, line: counter.linePos(e.pos[0]).line, code: 'yaml-syntax', message: `lỗi cú pháp YAML: ${e.message.split('\n')[0]}` });
    }
    return [];
  }
  const complex = complexKey(doc);
  if (complex !== null) {
    diagnostics.push({ severity: 'error', file, line: counter.linePos(complex).line, code: 'yaml-syntax', message: `lỗi cú pháp YAML: ${COMPLEX_KEY_MESSAGE}` });
    return [];
  }
  const lineOf = (p: (string | number)[]) => {
    for (let d = p.length; d >= 0; d--) {
      const node = d === 0 ? doc.contents : doc.getIn(p.slice(0, d), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return counter.linePos(range[0]).line;
    }
    return 1;
  };
  let data: unknown;
  try {
    data = doc.toJS() ?? [];
  } catch (e) {
    diagnostics.push({ severity: 'error', file, line: 1, code: 'yaml-syntax', message: `lỗi cú pháp YAML: ${e instanceof Error ? e.message : String(e)}` });
    return [];
  }
  const safe = checkFieldText(data, file, lineOf);
  diagnostics.push(...safe.diagnostics);
  data = safe.data;
  // Entries with an over-long field are left out, like entries the schema refuses.
  const overLimit = new Set(safe.diagnostics.filter((d) => d.code === 'field-over-limit').map((d) => d.field?.split('.')[0]));
  const result = schema.safeParse(data);
  if (!result.success || overLimit.size) {
    if (!result.success) diagnostics.push(...schemaDiagnostics(result.error, file, lineOf));
    // Keep the valid entries so one bad entry does not hide the rest of the corpus.
    const items = data as unknown[];
    const itemSchema = (schema as unknown as z.ZodArray<z.ZodType<T>>).element;
    return Array.isArray(items)
      ? items.flatMap((item, i) => {
          if (overLimit.has(String(i))) return [];
          const r = itemSchema.safeParse(item);
          return r.success ? [r.data] : [];
        })
      : [];
  }
  return result.data;
}

export function loadRegistries(root: string, diagnostics: Diagnostic[] = [], cache: FileCache | null = null): Registries {
  return {
    issuers: loadRegistry(root, 'issuers', issuerRegistrySchema, diagnostics, false, cache),
    provinces: loadRegistry(root, 'provinces', provinceRegistrySchema, diagnostics, false, cache),
    topics: loadRegistry(root, 'topics', topicRegistrySchema, diagnostics, false, cache),
    namedDocuments: loadRegistry(root, 'named-documents', namedDocumentRegistrySchema, diagnostics, true, cache),
  };
}

export interface LoadOptions {
  /**
   * A file cache (file-cache.ts) to reuse what unchanged files yielded; it is written back
   * at the end of the load. The graph build and `npm run dev` use
   * .generated/cache/files.txt (fileCachePath).
   */
  cacheFile?: string;
  /** Told when the cache file is unusable (then ignored and rebuilt). */
  say?: (message: string) => void;
  /** Writes the cache file (atomically); default: at once, in this thread. */
  writeCache?: (path: string, content: string) => void;
  /**
   * A file cache the caller keeps between loads (`npm run dev`), used instead of reading
   * cacheFile; the caller writes it when it chooses (FileCache.writer).
   */
  fileCache?: FileCache;
}

/** Where the graph build keeps the file cache of a content root. */
export function fileCachePath(root: string): string {
  return join(root, '.generated', 'cache', 'files.txt');
}

/** Loads every content file under root/content. Never throws on bad content. */
export function loadCorpus(root: string, options: LoadOptions = {}): Corpus {
  const diagnostics: Diagnostic[] = [];
  const cache = options.fileCache?.startLoad() ?? (options.cacheFile ? FileCache.read(options.cacheFile, loaderCodeVersion(), options.say) : null);
  const registries = loadRegistries(root, diagnostics, cache);
  const corpus: Corpus = {
    root,
    documents: loadCollection(root, CONTENT_DIRS.documents, documentFrontmatterSchema, diagnostics, cache),
    implementations: loadCollection(root, CONTENT_DIRS.implementations, implementationFrontmatterSchema, diagnostics, cache),
    courses: loadCollection(root, CONTENT_DIRS.courses, courseFrontmatterSchema, diagnostics, cache),
    registries,
    diagnostics,
  };
  if (cache) {
    corpus.sources = cache.sources;
    if (!options.fileCache) cache.write(options.writeCache);
  }
  return corpus;
}
