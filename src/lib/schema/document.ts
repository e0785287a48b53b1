/**
 * The directive frontmatter schema: the one authority for what a document file holds.
 * Cross-file facts (issuer exists, relation targets exist, identities unique, cycles)
 * are checked in src/lib/check/, which has the whole corpus.
 */
import { z } from 'zod';
import { DOCUMENT_TYPE_IDS } from '../document-types.ts';
import { explainBadDate } from './dates.ts';
import { STATUS_VALUES, RELATION_TYPES, type RelationType } from './vocabulary.ts';
import { httpUrl } from './url.ts';

export { RELATION_TYPES, RELATION_ORDER, STATUS_VALUES } from './vocabulary.ts';
export type { RelationType, StatusValue } from './vocabulary.ts';

/** The id pattern of documents and registry entries (lower-case ASCII words joined by "-"). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const registryId = z.string().regex(ID_PATTERN, 'cần mã dạng chữ thường không dấu nối bằng "-"');

/**
 * The key of a document that is not in the corpus: its number and year, "25-NQ/TW@2003",
 * "10/2022/QH15@2022" (the same key as /chua-co/ lists).
 */
export const DOCUMENT_KEY_PATTERN = /^[^\s@][^@]*@\d{4}$/;
export function isDocumentKey(value: string): boolean {
  return DOCUMENT_KEY_PATTERN.test(value);
}

/** Field metadata read by the editors' guide, the check and the frontmatter writer (see fields.ts). */
export interface FieldMeta {
  /** Vietnamese meaning of the field, for content/README.md. */
  description: string;
  /** The value is a date written "YYYY-MM-DD" (or partial), always quoted in YAML. */
  date?: boolean;
}
/** Attaches a field's metadata, keeping what the schema carries already (isoDate's `date`). */
export const field = <T extends z.ZodType>(schema: T, meta: FieldMeta): T => schema.meta({ ...schema.meta(), ...meta }) as T;

/** A date string checked against the calendar; `partial` also allows "YYYY-MM" and "YYYY". */
export function isoDate(partial = false) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = explainBadDate(value, partial);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    // Every date field says so in its metadata: the guide, the check of unquoted dates
    // and the frontmatter writer read the date fields from here (src/lib/schema/fields.ts).
    .meta({ date: true });
}


