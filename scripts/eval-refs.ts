/**
 * npm run eval:refs — scores the citation engine on labelled sets: the fixture sets in
 * test/fixtures/refs/ (index from the fixture corpus, so the figures do not depend on
 * content/ being complete) and ../shared/eval/seed-gold.jsonl when it is present.
 * Exit code 1 when the seed set misses its targets.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_DIR, fixtureIndex, loadJsonlSet, loadMarkedSet, loadOwnSet, scoreLabelledSet, type LabelledSet } from '../src/lib/citations/eval-sets.ts';
import { CAUSES, type SetScore } from '../src/lib/citations/evaluate.ts';
import { updateSection } from '../src/lib/citations/report-file.ts';
import { buildCorpusIndex, corpusEntriesFrom } from '../src/lib/citations/index.ts';
import { loadCorpus } from '../src/lib/content/corpus.ts';
import { cliToday } from './lib/today.ts';
import { commandLine } from './lib/cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = commandLine({ usage: 'Cách dùng: npm run eval:refs [-- --no-write]', options: { 'no-write': { type: 'boolean' } } });
const index = fixtureIndex(root);

const sets: LabelledSet[] = [
  loadJsonlSet('seeds (fixtures)', join(root, FIXTURE_DIR, 'seeds'), join(root, FIXTURE_DIR, 'seeds', 'gold.jsonl')),
  loadMarkedSet('hard (fixtures)', join(root, FIXTURE_DIR, 'hard')),
  loadOwnSet(root),
];
const shared = join(root, '..', 'shared');
if (existsSync(join(shared, 'eval', 'seed-gold.jsonl')) && existsSync(join(shared, 'seeds'))) {
  sets.push(loadJsonlSet('seeds (../shared)', join(shared, 'seeds'), join(shared, 'eval', 'seed-gold.jsonl')));
} else {
  console.log('Không thấy ../shared/eval/seed-gold.jsonl — bỏ qua bộ nhãn dùng chung. (../shared labels absent: skipped.)\n');
}

// The CLI's own situation: the corpus index from content/ (aliases, targets), no context given.
// Scored separately because content/ changes under editors' hands; the fixture rows do not.
let contentIndex: ReturnType<typeof buildCorpusIndex> | null = null;
try {
  const corpus = loadCorpus(root);
  contentIndex = buildCorpusIndex(corpusEntriesFrom(corpus.documents), corpus.registries.provinces, corpus.registries.namedDocuments);
} catch (e) {
  console.log(`Không đọc được content/ — bỏ qua hàng chỉ mục content/. (content/ unreadable: ${(e as Error).message})\n`);
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6) + '%';
const rows: [string, SetScore][] = sets.map((s) => [s.name, scoreLabelledSet(s, index)]);
if (contentIndex) {
  const seedSet = sets.find((s) => s.name.startsWith('seeds (../shared)')) ?? sets[0]!;
  rows.push([`${seedSet.name.replace(/\)$/, '')}, content/ index as the CLI)`, scoreLabelledSet(seedSet, contentIndex)]);
  const ownSet = sets.find((s) => s.name.startsWith('own'))!;
  rows.push([`${ownSet.name.replace(/\)$/, '')}, content/ index as the CLI)`, scoreLabelledSet(ownSet, contentIndex)]);
}

const table = [
  '| set | gold | predicted | precision | recall | short-form recall | key accuracy | named-document year |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    ([name, s]) =>
      `| ${name} | ${s.gold} | ${s.predicted} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.shortFormRecall)} (${s.shortFormMatched}/${s.shortFormGold}) | ${pct(s.keyAccuracy)} | ${pct(s.namedYearAccuracy)} (${s.namedYearCorrect}/${s.namedYearGold}) |`,
  ),
].join('\n');
// Errors by cause (misses: named, short form, list item; false positives on the text's own header: self-reference).
const causes = [
  `| set | ${CAUSES.join(' | ')} |`,
  `|---|${CAUSES.map(() => '---:').join('|')}|`,
  ...rows.map(([name, s]) => `| ${name} | ${CAUSES.map((c) => s.causes[c]).join(' | ')} |`),
].join('\n');
console.log(table);
console.log('\nLỗi theo nguyên nhân (errors by cause):\n' + causes);
if (!values['no-write']) {
  updateSection(
    join(root, 'benchmarks', 'refs.md'),
    '## Evaluation (npm run eval:refs)',
    `Scoring of ../shared/eval/README.md: a prediction matches a gold mention when spans overlap and normalised numbers agree; key accuracy is over matched mentions (number, symbol without separators, QĐi = QĐ, year). Fixture corpus index (test/fixtures/refs/corpus.json) and the named-documents registry (content/registries/named-documents.yaml); no province or date given for the seed texts and our own texts, as for the CLI (their own headers give them). Named-document year: matched named mentions whose label gives the year of the version meant. The last two rows score the seed texts and our own texts with the index the CLI builds from content/.\n\n${table}\n\nErrors by cause:\n\n${causes}\n\nTargets on the seed set: precision ≥ 99%, recall ≥ 98%, key accuracy ≥ 95%. Date: ${cliToday()}.`,
  );
}
for (const [name, s] of rows) {
  if (!s.misses.length && !s.falsePositives.length && !s.keyErrors.length && !s.yearErrors.length) continue;
  console.log(`\n${name}:`);
  for (const m of s.misses) console.log(`  miss  ${m.file}@${m.gold.start} ${JSON.stringify(m.gold.surface)}`);
  for (const f of s.falsePositives) console.log(`  false positive  ${f.file}@${f.predicted.start} ${JSON.stringify(f.predicted.text)}`);
  for (const k of s.keyErrors) console.log(`  key  ${k.file}@${k.gold.start} ${JSON.stringify(k.gold.surface)}: ${k.predicted.key} ≠ ${k.gold.canonical}`);
  for (const y of s.yearErrors) console.log(`  year  ${y.file}@${y.gold.start} ${JSON.stringify(y.gold.surface)}: ${y.predicted.year ?? null} ≠ ${y.gold.year}`);
}

const seed = rows[0]![1];
const ok = seed.precision >= 0.99 && seed.recall >= 0.98 && seed.keyAccuracy >= 0.95;
console.log(`\nMục tiêu bộ seed (precision ≥ 99%, recall ≥ 98%, key accuracy ≥ 95%): ${ok ? 'đạt / met' : 'CHƯA ĐẠT / not met'}`);
const own = rows.find(([name]) => name.startsWith('own'))?.[1];
const ownOk = !own || (own.precision === 1 && own.recall === 1 && own.keyAccuracy === 1 && own.namedYearAccuracy === 1);
console.log(`Mục tiêu bộ own (100 % precision, recall, key, năm văn bản trích bằng tên): ${ownOk ? 'đạt / met' : 'CHƯA ĐẠT / not met'}`);
process.exit(ok && ownOk ? 0 : 1);
