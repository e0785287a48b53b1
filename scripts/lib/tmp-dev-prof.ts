import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { engineVersion, graphMemory, updateGraph } from '../../src/lib/graph/update.ts';
const [root, file] = process.argv.slice(2);
const projectRoot = join(import.meta.dirname, '../..');
const memory = graphMemory();
const engine = engineVersion(projectRoot);
await updateGraph({ root, projectRoot, engineVersion: engine, check: true, memory, say: () => {} });
const original = readFileSync(file, 'utf8');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 200 });
try {
  for (let k = 0; k < 4; k++) {
    appendFileSync(file, `\nĐoạn thêm ${k}: các cơ quan báo cáo trước ngày 15 tháng 12.\n`);
    if (k === 1) await s.post('Profiler.start');
    const t = performance.now();
    const run = await updateGraph({ root, projectRoot, engineVersion: engine, check: true, memory, deferGraphFiles: true });
    console.log(((performance.now() - t) / 1000).toFixed(3), run.result?.extracted);
  }
  const { profile } = await s.post('Profiler.stop');
  writeFileSync('/tmp/dev.cpuprofile', JSON.stringify(profile));
} finally { writeFileSync(file, original); }
