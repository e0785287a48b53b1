/** Strict calendar dates. YAML and JavaScript both accept impossible dates silently. */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_YEAR = /^(\d{4})$/;
const VIETNAMESE_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day written "YYYY-MM-DD". */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for "YYYY-MM-DD", or a partial "YYYY-MM" / "YYYY" when only that much is known. */
export function isIsoDateOrPartial(value: string): boolean {
  if (isIsoDay(value)) return true;
  const m = ISO_MONTH.exec(value);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1900;
  return ISO_YEAR.test(value) && Number(value) >= 1900 && Number(value) <= 2100;
}

/**
 * Explains what is wrong with a date string, with a hint in the expected form
 * ("26/11/2021" → write "2021-11-26"); null when the date is fine.
 */
export function explainBadDate(value: string, allowPartial: boolean): string | null {
  if (allowPartial ? isIsoDateOrPartial(value) : isIsoDay(value)) return null;
  const vn = VIETNAMESE_DAY.exec(value.trim());
  if (vn) {
    const iso = `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
    return isIsoDay(iso)
      ? `ngày viết kiểu "${value}"; hãy viết theo ISO: "${iso}"`
      : `"${value}" không phải là một ngày có thật`;
  }
  if (ISO_DAY.test(value)) return `"${value}" không phải là một ngày có thật`;
  return `cần ngày dạng "YYYY-MM-DD"${allowPartial ? ' (hoặc "YYYY-MM", "YYYY" nếu chỉ biết đến đó)' : ''}, nhận được "${value}"`;
}

/**
 * a is strictly before b, comparing only as precisely as both dates are known: "2021" is
 * neither before nor after "2021-07-30". The one date order of the project (time rule of
 * relations, dated status, the check's date facts).
 */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}
