/**
 * The field tables of the editors' guide (content/README.md), generated from the zod
 * schemas so the guide cannot drift from what `npm run check` enforces. Types, enums and
 * required-ness come from the schema (through its JSON Schema), the Vietnamese meaning of
 * each field from its `.meta({ description })` there, relation names from the vocabulary;
 * a field without a description stops the generator.
 */
import type { z } from 'zod';
import { documentFrontmatterSchema, relationEntrySchema, relationsSchema, sourceSchema, RELATION_TYPES } from '../schema/document.ts';
import { ID_PATTERN, jsonSchemaOf, type JsonSchemaNode } from '../schema/fields.ts';
import { RELATION_VOCABULARY, type RelationType } from '../schema/vocabulary.ts';

type JsonSchema = JsonSchemaNode;

function describeType(field: string, s: JsonSchema): string {
  if (s.anyOf) {
    const parts = s.anyOf.map((x) => describeType(field, x));
    return parts.join(' hoặc ');
  }
  if (s.enum) return `một trong: ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (s.type === 'null') return '`null`';
  if (s.type === 'boolean') return '`true` / `false`';
  if (s.type === 'array') {
    if (s.items?.type === 'object') return 'danh sách mục';
    return `danh sách ${describeType(field, s.items ?? {})}`.replace('danh sách mã', 'danh sách mã');
  }
  if (s.type === 'object') return field === 'relations' ? 'bảng quan hệ' : 'mục';
  if (s.type === 'string') {
    if (s.pattern === ID_PATTERN.source) return 'mã';
    if (s.date) return 'ngày "YYYY-MM-DD"';
    if (s.format === 'uri') return 'đường dẫn';
    return 'chữ';
  }
  return 'giá trị';
}

function rows(schema: z.ZodType, name: string): string[] {
  return rowsOf(jsonSchemaOf(schema), name);
}

function rowsOf(json: JsonSchema, name: string): string[] {
  const required = new Set(json.required ?? []);
  const out: string[] = [];
  for (const [field, s] of Object.entries(json.properties ?? {})) {
    const meaning = s.description;
    if (!meaning) throw new Error(`field-table: trường "${field}" của ${name} chưa có mô tả tiếng Việt (.meta({ description }) trong src/lib/schema/)`);
    const need = required.has(field) ? (s.minItems ? `bắt buộc, ít nhất ${s.minItems}` : 'bắt buộc') : s.default !== undefined ? `không (mặc định \`${JSON.stringify(s.default)}\`)` : 'không';
    out.push(`| \`${field}\` | ${describeType(field, s)} | ${need} | ${meaning} |`);
  }
  return out;
}

const HEAD = ['| Trường | Kiểu | Bắt buộc | Ý nghĩa |', '|---|---|---|---|'];

/** The generated part of content/README.md (without the markers). */
export function fieldTables(): string {
  const relationKeys = Object.keys(jsonSchemaOf(relationsSchema).properties ?? {});
  const entryObject = jsonSchemaOf(relationEntrySchema).anyOf?.find((s) => s.type === 'object');
  if (!entryObject) throw new Error('field-table: lược đồ quan hệ không còn dạng { id, where, source, note }');
  for (const k of RELATION_TYPES) if (!relationKeys.includes(k)) throw new Error(`field-table: quan hệ ${k} không có trong lược đồ`);
  return [
    '### Trường của một văn bản (`content/van-ban/*.mdx`)',
    '',
    ...HEAD,
    ...rows(documentFrontmatterSchema, 'văn bản'),
    '',
    '### Mỗi mục trong `sources`',
    '',
    ...HEAD,
    ...rows(sourceSchema, 'nguồn'),
    '',
    '### Các quan hệ trong `relations`',
    '',
    'Mỗi quan hệ là một danh sách. Một mục là mã văn bản (chưa có xuất xứ: `npm run check` cảnh báo) hoặc một bảng có xuất xứ:',
    '',
    ...HEAD,
    ...rowsOf(entryObject, 'mục quan hệ'),
    '',
    'Quan hệ chỉ trỏ về văn bản ban hành trước hoặc cùng ngày (thời gian chỉ chạy tới): trỏ tới văn bản ban hành sau là lỗi.',
    '',
    '| Khóa | Văn bản này … văn bản đích | Trang văn bản đích ghi |',
    '|---|---|---|',
    ...relationKeys.map((k) => {
      const term = RELATION_VOCABULARY[k as RelationType];
      if (!term) throw new Error(`field-table: quan hệ "${k}" chưa có trong bảng từ vựng quan hệ`);
      return `| \`${k}\` | ${term.verb} | ${term.inverse.toLowerCase()} |`;
    }),
  ].join('\n');
}

export const FIELDS_START = '<!-- Bảng trường: sinh tự động bởi node scripts/run.mjs gen-content-readme, đừng sửa tay -->';
export const FIELDS_END = '<!-- Hết bảng trường -->';

/** The README with the generated part replaced; throws when the markers are missing. */
export function withFieldTables(readme: string): string {
  const start = readme.indexOf(FIELDS_START);
  const end = readme.indexOf(FIELDS_END);
  if (start < 0 || end < start) throw new Error('content/README.md thiếu cặp dấu mốc của bảng trường');
  return `${readme.slice(0, start + FIELDS_START.length)}\n\n${fieldTables()}\n\n${readme.slice(end)}`;
}
