import { defineCollection } from 'astro:content';
import { courseFrontmatterSchema } from './lib/schema/course.ts';
import { contentFilesLoader } from './loaders/content-files.ts';

// Course modules (content/chuyen-de/) are the one collection pages query (getCollection
// 'chuyenDe'). Directives and implementation records are read from the generated graph
// and body bundles (src/lib/site/), validated by the graph build with the schemas in
// src/lib/schema/; loading them into Astro's data store as well cost time and memory for
// data no page asked for (10,000 entries and a 6 MB store at 10,000 documents).
export const collections = {
  chuyenDe: defineCollection({ loader: contentFilesLoader('courses'), schema: courseFrontmatterSchema }),
};
