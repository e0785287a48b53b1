/** Registries: issuers, provinces, topics (content/registries/*.yaml). */
import { z } from 'zod';
import { registryId, isoDate } from './document.ts';

export const ISSUER_SYSTEMS = ['dang', 'nha-nuoc', 'mat-tran-doan-the'] as const;
export const LEVELS = ['trung-uong', 'tinh', 'huyen', 'xa'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  'trung-uong': 'Trung ương',
  tinh: 'Cấp tỉnh',
  huyen: 'Cấp huyện',
  xa: 'Cấp xã',
};

export const issuerSchema = z.strictObject({
  id: registryId,
  /** Official name ("Ban Bí thư Trung ương Đảng"). */
  name: z.string().min(1),
  /** Other ways prose names it ("Ban Bí thư", "Ban bí thư Trung ương Đảng"). */
  aliases: z.array(z.string().min(1)).default([]),
  system: z.enum(ISSUER_SYSTEMS),
  level: z.enum(LEVELS),
  province: registryId.nullable().optional(),
  /** Codes this issuer puts in a số ký hiệu after the type code: "TTg", "TW", "UBND". */
  codes: z.array(z.string().min(1)).default([]),
  /** What the issuer became, e.g. Ban Dân vận TW → Ban Tuyên giáo và Dân vận TW in 2025. */
  succeededBy: z
    .strictObject({ id: registryId, date: isoDate(true), note: z.string().optional() })
    .optional(),
});
export type Issuer = z.infer<typeof issuerSchema>;

export const provinceSchema = z.strictObject({
  id: registryId,
  /** Historical name as used by the documents ("Trà Vinh"). */
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** What the province became in the 2025 reorganisation, when it was merged. */
  mergedInto: z
    .strictObject({ id: registryId, date: isoDate(true), note: z.string().optional() })
    .optional(),
});
export type Province = z.infer<typeof provinceSchema>;

export const topicSchema = z.strictObject({
  id: registryId,
  name: z.string().min(1),
  description: z.string().optional(),
});
export type Topic = z.infer<typeof topicSchema>;

export const issuerRegistrySchema = z.array(issuerSchema);
export const provinceRegistrySchema = z.array(provinceSchema);
export const topicRegistrySchema = z.array(topicSchema);
