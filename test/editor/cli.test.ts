import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/index.ts';
import { expectedId } from '../../src/lib/check/identity.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { documentFrontmatterSchema } from '../../src/lib/schema/document.ts';
import { runImportCommand } from '../../src/lib/editor/import-command.ts';
import { runNewCommand } from '../../src/lib/editor/new-command.ts';
import { FIXTURES, ROOT, TODAY, tempRoot } from './support.ts';

/**
 * The commands run in-process (src/lib/editor/*-command.ts), as the scripts run them;
 * `spawned: true` runs the real script in a child process (DANVAN_TODAY pinned by vitest),
 * kept for one case of each command so the CLI wiring stays covered end to end.
 */
function run(script: 'import.ts' | 'new.ts', args: string[], spawned = false) {
  if (spawned) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { encoding: 'utf8', cwd: ROOT });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: ROOT, today: TODAY };
  const code = (script === 'import.ts' ? runImportCommand : runNewCommand)(args, io, ROOT);
  return { code, out: out.join('\n') + '\n', err: err.join('\n') + '\n' };
}

const errorsOf = (root: string, file: string) =>
  runCheck(root, { today: TODAY }).diagnostics.filter((d) => d.file === file && d.severity === 'error');

describe('npm run import', () => {
  let root: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ root, cleanup } = tempRoot());
    // The corpus the draft joins is valid to start with, so every error below is the draft's.
    expect(runCheck(root, { today: TODAY }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  afterAll(() => cleanup());

  it('imports seed 004 into a draft that passes the check once the reported field is filled in', () => {
    const r = run('import.ts', [join(FIXTURES, 'seed-004-ke-hoach-hai-duong.txt'), '--root', root], true);
    expect(r.code, r.err).toBe(0);
    const draftName = 'ke-hoach-ubnd-tinh-hai-duong-chua-ro-ngay-hai-duong.mdx';
    const file = `content/van-ban/${draftName}`;
    expect(r.out).toContain(draftName);
    // The report names what is missing, and the check run on the draft flags exactly that.
    const required = r.out.slice(r.out.indexOf('BẮT BUỘC'), r.out.indexOf('Nên bổ sung'));
    expect(required).toMatch(/^\s+issued: /m);
    expect(required.match(/^\s+\w+: /gm)).toHaveLength(1);
    expect(r.out).toMatch(/Kết quả kiểm tra bản nháp \(như npm run check\): 1 lỗi/);
    expect(r.out).toContain('[issued]');
    expect(r.out).toContain('fullText: true');
    expect(r.out).toMatch(/relations\.implements\s+chi-thi-33-ct-ttg-2021/);
    expect(errorsOf(root, file).map((d) => d.field)).toEqual(['issued']);

    // The editor fills in the date (here the plan year, as a partial date) and renames
    // the file to the id the check asks for.
    const path = join(root, file);
    const filled = readFileSync(path, 'utf8').replace(/^(# TODO issued: .*)$/m, '$1\nissued: "2022"');
    const data = documentFrontmatterSchema.parse(parseContentFile(filled).data);
    const id = expectedId(data);
    expect(id).toBe('ke-hoach-ubnd-tinh-hai-duong-2022-hai-duong');
    writeFileSync(path, filled);
    renameSync(path, join(root, 'content/van-ban', `${id}.mdx`));
    expect(errorsOf(root, `content/van-ban/${id}.mdx`)).toEqual([]);
    expect(runCheck(root, { today: TODAY }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('resolves the draft\'s references to documents of the corpus', () => {
    const r = run('import.ts', [join(FIXTURES, 'seed-004-ke-hoach-hai-duong.txt'), '--root', root, '--out', join(root, 'preview')]);
    expect(r.code, r.err).toBe(0);
    // 33/CT-TTg, 23-QĐ/TW and 114-KL/TW are in the good corpus; the others are not.
    expect(r.out).toMatch(/có trong kho: [1-9]\d*/);
    for (const key of ['33/CT-TTg@2021', '23-QĐ/TW@2021', '114-KL/TW@2015']) expect(r.out).not.toContain(`chưa có trong kho: ${key}`);
    expect(r.out).toContain('chưa có trong kho: 35-CT/TW@2014');
  });

  it('never overwrites an existing draft unless --force', () => {
    const args = [join(FIXTURES, 'ke-hoach-tinh.txt'), '--root', root];
    expect(run('import.ts', args).code).toBe(0);
    const path = join(root, 'content/van-ban/ke-hoach-17-kh-ubnd-2018-tra-vinh.mdx');
    writeFileSync(path, readFileSync(path, 'utf8') + '\nGhi chú của biên tập viên.\n');
    const again = run('import.ts', args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/đã có; không ghi đè.*--force/);
    expect(readFileSync(path, 'utf8')).toContain('Ghi chú của biên tập viên.');
    expect(run('import.ts', [...args, '--force']).code).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain('Ghi chú của biên tập viên.');
    expect(errorsOf(root, 'content/van-ban/ke-hoach-17-kh-ubnd-2018-tra-vinh.mdx')).toEqual([]);
  });

  it('explains bad input and exits non-zero', () => {
    const missing = run('import.ts', [join(root, 'khong-co.txt'), '--root', root]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/không tìm thấy tệp/);
    const binary = join(root, 'ban-word.doc');
    writeFileSync(binary, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0x00, 0x3e, 0x00]));
    const b = run('import.ts', [binary, '--root', root]);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/nhị phân/);
    const news = run('import.ts', [join(FIXTURES, 'bai-bao.txt'), '--root', root]);
    expect(news.code).toBe(1);
    expect(news.err).toMatch(/dòng tên loại văn bản/);
    expect(run('import.ts', ['--root', root]).code).toBe(2);
  });
});

describe('npm run new', () => {
  let root: string;
  let cleanup: () => void;
  beforeAll(() => ({ root, cleanup } = tempRoot()));
  afterAll(() => cleanup());

  it('scaffolds a document from a citation line, named by its id', () => {
    const r = run('new.ts', ['Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', '--root', root]);
    expect(r.code, r.err).toBe(0);
    const path = join(root, 'content/van-ban/chi-thi-05-ct-tw-2016.mdx');
    const data = documentFrontmatterSchema.parse(parseContentFile(readFileSync(path, 'utf8')).data);
    expect(data).toMatchObject({
      type: 'chi-thi',
      number: '05-CT/TW',
      issued: '2016-05-15',
      issuer: 'bo-chinh-tri',
      province: null,
      title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      fullText: false,
      status: 'unknown',
    });
    expect(errorsOf(root, 'content/van-ban/chi-thi-05-ct-tw-2016.mdx')).toEqual([]);
  });

  it('refuses a document the corpus already has and names its file', () => {
    const r = run('new.ts', ['Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('content/van-ban/chi-thi-33-ct-ttg-2021.mdx');
    const again = run('new.ts', ['Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('chi-thi-05-ct-tw-2016.mdx');
  });

  it('scaffolds a cited-but-missing document, building the graph first and listing who cites it', () => {
    const citing = join(root, 'content/van-ban/chi-thi-16-ct-ttg-2016.mdx');
    writeFileSync(
      citing,
      readFileSync(citing, 'utf8') +
        '\nViệc tiếp dân của người đứng đầu gắn với Chỉ thị số 35-CT/TW ngày 26/5/2014 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân, giải quyết khiếu nại, tố cáo; các địa phương cụ thể hóa thành quy chế riêng.\n',
    );
    expect(existsSync(join(root, '.generated/graph.json'))).toBe(false);
    const r = run('new.ts', ['--from-missing', '35-ct-tw-2014', '--root', root], true);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(root, '.generated/graph.json'))).toBe(true);
    expect(r.out).toMatch(/chi-thi-16-ct-ttg-2016 \(dòng \d+\)/);
    const raw = readFileSync(join(root, 'content/van-ban/chi-thi-35-ct-tw-2014.mdx'), 'utf8');
    expect(raw).toMatch(/^#\s+- chi-thi-16-ct-ttg-2016 \(dòng \d+\): Việc tiếp dân/m);
    const data = documentFrontmatterSchema.parse(parseContentFile(raw).data);
    expect(data).toMatchObject({
      type: 'chi-thi',
      number: '35-CT/TW',
      issued: '2014-05-26',
      issuer: 'bo-chinh-tri',
      title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân, giải quyết khiếu nại, tố cáo',
    });
    expect(errorsOf(root, 'content/van-ban/chi-thi-35-ct-tw-2014.mdx')).toEqual([]);
  });

  it('says which keys exist when the key is unknown', () => {
    const r = run('new.ts', ['--from-missing', '999-QĐ/TW@2001', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/không có "999-QĐ\/TW@2001"/);
  });
});
