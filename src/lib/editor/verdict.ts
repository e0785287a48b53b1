/**
 * The checker's verdict on one draft, in the context of the corpus it joins: the same
 * runCheck as `npm run check`, so the editor sees exactly what the build will say.
 * A draft written outside content/ is checked in a temporary copy of the registries and
 * documents, so references and duplicate identities are still checked against the corpus.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { runCheck } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { CONTENT_DIRS } from '../content/corpus.ts';

export interface DraftVerdict {
  /** Problems of the draft file, with its path as the editor knows it. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return !!rel && !rel.startsWith('..') && !rel.startsWith(sep) && rel !== file;
}

export function checkDraft(root: string, draftPath: string, today?: string): DraftVerdict {
  const abs = resolve(draftPath);
  const docsDir = resolve(root, CONTENT_DIRS.documents);
  let diagnostics: Diagnostic[];
  if (inside(docsDir, abs)) {
    const rel = relative(resolve(root), abs).split(sep).join('/');
    diagnostics = runCheck(root, today ? { today } : {}).diagnostics.filter((d) => d.file === rel);
  } else {
    const tmp = mkdtempSync(join(tmpdir(), 'danvan-draft-'));
    try {
      const registries = resolve(root, CONTENT_DIRS.registries);
      if (existsSync(registries)) cpSync(registries, join(tmp, CONTENT_DIRS.registries), { recursive: true });
      const target = join(tmp, CONTENT_DIRS.documents);
      mkdirSync(target, { recursive: true });
      if (existsSync(docsDir)) {
        for (const name of readdirSync(docsDir)) {
          if (name.endsWith('.mdx') && name !== basename(abs)) copyFileSync(join(docsDir, name), join(target, name));
        }
      }
      copyFileSync(abs, join(target, basename(abs)));
      const rel = `${CONTENT_DIRS.documents}/${basename(abs)}`;
      diagnostics = runCheck(tmp, today ? { today } : {})
        .diagnostics.filter((d) => d.file === rel)
        .map((d) => ({ ...d, file: draftPath }));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { diagnostics, errors, warnings: diagnostics.length - errors };
}
