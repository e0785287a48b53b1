/**
 * The directive frontmatter schema: the one authority for what a document file holds.
 * Cross-file facts (issuer exists, relation targets exist, identities unique, cycles)
 * are checked in src/lib/check/, which has the whole corpus.
 */
import { z } from 'zod';
import { DOCUMENT_TYPE_IDS } from '../document-types.ts';
import { explainBadDate } from './dates.ts';
import { httpUrl } from './url.ts';

export const RELATION_TYPES = [
  'replaces',
  'amends',
  'repeals',
  'implements',
  'continues',
  'guides',
  'basedOn',
  'cites',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations from the strongest (changes the legal situation) to the weakest (a mention). */
export const RELATION_ORDER: readonly RelationType[] = [
  'replaces',
  'repeals',
  'amends',
  'continues',
  'implements',
  'guides',
  'basedOn',
  'cites',
];

export const STATUS_VALUES = ['in-force', 'partly-in-force', 'not-in-force', 'unknown'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const registryId = z.string().regex(idPattern, 'cần mã dạng chữ thường không dấu nối bằng "-"');

/** A date string checked against the calendar; `partial` also allows "YYYY-MM" and "YYYY". */
export function isoDate(partial = false) {
  return z.string().superRefine((value, ctx) => {
    const problem = explainBadDate(value, partial);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1).optional(),
  date: isoDate(true).optional(),
  url: httpUrl.optional(),
  /** What this source tells, when not the whole record ("số, ngày ban hành"). */
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

const relationList = z.array(registryId).optional();
export const relationsSchema = z.strictObject(
  Object.fromEntries(RELATION_TYPES.map((r) => [r, relationList])) as Record<RelationType, typeof relationList>,
);
export type Relations = z.infer<typeof relationsSchema>;

export const documentFrontmatterSchema = z.strictObject({
  type: z.enum(DOCUMENT_TYPE_IDS),
  /** Số ký hiệu as officially written; leave out when unknown. */
  number: z.string().min(1).optional(),
  /** Ngày ban hành; "YYYY-MM" or "YYYY" when only that is known. */
  issued: isoDate(true),
  issuer: registryId,
  /** Further issuers of a joint document (chương trình phối hợp). */
  coIssuers: z.array(registryId).optional(),
  signer: z.string().min(1).optional(),
  /** Trích yếu. */
  title: z.string().min(1),
  /** Province registry id for local documents. */
  province: registryId.nullable().optional(),
  topics: z.array(registryId).default([]),
  status: z.enum(STATUS_VALUES),
  /** The date the status was last verified: status is an assertion, never a default. */
  statusAsOf: isoDate(false),
  statusReason: z.string().min(1).optional(),
  relations: relationsSchema.default({}),
  /** Names the document is cited by without a number ("Nghị quyết Đại hội XIII"). */
  aliases: z.array(z.string().min(1)).optional(),
  /** One-line summary for lists and reading lists. */
  summary: z.string().min(1).optional(),
  /** Shown among the key documents on the home page. */
  featured: z.boolean().optional(),
  /** True only when the body is the document's complete official text. */
  fullText: z.boolean(),
  sources: z.array(sourceSchema).min(1, 'cần ít nhất một nguồn'),
});

export type DocumentFrontmatter = z.infer<typeof documentFrontmatterSchema>;
