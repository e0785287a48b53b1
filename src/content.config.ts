import { defineCollection } from 'astro:content';
import { documentFrontmatterSchema } from './lib/schema/document.ts';
import { implementationFrontmatterSchema } from './lib/schema/implementation.ts';
import { courseFrontmatterSchema } from './lib/schema/course.ts';
import { contentFilesLoader } from './loaders/content-files.ts';

// Directives (content/van-ban/**/*.mdx), implementation records (content/thuc-tien/),
// course modules (content/chuyen-de/). Schemas live in src/lib/schema/ so that the
// check script, the graph build and the CLI validate with exactly the same rules.
export const collections = {
  vanBan: defineCollection({ loader: contentFilesLoader('documents'), schema: documentFrontmatterSchema }),
  thucTien: defineCollection({ loader: contentFilesLoader('implementations'), schema: implementationFrontmatterSchema }),
  chuyenDe: defineCollection({ loader: contentFilesLoader('courses'), schema: courseFrontmatterSchema }),
};
