/**
 * Numbers known to name several documents (facts from public sources, collected in the
 * canon work: ../shared/leads/collisions.jsonl, high-confidence entries only). For these,
 * "the only candidate in the corpus" is no evidence: an undated mention resolves only to a
 * version issued no later than the citing document and singled out by its context (the
 * term written after it, the issuer named, the words of its title, sentence or citing text); otherwise it stays
 * unresolved. Used by the resolve stage.
 */
import { searchKey } from '../text/vietnamese.ts';
import type { DocumentTypeId } from '../document-types.ts';

export interface CollidingVersion {
  issued: string;
  /** Party term (khóa) that issued it, when a Party document. */
  term: number | null;
  /** Issuer as named in prose ("Ban Bí thư", "Thủ tướng Chính phủ"). */
  issuer: string;
  /** Words of its title that tell it from the others ("tôn giáo", "dân vận"). */
  topic: string[];
}

export interface CollidingNumber {
  number: string;
  type: DocumentTypeId;
  versions: CollidingVersion[];
  sources: string[];
}

export const COLLIDING_NUMBERS: readonly CollidingNumber[] = [
  {
    number: '25-NQ/TW',
    type: 'nghi-quyet',
    versions: [
      { issued: '2003-03-12', term: 9, issuer: 'Ban Chấp hành Trung ương', topic: ['tôn giáo'] },
      { issued: '2008-07-25', term: 10, issuer: 'Ban Chấp hành Trung ương', topic: ['thanh niên'] },
      { issued: '2013-06-03', term: 11, issuer: 'Ban Chấp hành Trung ương', topic: ['dân vận'] },
    ],
    sources: [
      'https://tulieuvankien.dangcongsan.vn/van-kien-tu-lieu-ve-dang/hoi-nghi-bch-trung-uong/khoa-ix/nghi-quyet-so-25-nqtw-ngay-1232003-hoi-nghi-lan-thu-bay-ban-chap-hanh-trung-uong-dang-khoa-ix-ve-cong-tac-ton-giao-3474',
      'https://baosonla.org.vn/thoi-su-chinh-tri-video/tang-cuong-va-doi-moi-su-lanh-dao-cua-dang-doi-voi-cong-tac-dan-van-trong-tinh-hinh-moi-5rPeYpNIR.html',
    ],
  },
  {
    number: '24-NQ/TW',
    type: 'nghi-quyet',
    versions: [
      { issued: '1990-10-16', term: 6, issuer: 'Bộ Chính trị', topic: ['tôn giáo'] },
      { issued: '2003-03-12', term: 9, issuer: 'Ban Chấp hành Trung ương', topic: ['dân tộc'] },
    ],
    sources: [
      'https://tulieuvankien.dangcongsan.vn/van-kien-tu-lieu-ve-dang/hoi-nghi-bch-trung-uong/khoa-ix/nghi-quyet-so-25-nqtw-ngay-1232003-hoi-nghi-lan-thu-bay-ban-chap-hanh-trung-uong-dang-khoa-ix-ve-cong-tac-ton-giao-3474',
      'https://nhandan.org.vn/tin-tuc-su-kien/trien-khai-cac-van-ban-moi-cua-ang-ve-cong-tac-dan-van-474245/',
    ],
  },
  {
    number: '49-CT/TW',
    type: 'chi-thi',
    versions: [
      { issued: '2005-02-21', term: 9, issuer: 'Ban Bí thư', topic: ['gia đình'] },
      { issued: '2015-10-20', term: 11, issuer: 'Ban Bí thư', topic: ['dân tộc thiểu số', 'dân vận'] },
    ],
    sources: [
      'https://m.thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Chi-thi-49-CT-TW-xay-dung-gia-dinh-thoi-ky-cong-nghiep-hien-dai-hoa-130938.aspx',
      'https://baocaovien.vn/tang-cuong-va-doi-moi-cong-tac-dan-van-cua-dang-o-vung-dong-bao-dan-toc-thieu-so/8526.html',
    ],
  },
  {
    number: '35-CT/TW',
    type: 'chi-thi',
    versions: [
      { issued: '2014-05-26', term: 11, issuer: 'Bộ Chính trị', topic: ['tiếp công dân', 'khiếu nại'] },
      { issued: '2019-05-30', term: 12, issuer: 'Bộ Chính trị', topic: ['đại hội'] },
    ],
    sources: [
      'https://badinh.hanoi.gov.vn/dai-hoi-dang-bo-quan-ba-dinh-lan-thu-xxvi/-/view_content/4752770-chi-thi-so-35-ct-tw-ngay-30-5-2019-cua-ban-chap-hanh-trung-uong-dang-ve-dai-hoi-dang-bo-cac-cap-tien-toi-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-d.html',
    ],
  },
  {
    number: '16/CT-TTg',
    type: 'chi-thi',
    versions: [
      { issued: '2016-05-16', term: null, issuer: 'Thủ tướng Chính phủ', topic: ['dân vận'] },
      { issued: '2020-03-31', term: null, issuer: 'Thủ tướng Chính phủ', topic: ['covid', 'cách ly', 'phòng, chống dịch'] },
    ],
    sources: [
      'http://congdoanvienchucvn.org.vn/thuc-hien-chi-thi-so-16-ct-ttg-ngay-16-5-2016-cua-thu-tuong-chinh-phu-d17.html',
      'https://thuvienphapluat.vn/tintuc/vn/thong-bao-van-ban-moi/email/28102/chinh-thuc-cach-ly-toan-xa-hoi-do-covid-19-tu-ngay-01-4-2020',
    ],
  },
];

/** The colliding number for a comparable serial|symbol ("25|NQTW"), given a comparer. */
export function collisionIndex(comparable: (number: string) => string): Map<string, CollidingNumber> {
  return new Map(COLLIDING_NUMBERS.map((c) => [comparable(c.number), c]));
}

export interface CollisionContext {
  citingDate: string | null | undefined;
  /** Term written right after the mention ("khóa XI" → 11). */
  term: number | null;
  issuerText: string | null;
  /** The words after the mention in its sentence (where its title is written). */
  tail: string;
  /** Its whole sentence, and the citing text (comparable keys, see searchKey), read when the tail does not decide. */
  sentence: () => string;
  document: () => string;
}

/**
 * The one version the context singles out, else null. Each clue narrows the versions only
 * when it leaves at least one (a clue that fits none is no clue).
 */
export function chooseColliding(c: CollidingNumber, ctx: CollisionContext): CollidingVersion | null {
  let v = c.versions.filter((x) => !ctx.citingDate || x.issued <= ctx.citingDate.slice(0, 10));
  const narrow = (keep: (x: CollidingVersion) => boolean) => {
    const n = v.filter(keep);
    if (n.length) v = n;
  };
  if (ctx.term !== null) narrow((x) => x.term === ctx.term);
  if (ctx.issuerText) {
    const k = searchKey(ctx.issuerText);
    narrow((x) => k.includes(searchKey(x.issuer)));
  }
  // The title written after it, else the words of its sentence, else of the citing text:
  // the topic only one version has ("dân vận" and no "covid" in a dân vận plan).
  for (const words of [() => searchKey(ctx.tail), ctx.sentence, ctx.document]) {
    if (v.length < 2) break;
    const k = words();
    narrow((x) => x.topic.some((t) => k.includes(searchKey(t))));
  }
  return v.length === 1 ? v[0]! : null;
}