export const sourceSchema = z.strictObject({
  title: field(z.string().min(1), { description: 'Tên nguồn (tên văn bản, bài báo, trang công báo).' }),
  publisher: field(z.string().min(1), { description: 'Cơ quan, trang đăng tải.' }).optional(),
  date: field(isoDate(true), { description: 'Ngày đăng hoặc ngày truy cập, trong ngoặc kép.' }).optional(),
  url: field(httpUrl, { description: 'Đường dẫn đầy đủ (https://…).' }).optional(),
  /** What this source tells, when not the whole record ("số, ngày ban hành"). */
  note: field(z.string(), { description: 'Nguồn này cho biết điều gì, khi không phải toàn bộ thông tin.' }).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** A relation target: a corpus document id, or the key of a document not in the corpus yet. */
export const relationTarget = z.union([registryId, z.string().regex(DOCUMENT_KEY_PATTERN)], {
  error: 'cần mã văn bản trong kho ("chi-thi-33-ct-ttg-2021") hoặc khóa số@năm của văn bản chưa có ("25-NQ/TW@2003")',
});

/**
 * One relation: a plain target (no provenance: the check warns), or the target with where
 * the official text says it and the page it was read on.
 */
export const relationEntrySchema = z.union([
  relationTarget,
  z.strictObject({
    id: field(relationTarget, { description: 'Mã văn bản trong kho, hoặc khóa "số@năm" của văn bản chưa có ("25-NQ/TW@2003").' }),
    where: field(z.string().min(1), { description: 'Chỗ văn bản chính thức nói ra quan hệ: "Căn cứ (phần mở đầu)", "Điều 5", "điều khoản thi hành"…' }).optional(),
    source: field(httpUrl, { description: 'Đường dẫn (https://…) của trang đã đọc quan hệ này.' }).optional(),
    note: field(z.string().min(1), { description: 'Ghi chú (ví dụ: nguồn nói khác nhau).' }).optional(),
  }),
]);
export type RelationEntry = z.infer<typeof relationEntrySchema>;

const relationList = z.array(relationEntrySchema).optional();
export const relationsSchema = z.strictObject(
  Object.fromEntries(RELATION_TYPES.map((r) => [r, relationList])) as Record<RelationType, typeof relationList>,
);
export type Relations = z.infer<typeof relationsSchema>;

/** A relation entry with its provenance, whichever form it was written in. */
export interface RelationFact {
  id: string;
  where: string | null;
  source: string | null;
  note: string | null;
  /** Written as a plain id: no provenance. */
  plain: boolean;
}

export function relationFact(entry: RelationEntry): RelationFact {
  if (typeof entry === 'string') return { id: entry, where: null, source: null, note: null, plain: true };
  return { id: entry.id, where: entry.where ?? null, source: entry.source ?? null, note: entry.note ?? null, plain: false };
}

/** The entries of one relation list, normalised. */
export function relationFacts(relations: Relations, type: RelationType): RelationFact[] {
  return (relations[type] ?? []).map(relationFact);
}

export const documentFrontmatterSchema = z.strictObject({
  type: field(z.enum(DOCUMENT_TYPE_IDS), { description: 'Loại văn bản (Chỉ thị, Kế hoạch…), theo dòng tên loại in hoa ở đầu văn bản.' }),
  /** Số ký hiệu as officially written; leave out when unknown. */
  number: field(z.string().min(1), { description: 'Số, ký hiệu đúng như văn bản ghi ("33/CT-TTg", "25-NQ/TW"). Bỏ trống khi văn bản không có số hoặc chưa tìm được.' }).optional(),
  /** Ngày ban hành; "YYYY-MM" or "YYYY" when only that is known. */
  issued: field(isoDate(true), { description: 'Ngày ban hành, trong ngoặc kép: "2021-11-26". Chỉ biết tháng hoặc năm thì ghi "2021-11" hoặc "2021".' }),
  issuer: field(registryId, { description: 'Mã cơ quan ban hành trong content/registries/issuers.yaml.' }),
  /** Further issuers of a joint document (chương trình phối hợp). */
  coIssuers: field(z.array(registryId), { description: 'Các cơ quan cùng ban hành (chương trình phối hợp, văn bản liên tịch).' }).optional(),
  signer: field(z.string().min(1), { description: 'Người ký, như ở khối chữ ký cuối văn bản.' }).optional(),
  /** Trích yếu. */
  title: field(z.string().min(1), { description: 'Trích yếu: dòng "về …" ngay dưới tên loại văn bản, viết hoa chữ đầu.' }),
  /** Province registry id for local documents. */
  province: field(registryId.nullable(), { description: 'Mã tỉnh (content/registries/provinces.yaml) với văn bản địa phương; null với văn bản Trung ương.' }).optional(),
  topics: field(z.array(registryId), { description: 'Mã chủ đề trong content/registries/topics.yaml.' }).default([]),
  status: field(z.enum(STATUS_VALUES), {
    description: 'Tình trạng hiệu lực theo nguồn: in-force (còn hiệu lực), partly-in-force (còn một phần), not-yet-in-force (chưa có hiệu lực), not-in-force (hết hiệu lực); chưa có nguồn thì ghi unknown.',
  }),
  /** Ngày có hiệu lực, when a source states it. */
  effectiveFrom: field(isoDate(false), { description: 'Ngày có hiệu lực, khi nguồn nêu rõ, trong ngoặc kép.' }).optional(),
  /** Ngày hết hiệu lực (the first day without effect), when a source states it. */
  effectiveTo: field(isoDate(false), { description: 'Ngày hết hiệu lực (từ ngày này văn bản không còn hiệu lực), khi nguồn nêu rõ, trong ngoặc kép.' }).optional(),
  /** The date the status was read from its source: status is an assertion, never a default. */
  statusAsOf: field(isoDate(false), { description: 'Ngày đọc tình trạng từ nguồn, trong ngoặc kép; bắt buộc khi status khác unknown.' }).optional(),
  /** Where the status was read; required unless the status is unknown (checked with the corpus). */
  statusSource: field(sourceSchema, { description: 'Nguồn nêu tình trạng (cùng dạng một mục của sources); bắt buộc khi status khác unknown.' }).optional(),
  statusReason: field(z.string().min(1), { description: 'Căn cứ của tình trạng; với unknown thì nói vì sao chưa rõ ("Chưa tìm được nguồn nêu hiệu lực").' }).optional(),
  relations: field(relationsSchema, {
    description: 'Quan hệ với văn bản khác, ghi theo văn bản chính thức: mỗi mục là mã văn bản hoặc { id, where, source, note } (xem bảng quan hệ).',
  }).default({}),
  /** Names the document is cited by without a number ("Nghị quyết Đại hội XIII"). */
  aliases: field(z.array(z.string().min(1)), { description: 'Tên gọi khác mà văn bản khác dùng để nhắc tới văn bản này ("Nghị quyết Đại hội XIII").' }).optional(),
  /** One-line summary for lists and reading lists. */
  summary: field(z.string().min(1), { description: 'Một câu tóm tắt bằng lời của biên tập viên, không chép nguyên văn.' }).optional(),
  /** Shown among the key documents on the home page. */
  featured: field(z.boolean(), { description: 'true để hiện trong mục văn bản chủ chốt ở trang đầu.' }).optional(),
  /** True only when the body is the document's complete official text: only then do its mentions become edges. */
  fullText: field(z.boolean(), {
    description: 'true chỉ khi phần thân là toàn văn chính thức (khi đó văn bản được nhắc trong thân thành quan hệ dẫn chiếu); tóm tắt, trích đoạn thì ghi false.',
  }),
  sources: field(z.array(sourceSchema).min(1, 'cần ít nhất một nguồn'), { description: 'Nguồn đã dùng, ít nhất một (xem bảng nguồn).' }),
});

export type DocumentFrontmatter = z.infer<typeof documentFrontmatterSchema>;
