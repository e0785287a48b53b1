/**
 * What the graph build keeps of each rendered body besides its HTML (the mentions and
 * link reports), by body key: .generated/cache/bodies.txt, one line per body,
 * "<key>\t<JSON>". The HTML is in the body bundles (body-bundle.ts).
 *
 * Why lines of JSON and not one JSON document: an entry is parsed only when its body is
 * reused, and written back as the very text it was read as, so a rebuild that changed one
 * body serialises one entry, not 10,000. Keys are hex digests, so a tab cannot occur in one.
 */
import { readFileSync } from 'node:fs';
import type { BodyOutput } from './render-body.ts';

/** A rendered body without its HTML. */
export type BodyData = Omit<BodyOutput, 'html'>;

const HEADER = 'danvan-body-cache 3';

export class BodyCache {
  private readonly lines = new Map<string, string>();

  /** The cache file at `path`; empty when it is missing, unreadable or of another version. */
  static read(path: string): BodyCache {
    const cache = new BodyCache();
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return cache;
    }
    const lines = text.split('\n');
    if (lines[0] !== HEADER) return cache;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const tab = line.indexOf('\t');
      if (tab > 0) cache.lines.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return cache;
  }

  get size(): number {
    return this.lines.size;
  }

  has(key: string): boolean {
    return this.lines.has(key);
  }

  /** The entry's JSON text, as stored. */
  json(key: string): string | undefined {
    return this.lines.get(key);
  }

  /** The entry, parsed; undefined when absent or unreadable. */
  data(key: string): BodyData | undefined {
    const json = this.lines.get(key);
    if (json === undefined) return undefined;
    try {
      return JSON.parse(json) as BodyData;
    } catch {
      return undefined;
    }
  }
}

/** The JSON text a cache line holds for a body. */
export function bodyDataJson(data: BodyData): string {
  return JSON.stringify({ mentions: data.mentions, links: data.links });
}

/** The text of a cache file holding these entries, in the order given. */
export function bodyCacheText(entries: Iterable<readonly [key: string, json: string]>): string {
  const parts = [HEADER];
  for (const [key, json] of entries) parts.push(`${key}\t${json}`);
  return `${parts.join('\n')}\n`;
}
