/**
 * Test helpers: copies of the good corpus with one injected fault, and a compact view
 * of diagnostics (file, line, field, code, severity) to compare exactly.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck, type CheckResult } from '../../src/lib/check/index.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { TEST_TODAY } from '../today.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GOOD_CORPUS = join(PROJECT_ROOT, 'test', 'fixtures', 'good-corpus');
/** Pinned so "in the future" checks do not depend on the day the tests run. */
export const TODAY = TEST_TODAY;

export const DOCS = {
  d290: 'content/van-ban/quyet-dinh-290-qd-tw-2010.mdx',
  d23: 'content/van-ban/quyet-dinh-23-qd-tw-2021.mdx',
  d114: 'content/van-ban/ket-luan-114-kl-tw-2015.mdx',
  d16: 'content/van-ban/chi-thi-16-ct-ttg-2016.mdx',
  d33: 'content/van-ban/chi-thi-33-ct-ttg-2021.mdx',
  d79: 'content/van-ban/chuong-trinh-79-ctr-bdvtw-bcsdcp-2016.mdx',
  d1553: 'content/van-ban/quyet-dinh-1553-qd-ubnd-2016-tra-vinh.mdx',
  rec: 'content/thuc-tien/tra-vinh-kiem-tra-chi-thi-16-2021.mdx',
  course: 'content/chuyen-de/quy-che-dan-van.mdx',
  issuers: 'content/registries/issuers.yaml',
  provinces: 'content/registries/provinces.yaml',
  topics: 'content/registries/topics.yaml',
} as const;

const made: string[] = [];

/** A fresh copy of the good corpus in a temp dir; removed by cleanup(). */
export function copyGood(): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-check-'));
  cpSync(GOOD_CORPUS, dir, { recursive: true });
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

export function write(root: string, file: string, text: string | Buffer): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

/**
 * Replaces `from` by `to` in a file; fails loudly when `from` is not there exactly once,
 * so a fixture cannot silently stop injecting its fault.
 */
export function replaceIn(root: string, file: string, from: string, to: string): void {
  const text = read(root, file);
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`fixture: "${from}" occurs ${count} times in ${file}`);
  write(root, file, text.replace(from, to));
}

/** Appends lines to the body of an MDX file (the body ends the file). */
export function appendBody(root: string, file: string, text: string): number {
  const before = read(root, file);
  write(root, file, `${before}${before.endsWith('\n') ? '' : '\n'}${text}`);
  // The 1-based line of the first appended line.
  return before.split('\n').length + (before.endsWith('\n') ? 0 : 1);
}

export function check(root: string): CheckResult {
  return runCheck(root, { today: TODAY });
}

export interface Seen {
  file: string;
  line: number;
  field?: string;
  code: string;
  severity?: 'error' | 'warning';
}

/** Warnings every document of the good corpus may carry; left out unless asked for. */
export const BASELINE_CODES = new Set(['signer-missing', 'summary-missing']);

/** Diagnostics as comparable records, without baseline warnings, in report order. */
export function seen(result: CheckResult, keep: ReadonlySet<string> = new Set()): Seen[] {
  return result.diagnostics
    .filter((d) => !BASELINE_CODES.has(d.code) || keep.has(d.code))
    .map((d: Diagnostic) => ({ file: d.file, line: d.line, ...(d.field ? { field: d.field } : {}), code: d.code, severity: d.severity }));
}

/** 1-based line of the only line of `file` containing `snippet` (fails when not unique). */
export function lineWith(root: string, file: string, snippet: string): number {
  const lines = read(root, file).replace(/^\uFEFF/, '').split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(snippet) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`fixture: "${snippet}" is on ${hits.length} lines of ${file}`);
  return hits[0]!;
}

export function E(file: string, line: number, code: string, field?: string): Seen {
  return { file, line, ...(field ? { field } : {}), code, severity: 'error' };
}

export function W(file: string, line: number, code: string, field?: string): Seen {
  return { file, line, ...(field ? { field } : {}), code, severity: 'warning' };
}

export function sortSeen(list: Seen[]): Seen[] {
  const key = (s: Seen) => `${s.file}\u0000${String(s.line).padStart(8, '0')}\u0000${s.code}\u0000${s.field ?? ''}`;
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface FaultCase {
  name: string;
  /** Injects the fault into a fresh copy of the good corpus. */
  inject: (root: string) => void;
  /** Every diagnostic expected besides the baseline warnings, computed on the faulty copy. */
  expected: (root: string) => Seen[];
  /** Baseline warning codes that this case expects to see as well. */
  keep?: string[];
}

/** Runs one fault case and returns [actual, expected], both sorted, for toEqual. */
export function runCase(c: FaultCase): [Seen[], Seen[]] {
  const root = copyGood();
  c.inject(root);
  const result = check(root);
  const expected = sortSeen(c.expected(root));
  // Kept baseline codes are compared only in the files the case is about.
  const files = new Set(expected.map((e) => e.file));
  const actual = seen(result, new Set(c.keep ?? [])).filter((s) => !BASELINE_CODES.has(s.code) || files.has(s.file));
  return [sortSeen(actual), expected];
}

/** Every file under root/content, as bytes, keyed by path relative to root. */
export function contentSnapshot(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const p = `${rel}/${name}`;
      if (statSync(join(root, p)).isDirectory()) walk(p);
      else out.set(p, readFileSync(join(root, p)));
    }
  };
  walk('content');
  return out;
}
