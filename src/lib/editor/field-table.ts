/**
 * The field tables of the editors' guide (content/README.md), generated from the zod
 * schemas so the guide cannot drift from what `npm run check` enforces. Types, enums and
 * required-ness come from the schema (through its JSON Schema); only the Vietnamese
 * meaning of each field is written here, and a field without one stops the generator.
 */
import { z } from 'zod';
import { documentFrontmatterSchema, relationsSchema, sourceSchema, RELATION_TYPES, type RelationType } from '../schema/document.ts';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  minItems?: number;
  format?: string;
}

const DOCUMENT_FIELDS: Record<string, string> = {
  type: 'Loại văn bản (Chỉ thị, Kế hoạch…), theo dòng tên loại in hoa ở đầu văn bản.',
  number: 'Số, ký hiệu đúng như văn bản ghi ("33/CT-TTg", "25-NQ/TW"). Bỏ trống khi văn bản không có số hoặc chưa tìm được.',
  issued: 'Ngày ban hành, trong ngoặc kép: "2021-11-26". Chỉ biết tháng hoặc năm thì ghi "2021-11" hoặc "2021".',
  issuer: 'Mã cơ quan ban hành trong content/registries/issuers.yaml.',
  coIssuers: 'Các cơ quan cùng ban hành (chương trình phối hợp, văn bản liên tịch).',
  signer: 'Người ký, như ở khối chữ ký cuối văn bản.',
  title: 'Trích yếu: dòng "về …" ngay dưới tên loại văn bản, viết hoa chữ đầu.',
  province: 'Mã tỉnh (content/registries/provinces.yaml) với văn bản địa phương; null với văn bản Trung ương.',
  topics: 'Mã chủ đề trong content/registries/topics.yaml.',
  status: 'Tình trạng hiệu lực đã xác minh; chưa xác minh thì ghi unknown.',
  statusAsOf: 'Ngày xác minh tình trạng, trong ngoặc kép.',
  statusReason: 'Căn cứ của tình trạng (văn bản nào thay thế, năm kế hoạch đã hết…).',
  relations: 'Quan hệ với văn bản khác trong kho, ghi bằng mã văn bản (xem bảng quan hệ).',
  aliases: 'Tên gọi khác mà văn bản khác dùng để nhắc tới văn bản này ("Nghị quyết Đại hội XIII").',
  summary: 'Một câu tóm tắt bằng lời của biên tập viên, không chép nguyên văn.',
  featured: 'true để hiện trong mục văn bản chủ chốt ở trang đầu.',
  fullText: 'true chỉ khi phần thân là toàn văn chính thức; tóm tắt, trích đoạn thì ghi false.',
  sources: 'Nguồn đã dùng, ít nhất một (xem bảng nguồn).',
};

const SOURCE_FIELDS: Record<string, string> = {
  title: 'Tên nguồn (tên văn bản, bài báo, trang công báo).',
  publisher: 'Cơ quan, trang đăng tải.',
  date: 'Ngày đăng hoặc ngày truy cập, trong ngoặc kép.',
  url: 'Đường dẫn đầy đủ (https://…).',
  note: 'Nguồn này cho biết điều gì, khi không phải toàn bộ thông tin.',
};

const RELATION_NAMES: Record<RelationType, [string, string]> = {
  replaces: ['thay thế', 'bị thay thế bởi'],
  amends: ['sửa đổi, bổ sung', 'được sửa đổi, bổ sung bởi'],
  repeals: ['bãi bỏ', 'bị bãi bỏ bởi'],
  implements: ['triển khai, thực hiện', 'được triển khai bởi'],
  continues: ['tiếp tục thực hiện', 'được tiếp tục bởi'],
  guides: ['hướng dẫn', 'được hướng dẫn bởi'],
  basedOn: ['căn cứ', 'là căn cứ của'],
  cites: ['dẫn chiếu', 'được dẫn chiếu bởi'],
};

const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const DATE_FIELDS = new Set(['issued', 'statusAsOf', 'date']);

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
  if (s.type === 'object') return 'bảng quan hệ';
  if (s.type === 'string') {
    if (s.pattern === ID_PATTERN) return 'mã';
    if (DATE_FIELDS.has(field)) return 'ngày "YYYY-MM-DD"';
    if (s.format === 'uri') return 'đường dẫn';
    return 'chữ';
  }
  return 'giá trị';
}

function rows(schema: z.ZodType, meanings: Record<string, string>, name: string): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  const out: string[] = [];
  for (const [field, s] of Object.entries(json.properties ?? {})) {
    const meaning = meanings[field];
    if (!meaning) throw new Error(`field-table: trường "${field}" của ${name} chưa có mô tả tiếng Việt trong src/lib/editor/field-table.ts`);
    const need = required.has(field) ? (s.minItems ? `bắt buộc, ít nhất ${s.minItems}` : 'bắt buộc') : s.default !== undefined ? `không (mặc định \`${JSON.stringify(s.default)}\`)` : 'không';
    out.push(`| \`${field}\` | ${describeType(field, s)} | ${need} | ${meaning} |`);
  }
  for (const field of Object.keys(meanings)) {
    if (!json.properties?.[field]) throw new Error(`field-table: "${field}" có mô tả nhưng không còn trong lược đồ ${name}`);
  }
  return out;
}

const HEAD = ['| Trường | Kiểu | Bắt buộc | Ý nghĩa |', '|---|---|---|---|'];

/** The generated part of content/README.md (without the markers). */
export function fieldTables(): string {
  const relationKeys = Object.keys((z.toJSONSchema(relationsSchema, { io: 'input' }) as JsonSchema).properties ?? {});
  for (const k of RELATION_TYPES) if (!relationKeys.includes(k)) throw new Error(`field-table: quan hệ ${k} không có trong lược đồ`);
  return [
    '### Trường của một văn bản (`content/van-ban/*.mdx`)',
    '',
    ...HEAD,
    ...rows(documentFrontmatterSchema, DOCUMENT_FIELDS, 'văn bản'),
    '',
    '### Mỗi mục trong `sources`',
    '',
    ...HEAD,
    ...rows(sourceSchema, SOURCE_FIELDS, 'nguồn'),
    '',
    '### Các quan hệ trong `relations` (danh sách mã văn bản)',
    '',
    '| Khóa | Văn bản này … văn bản đích | Trang văn bản đích ghi |',
    '|---|---|---|',
    ...relationKeys.map((k) => {
      const names = RELATION_NAMES[k as RelationType];
      if (!names) throw new Error(`field-table: quan hệ "${k}" chưa có tên tiếng Việt`);
      return `| \`${k}\` | ${names[0]} | ${names[1]} |`;
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
