import { join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// DANVAN_CONTENT_ROOT: the generated root holding content/van-ban/*.mdx (set by npm run bench).
const root = resolve(process.env.DANVAN_CONTENT_ROOT ?? '../..');

export const collections = {
  vanBan: defineCollection({ loader: glob({ pattern: '*.mdx', base: join(root, 'content/van-ban') }) }),
};
