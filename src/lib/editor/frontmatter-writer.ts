/**
 * Writes draft frontmatter by hand rather than through a YAML library, because a draft
 * needs things a serialiser does not give: a fixed field order editors recognise, every
 * date quoted (an unquoted 2021-11-26 is a timestamp to most YAML readers), and TODO
 * comments standing exactly where a missing field belongs.
 */
import type { DocumentFrontmatter, RelationEntry, RelationType, Source } from '../schema/document.ts';
import { RELATION_TYPES } from '../schema/document.ts';
import { DATE_KEYS, ID_PATTERN } from '../schema/fields.ts';

export type DraftFrontmatter = Partial<Omit<DocumentFrontmatter, 'relations' | 'sources'>> & {
  relations?: Partial<Record<RelationType, RelationEntry[]>>;
  sources?: Source[];
};

export interface FrontmatterDraft {
  data: DraftFrontmatter;
  /** Field → why it is missing; written as "# TODO field: …" where the field goes. */
  todo?: Partial<Record<keyof DocumentFrontmatter | string, string>>;
  /** Comment lines put at the top of the frontmatter (without "#"). */
  header?: string[];
  /** Comment lines put at the end of the frontmatter (without "#"). */
  footer?: string[];
}

/** The order editors see fields in; it follows DESIGN.md and the schema. */
const ORDER = [
  'type',
  'number',
  'issued',
  'issuer',
  'coIssuers',
  'signer',
  'title',
  'province',
  'topics',
  'status',
  'effectiveFrom',
  'effectiveTo',
  'statusAsOf',
  'statusSource',
  'statusReason',
  'relations',
  'aliases',
  'summary',
  'featured',
  'fullText',
  'sources',
] as const;

const ID = ID_PATTERN;
const DATE_FIELDS = DATE_KEYS;

/** A YAML scalar: ids bare, everything else double-quoted (JSON strings are valid YAML). */
export function yamlScalar(value: unknown, field = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const s = String(value);
  if (!DATE_FIELDS.has(field) && ID.test(s) && !/^(true|false|null|yes|no|on|off|\d+)$/.test(s)) return s;
  return JSON.stringify(s);
}

function comment(text: string): string {
  return text
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n');
}

function writeSources(sources: Source[]): string {
  const lines = ['sources:'];
  for (const s of sources) {
    const entries = Object.entries(s).filter(([, v]) => v !== undefined);
    entries.forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${yamlScalar(v, k)}`));
  }
  return lines.join('\n');
}

/** A one-line YAML flow mapping: { id: x, where: "…" }. */
function flowMapping(value: Record<string, unknown>): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${k}: ${yamlScalar(v, k)}`).join(', ')} }`;
}

function writeRelations(rel: Partial<Record<RelationType, RelationEntry[]>>): string {
  const keys = RELATION_TYPES.filter((k) => rel[k]?.length);
  if (!keys.length) return 'relations: {}';
  const entry = (v: RelationEntry) => (typeof v === 'string' ? yamlScalar(v) : flowMapping(v));
  return ['relations:', ...keys.map((k) => `  ${k}: [${rel[k]!.map(entry).join(', ')}]`)].join('\n');
}

function writeField(key: string, value: unknown): string {
  if (key === 'sources') return writeSources(value as Source[]);
  if (key === 'relations') return writeRelations(value as Partial<Record<RelationType, RelationEntry[]>>);
  if (value && typeof value === 'object' && !Array.isArray(value)) return `${key}: ${flowMapping(value as Record<string, unknown>)}`;
  if (Array.isArray(value)) return `${key}: [${value.map((v) => yamlScalar(v)).join(', ')}]`;
  return `${key}: ${yamlScalar(value, key)}`;
}

/** The frontmatter block, fences included, ending with a newline. */
export function writeFrontmatter(draft: FrontmatterDraft): string {
  const out: string[] = ['---'];
  for (const h of draft.header ?? []) out.push(comment(h));
  const data = draft.data as Record<string, unknown>;
  const todo = (draft.todo ?? {}) as Record<string, string>;
  const keys = [...ORDER, ...Object.keys(data).filter((k) => !(ORDER as readonly string[]).includes(k))];
  for (const key of keys) {
    if (todo[key]) out.push(comment(`TODO ${key}: ${todo[key]}`));
    if (data[key] !== undefined) out.push(writeField(key, data[key]));
  }
  for (const f of draft.footer ?? []) out.push(comment(f));
  out.push('---');
  return out.join('\n') + '\n';
}
