/**
 * Course modules as the pages list them: by `order`, then title in Vietnamese collation.
 */
import type { CourseFrontmatter } from '../schema/course.ts';
import { compareVietnamese } from '../text/vietnamese.ts';
import type { ReadingItem } from './reading-list.ts';

export interface CourseEntry {
  id: string;
  data: CourseFrontmatter;
}

export function sortCourses<T extends CourseEntry>(courses: readonly T[]): T[] {
  return [...courses].sort((a, b) => {
    const oa = a.data.order ?? Number.MAX_SAFE_INTEGER;
    const ob = b.data.order ?? Number.MAX_SAFE_INTEGER;
    return oa - ob || compareVietnamese(a.data.title, b.data.title);
  });
}

/** Reading ids that resolve to corpus documents, in teaching order. */
export function readingIds(items: readonly ReadingItem[]): string[] {
  return items.filter((i) => i.node).map((i) => i.id);
}
