/**
 * The course modules (content/chuyen-de/) for the pages: frontmatter from
 * .generated/frontmatter.json, body HTML from the courses' body bundle, both written by
 * the graph build (which validated them), the same files the document pages read.
 *
 * They used to be an Astro content collection, the only one. Reading them here instead
 * means no Astro data store at all: nothing to sync in every build process, and under
 * `npm run dev` a saved module is on the next page load (the dev server writes both files
 * before it reloads the pages) instead of waiting on Astro's content refresh, which could
 * leave the reloaded page with the old text on a busy machine.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../content/root.ts';
import type { CourseEntry } from '../course/page.ts';
import { readJsonFile } from '../files/large-json.ts';
import { BodyBundle } from '../graph/body-bundle.ts';
import { FRONTMATTER_FILE, bodyBundleFile, type FrontmatterFile } from '../graph/types.ts';
import { courseFrontmatterSchema } from '../schema/course.ts';

// Read once per version of the file: under `npm run dev` the graph build rewrites it.
let cached: { stamp: string; courses: CourseEntry[] } | null = null;

/** Every course module, in file order; a missing or unreadable file is an error that says what to run. */
export function courseEntries(root = contentRoot()): CourseEntry[] {
  const path = join(root, FRONTMATTER_FILE);
  const bundle = join(root, bodyBundleFile('courses'));
  const stamps = [path, bundle].map((p) => statSync(p, { throwIfNoEntry: false }));
  if (!stamps[0]) throw new Error(`Chưa có ${path}: chạy "npm run build:graph" (hoặc "npm run build") trước khi dựng trang.`);
  const stamp = stamps.map((st) => (st ? `${st.size}:${st.mtimeMs}:${st.ino}` : '-')).join('|');
  if (cached?.stamp === stamp) return cached.courses;
  let file: FrontmatterFile;
  try {
    file = readJsonFile(path) as FrontmatterFile;
  } catch (e) {
    throw new Error(`Không đọc được ${path} (${e instanceof Error ? e.message : String(e)}): chạy lại "npm run build:graph".`);
  }
  if (file.version !== 1 || !Array.isArray(file.courses)) throw new Error(`${path} không đúng dạng: chạy lại "npm run build:graph".`);
  const bodies = new BodyBundle(bundle);
  try {
    const courses = file.courses.map(({ id, file: source, data }) => {
      // Validated by the graph build; parsed again so the pages get the schema's defaults and
      // types from the one schema, and a hand-edited file fails here with its name.
      const parsed = courseFrontmatterSchema.safeParse(data);
      if (!parsed.success) throw new Error(`${source}: chuyên đề không hợp lệ trong ${path}; chạy lại "npm run build:graph".`);
      return { id, data: parsed.data, rendered: { html: bodies.html(id) ?? '' } };
    });
    cached = { stamp, courses };
    return courses;
  } finally {
    bodies.close();
  }
}
