/** Implementation records (content/thuc-tien/*.mdx): what was done, where, with what figures. */
import { z } from 'zod';
import { isoDate, registryId, sourceSchema } from './document.ts';

export const figureSchema = z.strictObject({
  /** What is counted ("mô hình 'Dân vận khéo' tập thể"). */
  label: z.string().min(1),
  value: z.number(),
  unit: z.string().optional(),
  /** Period or scope the figure covers ("năm 2021", "toàn tỉnh"). */
  scope: z.string().optional(),
});
export type Figure = z.infer<typeof figureSchema>;

export const implementationFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  /** Date of the report or event. */
  date: isoDate(true),
  province: registryId.nullable().optional(),
  /** Document ids this record reports on. */
  reportsOn: z.array(registryId).min(1),
  topics: z.array(registryId).default([]),
  figures: z.array(figureSchema).default([]),
  sources: z.array(sourceSchema).min(1),
});
export type ImplementationFrontmatter = z.infer<typeof implementationFrontmatterSchema>;
