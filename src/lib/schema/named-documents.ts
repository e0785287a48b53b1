/**
 * Named documents (content/registries/named-documents.yaml): laws, ordinances, the
 * Constitution and other documents cited by name ("Luật Khiếu nại, tố cáo năm 1998").
 * One entry is one version; entries of one family share a name, so the year or date
 * written with a mention, or the citing document's date, picks the version. The citation
 * engine resolves named mentions with it; pages may show it. Facts only, each sourced.
 */
import { z } from 'zod';
import { isoDate, registryId } from './document.ts';

export const NAMED_DOCUMENT_KINDS = ['luat', 'bo-luat', 'phap-lenh', 'hien-phap', 'dieu-le', 'nghi-quyet'] as const;
export type NamedDocumentKind = (typeof NAMED_DOCUMENT_KINDS)[number];

export const namedDocumentSchema = z.strictObject({
  id: registryId,
  kind: z.enum(NAMED_DOCUMENT_KINDS),
  /**
   * The name as written after the type word ("Khiếu nại, tố cáo"); the first is the
   * official one. An amending law is named by what it amends ("sửa đổi, bổ sung một số
   * điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương").
   */
  names: z.array(z.string().min(1)).min(1),
  /** Số ký hiệu ("09/1998/QH10"), absent when not verified. */
  number: z.string().min(1).optional(),
  /** Date passed (ISO, possibly "YYYY" alone when only the year is verified). */
  issued: isoDate(true),
  /** Date it took effect, when verified. */
  effective: isoDate(true).optional(),
  /** Ids of the versions that replaced it (a law may be split in two). */
  replacedBy: z.array(registryId).default([]),
  /** A mention that means this version. */
  example: z.string().min(1),
  /** Where the facts were checked. */
  source: z.url({ protocol: /^https?$/ }),
  note: z.string().optional(),
});
export type NamedDocument = z.infer<typeof namedDocumentSchema>;
export const namedDocumentRegistrySchema = z.array(namedDocumentSchema);
