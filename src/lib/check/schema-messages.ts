/**
 * loadCorpus reports schema problems with zod's wording and without the value found.
 * For `npm run check` each one is restated in Vietnamese with what was found (read
 * again from the file) and, where it helps, a more specific code: field-missing,
 * field-type, date-not-string, date-invalid, unknown-type, field-unknown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { parseContentFile } from '../content/frontmatter.ts';
import { DOCUMENT_TYPE_IDS } from '../document-types.ts';
import { slugify } from '../text/vietnamese.ts';
import { documentFrontmatterSchema, relationsSchema, sourceSchema } from '../schema/document.ts';
import { implementationFrontmatterSchema, figureSchema } from '../schema/implementation.ts';
import { courseFrontmatterSchema } from '../schema/course.ts';
import { issuerSchema, provinceSchema, topicSchema } from '../schema/registries.ts';
import { preview } from './context.ts';
import { DATE_KEYS } from './dates.ts';
import { didYouMean } from './suggest.ts';
import { frontmatterSource, valueAt, yamlSource, type YamlSource } from './yaml-source.ts';

const LABELS: Record<string, string> = {
  type: 'loại văn bản',
  number: 'số ký hiệu',
  issued: 'ngày ban hành',
  issuer: 'cơ quan ban hành',
  title: 'trích yếu / tiêu đề',
  status: 'tình trạng hiệu lực',
  statusAsOf: 'ngày xác minh tình trạng',
  fullText: 'có phải toàn văn không: true hoặc false',
  sources: 'nguồn',
  date: 'ngày',
  reportsOn: 'các văn bản được báo cáo',
  audience: 'đối tượng học',
  duration: 'thời lượng',
  objectives: 'mục tiêu',
  readings: 'tài liệu đọc',
  document: 'mã văn bản',
  note: 'ghi chú',
  id: 'mã',
  name: 'tên',
  system: 'hệ thống: dang, nha-nuoc hoặc mat-tran-doan-the',
  level: 'cấp',
  label: 'nội dung số liệu',
  value: 'giá trị số',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'một số',
  boolean: 'true hoặc false',
  array: 'một danh sách',
  object: 'một nhóm trường (khoá: giá trị)',
};

const KNOWN_KEYS = new Set(
  [
    documentFrontmatterSchema,
    relationsSchema,
    sourceSchema,
    implementationFrontmatterSchema,
    figureSchema,
    courseFrontmatterSchema,
    issuerSchema,
    provinceSchema,
    topicSchema,
  ].flatMap((s) => Object.keys(s.shape)),
);

function describeValue(v: unknown): string {
  if (v === null) return 'null (để trống)';
  if (Array.isArray(v)) return `một danh sách ${v.length} mục`;
  if (typeof v === 'string') return `chuỗi "${preview(v, 40)}"`;
  if (typeof v === 'number') return `số ${v}`;
  if (typeof v === 'boolean') return `giá trị ${v}`;
  if (typeof v === 'object') return 'một nhóm trường';
  return String(v);
}

const YAML_HINTS: [RegExp, string][] = [
  [/Map keys must be unique/i, 'một trường được khai báo hai lần'],
  [/call stack|Excessive alias|resource exhaustion/i, 'cấu trúc YAML lồng quá sâu hoặc dùng bí danh (&, *) quá nhiều'],
  [/Nested mappings are not allowed in compact mappings/i, 'giá trị có dấu ":" cần đặt trong dấu nháy kép'],
  [/Implicit (map )?keys need|Implicit map keys need to be followed/i, 'thiếu dấu ":" sau tên trường, hoặc một giá trị bị xuống dòng'],
  [/Missing closing .?quote|Missing closing/i, 'thiếu dấu nháy đóng'],
  [/flow (sequence|collection|map)|Expected .* or \]|Expected .*\]/i, 'danh sách [...] hoặc nhóm {...} chưa đóng (thiếu "]", "}" hay ",")'],
  [/tab/i, 'YAML không cho dùng ký tự tab để thụt lề; dùng dấu cách'],
  [/All mapping items must start at the same column|indent/i, 'thụt lề không đều'],
];

/** Odd number of unescaped double quotes, or more "[" than "]" (a construct left open). */
function opensSomething(line: string): boolean {
  const quotes = (line.replace(/\\"/g, '').match(/"/g) ?? []).length;
  const opens = (line.match(/\[/g) ?? []).length;
  const closes = (line.match(/\]/g) ?? []).length;
  return quotes % 2 === 1 || opens > closes;
}

/**
 * The YAML parser notices an unclosed quote or "[" where it runs out of text, often the
 * next line; the line the editor must fix is the one that opened it.
 */
function openingLine(raw: string, reported: number): number {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let n = Math.min(reported, lines.length); n >= 1 && n > reported - 30; n--) {
    if (/^---\s*$/.test(lines[n - 1] ?? '') && n < reported) break;
    if (opensSomething(lines[n - 1] ?? '')) return n;
  }
  return reported;
}

type Source = { data: unknown; src: YamlSource | null; raw: string };
type Sources = (file: string) => Source;

