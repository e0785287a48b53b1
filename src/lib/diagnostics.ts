/** One problem found in content, reported with where it is and what was expected. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path relative to the project root, forward slashes. */
  file: string;
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  line: number;
  /** Dotted field path in the frontmatter ("relations.replaces.0"), or "body". */
  field?: string;
  /** Short machine-readable code ("date-invalid", "unknown-issuer"). */
  code: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}`;
  const field = d.field ? ` [${d.field}]` : '';
  const tag = d.severity === 'error' ? 'lỗi' : 'cảnh báo';
  return `${where}${field} ${tag} (${d.code}): ${d.message}`;
}

/** Stable order: by file, line, then code, so reports and graph output are deterministic. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.field ?? '').localeCompare(b.field ?? ''),
  );
}
