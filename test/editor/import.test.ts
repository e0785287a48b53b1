import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { documentFrontmatterSchema } from '../../src/lib/schema/document.ts';
import { decodePlainText } from '../../src/lib/editor/input.ts';
import { importPlainText, type ImportResult } from '../../src/lib/editor/draft.ts';
import { bodyOf, corpus, fixture, importBytes, multiset, registries, TODAY, words } from './support.ts';

/**
 * No text is lost: the words of every input line, minus the cells the report lists as
 * turned into frontmatter or dropped, are exactly the words of the body.
 */
function expectLossless(input: Buffer, result: ImportResult): void {
  const decoded = decodePlainText(input);
  if (!decoded.ok) throw new Error(decoded.message);
  const expected: string[] = [];
  for (const line of decoded.lines) {
    const lineWords = multiset(words(line.text));
    for (const used of [...result.consumed, ...result.dropped].filter((u) => u.line === line.n)) {
      for (const w of words(used.text)) {
        expect(lineWords.get(w), `line ${line.n}: "${used.text}" is not on that line`).toBeGreaterThan(0);
        lineWords.set(w, lineWords.get(w)! - 1);
      }
    }
    for (const [w, n] of lineWords) for (let i = 0; i < n; i++) expected.push(w);
  }
  expect(multiset(words(bodyOf(result.content)))).toEqual(multiset(expected));
  // Lines kept out of the body still carry their words in the frontmatter or the report.
  for (const used of result.consumed.filter((u) => u.use === 'title')) {
    expect(words(result.frontmatter.title ?? '')).toEqual(expect.arrayContaining(words(used.text)));
  }
}

function frontmatterOf(result: ImportResult) {
  const parsed = parseContentFile(result.content);
  expect(parsed.yamlErrors).toEqual([]);
  return parsed;
}

function mdxTree(body: string) {
  return unified().use(remarkParse).use(remarkMdx).parse(body);
}

