/**
 * node scripts/bench-search-estimate.ts <content root with .generated/> ["query" …]
 *
 * What a first query would download from a word-sharded index of our own, computed from
 * the graph and the rendered bodies (no site build needed), beside Pagefind's figures
 * measured in Chromium by `npm run bench`. An estimate for deciding, not a search engine:
 *
 *  - every document's words (title, summary, body text), folded as the search folds them
 *    (searchKey: no tone marks, đ → d), each word once per document, as our Pagefind
 *    documents already index them (src/lib/search/search-document.ts);
 *  - per word, the sorted document numbers as delta varints, gzip-compressed: what one
 *    shard file per word would weigh (a query fetches one per query word);
 *  - the per-document table a client needs to rank all matches before fetching the top
 *    ten (word count, date as days, title-word flags left out), gzip-compressed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BodyBundle } from '../src/lib/graph/body-bundle.ts';
import { GRAPH_FILE, bodyBundleFile, type Graph } from '../src/lib/graph/types.ts';
import { htmlText } from '../src/lib/search/html-fold.ts';
import { searchKey } from '../src/lib/text/vietnamese.ts';

const root = process.argv[2];
const queries = process.argv.slice(3).length ? process.argv.slice(3) : ['dan van chinh quyen', 'tiep cong dan'];
if (!root) {
  console.error('usage: node scripts/bench-search-estimate.ts <content-root> ["query" …]');
  process.exit(2);
}
const graph = JSON.parse(readFileSync(join(root, GRAPH_FILE), 'utf8')) as Graph;
const bodies = new BodyBundle(join(root, bodyBundleFile('documents')));
const WORD = /[\p{L}\p{N}]+/gu;

const postings = new Map<string, number[]>();
const lengths: number[] = [];
graph.nodes.forEach((n, doc) => {
  const text = `${n.title} ${n.summary ?? ''} ${htmlText(bodies.html(n.id) ?? '')}`;
  const words = new Set<string>();
  let count = 0;
  for (const [w] of searchKey(text).matchAll(WORD)) {
    words.add(w);
    count++;
  }
  lengths.push(count);
  for (const w of words) {
    let list = postings.get(w);
    if (!list) postings.set(w, (list = []));
    list.push(doc);
  }
});

function varints(numbers: Iterable<number>): Buffer {
  const out: number[] = [];
  for (let n of numbers) {
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
  }
  return Buffer.from(out);
}
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
function shardBytes(word: string): number {
  const list = postings.get(word) ?? [];
  const deltas = list.map((d, i) => (i ? d - list[i - 1]! : d));
  return gz(varints(deltas));
}
const days = graph.nodes.map((n) => Math.floor(Date.parse(`${n.issued.slice(0, 10).padEnd(10, '-01').slice(0, 10)}T00:00:00Z`) / 86_400_000) || 0);
const table = gz(varints([...lengths, ...days.map((d, i) => (i ? Math.abs(d - days[i - 1]!) : d))]));

console.log(`${graph.nodes.length} documents, ${postings.size} distinct folded words`);
console.log(`per-document table (word count, date), gzip: ${(table / 1024).toFixed(1)} KB`);
for (const q of queries) {
  const words = [...new Set(searchKey(q).match(WORD) ?? [])];
  const per = words.map((w) => `${w} ${(postings.get(w)?.length ?? 0)} docs ${(shardBytes(w) / 1024).toFixed(1)} KB`);
  const total = words.reduce((s, w) => s + shardBytes(w), 0);
  console.log(`"${q}": word shards ${(total / 1024).toFixed(1)} KB (${per.join('; ')})`);
}