/** Reads each file at most once, whatever the number of its diagnostics. */
function sourceReader(root: string): Sources {
  const cache = new Map<string, Source>();
  return (file) => {
    let hit = cache.get(file);
    if (!hit) {
      try {
        const raw = readFileSync(join(root, file), 'utf8');
        if (file.endsWith('.yaml')) {
          const src = yamlSource(raw.replace(/^\uFEFF/, ''), 1);
          hit = { data: src.doc.toJS(), src, raw };
        } else {
          hit = { data: parseContentFile(raw).data, src: frontmatterSource(raw), raw };
        }
      } catch {
        hit = { data: undefined, src: null, raw: '' };
      }
      cache.set(file, hit);
    }
    return hit;
  };
}

function keyLine(src: YamlSource | null, path: (string | number)[], key: string): number | null {
  if (!src) return null;
  const parent = path.length ? src.doc.getIn(path, true) : src.doc.contents;
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
  const pair = items?.find((p) => p.key?.value === key);
  return pair?.key?.range ? src.line(pair.key.range[0]) : null;
}

function restate(d: Diagnostic, sources: Sources): Diagnostic[] {
  if (d.code === 'yaml-syntax') {
    const hint = YAML_HINTS.find(([re]) => re.test(d.message));
    const unclosed = /Missing closing|end with a [\]}]/i.test(d.message);
    const line = unclosed ? openingLine(sources(d.file).raw, d.line) : d.line;
    const where = line !== d.line ? `, phát hiện ở dòng ${d.line}` : '';
    return [hint ? { ...d, line, message: `lỗi cú pháp YAML: ${hint[1]} (${d.message.replace(/^lỗi cú pháp YAML: /, '')}${where})` } : d];
  }
  if (!d.code.startsWith('schema-') && d.code !== 'invalid-value') return [d];
  const path = (d.field ?? '').split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const key = String(path[path.length - 1] ?? '');
  const { data, src } = sources(d.file);
  const value = valueAt(data, path);
  const label = LABELS[key] ? ` (${LABELS[key]})` : '';

  if (value === undefined && path.length && (d.code === 'schema-invalid-type' || d.code === 'schema-invalid-value')) {
    return [{ ...d, code: 'field-missing', message: `thiếu trường bắt buộc "${key}"${label}` }];
  }
  switch (d.code) {
    case 'schema-unrecognized-keys': {
      const keys = d.message.replace(/^.*?:\s*/, '').split(/,\s*/).filter(Boolean);
      return keys.map((k) => ({
        ...d,
        line: keyLine(src, path, k) ?? d.line,
        field: [...path, k].join('.'),
        code: 'field-unknown',
        message: `trường "${k}" không có trong lược đồ.${didYouMean(k, KNOWN_KEYS)}`,
      }));
    }
    case 'schema-invalid-type': {
      if (value === undefined) return [{ ...d, code: 'field-missing', message: `thiếu trường bắt buộc "${key}"${label}` }];
      const expected = /expected (\w+)/.exec(d.message)?.[1] ?? '';
      if (DATE_KEYS.has(key) && typeof value !== 'string') {
        return [{ ...d, code: 'date-not-string', message: `ngày phải là chuỗi trong dấu nháy kép, ví dụ ${key}: "2021-11-26"; ở đây YAML đọc thành ${describeValue(value)}${typeof value === 'number' ? `, hãy viết ${key}: "${value}"` : ''}` }];
      }
      const quoteHint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? `; đặt trong dấu nháy: ${key}: "${value}"` : '';
      return [{ ...d, code: 'field-type', message: `cần ${TYPE_WORDS[expected] ?? expected}${label}, nhận được ${describeValue(value)}${quoteHint}` }];
    }
    case 'invalid-value':
      return [DATE_KEYS.has(key) ? { ...d, code: 'date-invalid', message: `${LABELS[key] ?? key}: ${d.message}` } : d];
    case 'schema-invalid-value': {
      if (key === 'type' && path.length === 1) {
        const asId = typeof value === 'string' ? slugify(value) : '';
        const hint = (DOCUMENT_TYPE_IDS as readonly string[]).includes(asId) ? ` Có phải ý bạn là "${asId}"?` : '';
        return [{ ...d, code: 'unknown-type', message: `loại văn bản "${preview(String(value), 40)}" không có; cần một trong: ${DOCUMENT_TYPE_IDS.join(', ')}.${hint}` }];
      }
      return [{ ...d, message: d.message.replace('giá trị không hợp lệ', `giá trị ${describeValue(value)} không hợp lệ`) }];
    }
    case 'schema-invalid-format': {
      const msg = /^Invalid URL/i.test(d.message) ? 'địa chỉ URL không hợp lệ (cần http:// hoặc https://…)' : d.message;
      return [{ ...d, message: `${msg}; nhận được ${describeValue(value)}` }];
    }
    case 'schema-too-small': {
      if (/^[A-Z]/.test(d.message)) {
        const min = /(\d+)/.exec(d.message)?.[1] ?? '1';
        const msg = typeof value === 'string' ? `không được để trống${label}` : `cần ít nhất ${min} mục${label}`;
        return [{ ...d, message: msg }];
      }
      return [d];
    }
    default:
      return [/^[A-Z]/.test(d.message) ? { ...d, message: `giá trị không hợp lệ${label}: ${d.message}` } : d];
  }
}

/** Restates loadCorpus diagnostics for people; diagnostics of other kinds pass unchanged. */
export function explainLoadDiagnostics(diagnostics: Diagnostic[], root: string): Diagnostic[] {
  const sources = sourceReader(root);
  return diagnostics.flatMap((d) => {
    try {
      return restate(d, sources);
    } catch {
      return [d];
    }
  });
}
