/**
 * `npm run check -- --fix`: rewrites content files into the canonical character form
 * (NFC, normalizeText's look-alike rules, no BOM) and nothing else. Lines are fixed one
 * by one and line endings are kept, so every byte outside the fixed characters stays.
 */
import { readFileSync } from 'node:fs';
import { type AtomicFs, writeFileAtomic } from '../files/atomic.ts';
import { fileErrorMessage } from '../files/errors.ts';
import { join } from 'node:path';
import { normalizeText } from '../text/vietnamese.ts';
import { contentFiles } from './files.ts';

export interface LineFix {
  line: number;
  /** What changed on the line, in words ("NFC", "U+2013 → -"). */
  changes: string[];
}

export interface FileFix {
  file: string;
  lines: LineFix[];
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What normalisation changes in one line, described for the report. */
function describeChanges(line: string): string[] {
  const changes: string[] = [];
  const nfc = line.normalize('NFC');
  if (nfc !== line) changes.push('chuyển sang Unicode dựng sẵn (NFC)');
  const seen = new Map<string, number>();
  for (const ch of nfc) {
    if (normalizeText(ch) !== ch) seen.set(ch, (seen.get(ch) ?? 0) + 1);
  }
  for (const [ch, count] of seen) {
    const to = normalizeText(ch);
    changes.push(`${codePoint(ch)} → ${to ? `"${to}"` : 'bỏ'}${count > 1 ? ` (${count} chỗ)` : ''}`);
  }
  return changes;
}

/** The fixed text and what was changed; `text === raw` when nothing needed fixing. */
export function fixText(raw: string): { text: string; lines: LineFix[] } {
  const lines: LineFix[] = [];
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    lines.push({ line: 1, changes: ['bỏ BOM (U+FEFF) ở đầu tệp'] });
  }
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const line = parts[i]!;
    const fixed = normalizeText(line);
    if (fixed === line) continue;
    const changes = describeChanges(line);
    const existing = lines.find((l) => l.line === i + 1);
    if (existing) existing.changes.push(...changes);
    else lines.push({ line: i + 1, changes });
    parts[i] = fixed;
  }
  return { text: parts.join('\n'), lines };
}

/** What --fix did: the files it rewrote, and the ones it could not write (left as they were). */
export interface FixOutcome {
  fixes: FileFix[];
  failures: { file: string; message: string }[];
}

/**
 * Fixes every content file under root; returns what changed, file by file. Each file is
 * replaced atomically (src/lib/files/atomic.ts): on a full disk or a read-only folder it
 * stays exactly as it was. Links and special files are never listed (contentFiles), so
 * nothing outside the tree is rewritten. `fs` is for tests that inject a failing write.
 */
export function fixTree(root: string, fs?: AtomicFs): FixOutcome {
  const fixes: FileFix[] = [];
  const failures: FixOutcome['failures'] = [];
  for (const file of contentFiles(root).checked) {
    const path = join(root, file);
    const bytes = readFileSync(path);
    let raw: string;
    try {
      raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      continue; // Not UTF-8: reported by the check, and rewriting it would lose bytes.
    }
    const { text, lines } = fixText(raw);
    if (text === raw) continue;
    try {
      writeFileAtomic(path, text, fs);
      fixes.push({ file, lines });
    } catch (e) {
      failures.push({ file, message: `${fileErrorMessage(e, 'ghi được tệp', file)}; tệp giữ nguyên như trước, chưa sửa` });
    }
  }
  return { fixes, failures };
}
