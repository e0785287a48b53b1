/**
 * Date facts beyond the calendar check of the schema: nothing verified or issued in the
 * future, partial dates flagged, and dates written without quotes (other YAML readers,
 * Astro's among them, turn an unquoted 2021-11-26 into a timestamp, which the schema
 * then rejects only on the site build).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { isIsoDay } from '../schema/dates.ts';
import { type CheckContext, error, warning } from './context.ts';
import { earlier } from './references.ts';
import { type YamlSource, scalars, nodeLine } from './yaml-source.ts';

/** Keys whose values are dates, wherever they appear (sources[].date, succeededBy.date…): from the schemas. */
import { DATE_KEYS } from '../schema/fields.ts';

export { DATE_KEYS };

const DATE_LIKE = /^\d{4}-\d{1,2}(-\d{1,2})?$/;

export function checkDateFacts(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.corpus.documents) {
    const d = doc.data;
    if (d.statusAsOf && earlier(ctx.today, d.statusAsOf)) {
      out.push(error(doc.file, doc.parsed.lineOf(['statusAsOf']), 'statusAsOf', 'status-as-of-future',
        `ngày xác minh tình trạng ${d.statusAsOf} ở tương lai (hôm nay là ${ctx.today}); ghi ngày đã thực sự kiểm tra`));
    }
    if (earlier(ctx.today, d.issued)) {
      out.push(error(doc.file, doc.parsed.lineOf(['issued']), 'issued', 'issued-future',
        `ngày ban hành ${d.issued} ở tương lai (hôm nay là ${ctx.today})`));
    }
    if (!isIsoDay(d.issued)) {
      out.push(warning(doc.file, doc.parsed.lineOf(['issued']), 'issued', 'issued-partial',
        `chỉ biết ngày ban hành đến "${d.issued}"; bổ sung ngày đầy đủ "YYYY-MM-DD" khi có nguồn`));
    }
  }
  for (const rec of ctx.corpus.implementations) {
    if (earlier(ctx.today, rec.data.date)) {
      out.push(error(rec.file, rec.parsed.lineOf(['date']), 'date', 'date-future', `ngày ${rec.data.date} ở tương lai (hôm nay là ${ctx.today})`));
    }
  }
  return out;
}

/** Dates written as plain (unquoted) YAML in a file's frontmatter or a registry. */
export function checkUnquotedDates(file: string, src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { path, node } of scalars(src)) {
    const key = path[path.length - 1];
    if (typeof key !== 'string' || !DATE_KEYS.has(key)) continue;
    if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !DATE_LIKE.test(node.value)) continue;
    out.push(error(file, nodeLine(src, node), path.join('.'), 'date-unquoted',
      `ngày phải đặt trong dấu nháy kép: ${key}: "${node.value}" (không có nháy, một số trình đọc YAML đổi nó thành kiểu ngày giờ)`));
  }
  return out;
}