function headings(body: string): string[] {
  return body.split('\n').filter((l) => /^#{2,4} /.test(l));
}

describe('import: provincial plan (two-column header)', () => {
  const input = fixture('ke-hoach-tinh.txt');
  const result = importBytes(input);

  it('determines every identity field from the header, title and signature', () => {
    expect(result.id).toBe('ke-hoach-17-kh-ubnd-2018-tra-vinh');
    expect(result.provisional).toBe(false);
    expect(result.frontmatter).toMatchObject({
      type: 'ke-hoach',
      number: '17/KH-UBND',
      issued: '2018-03-28',
      issuer: 'ubnd-tinh-tra-vinh',
      province: 'tra-vinh',
      signer: 'Nguyễn Văn A',
      status: 'unknown',
      statusAsOf: TODAY,
      fullText: true,
    });
    expect(result.frontmatter.title).toMatch(/^Về việc đẩy nhanh xây dựng chính quyền các cấp/);
    expect(result.missing.filter((m) => m.required)).toEqual([]);
  });

  it('reads "Thực hiện Chỉ thị số 16/CT-TTg …" in the opening as implements, through the engine', () => {
    expect(result.frontmatter.relations).toEqual({ implements: [{ id: 'chi-thi-16-ct-ttg-2016', where: 'Phần mở đầu' }] });
  });

  it('writes a frontmatter the schema accepts, with quoted dates', () => {
    const parsed = frontmatterOf(result);
    expect(documentFrontmatterSchema.safeParse(parsed.data).success).toBe(true);
    expect(result.content).toMatch(/^issued: "2018-03-28"$/m);
    expect(result.content).toMatch(new RegExp(`^statusAsOf: "${TODAY}"$`, "m"));
    expect(result.content).toMatch(/^# TODO summary: /m);
  });

  it('turns Roman, numbered and 1.1 sections into ##, ###, ####', () => {
    const body = bodyOf(result.content);
    expect(headings(body)).toEqual([
      '## I. MỤC ĐÍCH, YÊU CẦU',
      '### 1. Mục đích',
      '### 2. Yêu cầu',
      '## II. NHIỆM VỤ, GIẢI PHÁP',
      '### 1. Siết chặt kỷ cương hành chính',
      '#### 1.1. Về tiếp nhận hồ sơ',
      '### 2. Lắng nghe ý kiến người dân',
      '## III. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(body).toContain('  - Việc đánh giá phải dựa trên ý kiến của người dân.');
    expect(body).toContain('**Sở Nội vụ**');
  });

  it('joins a sentence broken by a page break, and escapes what MDX would read as JSX', () => {
    const body = bodyOf(result.content);
    expect(body).toContain('đi nhanh hơn giữa các phòng chuyên môn;');
    expect(body).toContain('trễ hạn \\< 2%');
    expect(() => mdxTree(body)).not.toThrow();
  });

  it('separates recipients from the signature block printed beside them', () => {
    const body = bodyOf(result.content);
    const recipients = body.slice(body.indexOf('**Nơi nhận:**'), body.indexOf('**TM. ỦY BAN NHÂN DÂN**'));
    expect(recipients.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(6);
    expect(body.trimEnd().endsWith('**Nguyễn Văn A**')).toBe(true);
  });

  it('drops only the motto and rules, and reports them with their lines', () => {
    expect(result.dropped.map((d) => d.line)).toEqual([1, 2, 3, 3, 8]);
    expectLossless(input, result);
  });
});

describe('import: Party document (Tỉnh ủy, "Số 10-CT/TU", T/M BAN THƯỜNG VỤ)', () => {
  const input = fixture('chi-thi-tinh-uy.txt');
  const result = importBytes(input);

  it('reads the Party header, the "của …" line and the signature', () => {
    expect(result.id).toBe('chi-thi-10-ct-tu-2016-tra-vinh');
    expect(result.frontmatter).toMatchObject({
      type: 'chi-thi',
      number: '10-CT/TU',
      issued: '2016-06-15',
      issuer: 'tinh-uy-tra-vinh',
      province: 'tra-vinh',
      signer: 'Trần Văn B',
    });
    expect(result.frontmatter.title).toBe(
      'Về việc không được uống rượu, bia trong giờ làm việc và việc chấp hành giờ giấc hành chính, kỷ luật phát ngôn của cán bộ, đảng viên',
    );
    const issuerEvidence = result.found.find((f) => f.field === 'issuer')!.from;
    for (const source of ['khối cơ quan ban hành', 'của Ban Thường vụ Tỉnh ủy', 'T/M BAN THƯỜNG VỤ', '10-CT/TU']) {
      expect(issuerEvidence).toContain(source);
    }
  });

  it('keeps numbered points as numbered paragraphs when one is a long paragraph', () => {
    const body = bodyOf(result.content);
    expect(headings(body)).toEqual([]);
    expect(body).toMatch(/^1\\\. Cán bộ, đảng viên/m);
    expect(body).toMatch(/^3\\\. Chỉ người được giao nhiệm vụ/m);
    expect(() => mdxTree(body)).not.toThrow();
  });

  it('loses no text', () => expectLossless(input, result));

  it('gives the same draft for NFD text with Windows line endings and a byte-order mark', () => {
    const text = input.toString('utf8');
    const mangled = Buffer.from('\uFEFF' + text.normalize('NFD').replace(/\n/g, '\r\n'), 'utf8');
    expect(mangled.equals(input)).toBe(false);
    expect(importBytes(mangled).content).toBe(result.content);
  });
});

describe('import: document without a number', () => {
  const input = fixture('huong-dan-khong-so.txt');
  const result = importBytes(input);

  it('names it by type, issuer and date, and reports the number as missing (not required)', () => {
    expect(result.id).toBe('huong-dan-ban-dan-van-tinh-uy-ha-tinh-2023-03-10-ha-tinh');
    expect(result.frontmatter.number).toBeUndefined();
    expect(result.frontmatter.issuer).toBe('ban-dan-van-tinh-uy-ha-tinh');
    expect(result.missing.find((m) => m.field === 'number')).toMatchObject({ required: false });
    expect(result.content).toMatch(/^# TODO number: /m);
    expect(documentFrontmatterSchema.safeParse(frontmatterOf(result).data).success).toBe(true);
  });

  it('loses no text', () => expectLossless(input, result));
});

describe('import: seed 004 (a real provincial plan, as received)', () => {
  const input = fixture('seed-004-ke-hoach-hai-duong.txt');
  const result = importBytes(input);

  it('determines type, title, issuer, province, signer and implements; reports the date as missing', () => {
    expect(result.frontmatter).toMatchObject({
      type: 'ke-hoach',
      issuer: 'ubnd-tinh-hai-duong',
      province: 'hai-duong',
      signer: 'Nguyễn Minh Hùng',
      relations: { implements: [{ id: 'chi-thi-33-ct-ttg-2021', where: 'Phần mở đầu' }] },
    });
    expect(result.frontmatter.title).toMatch(/^Triển khai thực hiện công tác dân vận .* trên địa bàn tỉnh Hải Dương$/);
    expect(result.missing.filter((m) => m.required).map((m) => m.field)).toEqual(['issued']);
    expect(result.provisional).toBe(true);
    expect(result.frontmatter.issued).toBeUndefined();
  });

  it('keeps the whole text as the body and says fullText is true because of that', () => {
    expect(result.frontmatter.fullText).toBe(true);
    expect(result.notes.join(' ')).toContain('fullText: true');
    expectLossless(input, result);
    expect(headings(bodyOf(result.content)).filter((h) => h.startsWith('## '))).toHaveLength(3);
  });
});

describe('import: bad input', () => {
  const opts = { fileName: 'x.txt', today: TODAY, registries, corpus };
  const fail = (bytes: Uint8Array) => {
    const out = importPlainText(decodePlainText(bytes), opts);
    expect(out.ok).toBe(false);
    return out.ok ? '' : out.message;
  };

  it('refuses empty and blank files', () => {
    expect(fail(new Uint8Array())).toMatch(/rỗng/);
    expect(fail(Buffer.from('\uFEFF  \r\n\r\n\t\n'))).toMatch(/không có chữ/);
  });

  it('refuses binary files and text in another encoding', () => {
    expect(fail(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).toMatch(/nhị phân/);
    // "Kế hoạch" in Windows-1258 is not valid UTF-8.
    expect(fail(Buffer.from([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0x3f, 0x63, 0x68]))).toMatch(/UTF-8/);
  });

  it('refuses a text without a type line, such as a news article', () => {
    expect(fail(fixture('bai-bao.txt'))).toMatch(/dòng tên loại văn bản/);
  });

  it('refuses an unknown --province', () => {
    const out = importPlainText(decodePlainText(fixture('ke-hoach-tinh.txt')), { ...opts, province: 'atlantis' });
    expect(out.ok).toBe(false);
  });
});
