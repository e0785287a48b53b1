/** Course modules for trainers (content/chuyen-de/*.mdx). */
import { z } from 'zod';
import { registryId } from './document.ts';

export const courseFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  /** Who the module is for ("Cán bộ, công chức cấp xã"). */
  audience: z.string().min(1),
  /** Teaching time ("2 tiết", "90 phút"). */
  duration: z.string().min(1),
  objectives: z.array(z.string().min(1)).min(1),
  /** The reading list, in teaching order. */
  readings: z
    .array(z.strictObject({ document: registryId, note: z.string().min(1) }))
    .min(1),
  questions: z.array(z.string().min(1)).default([]),
  topics: z.array(registryId).default([]),
  order: z.number().int().optional(),
});
export type CourseFrontmatter = z.infer<typeof courseFrontmatterSchema>;
