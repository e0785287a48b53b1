/**
 * "Today", the one date every rule that compares with the present uses ("statusAsOf is in
 * the future", the date stamped into a new draft, the date printed in a report). Nothing
 * else in the project reads the clock for a calendar day, so tests and CI can pin it:
 *   - code that takes "today" takes it as an option (see CheckOptions.today);
 *   - the CLIs read the environment variable DANVAN_TODAY=YYYY-MM-DD;
 *   - otherwise it is the clock's day in Vietnam, where the content is written.
 */
import { explainBadDate } from './schema/dates.ts';

export const TODAY_ENV = 'DANVAN_TODAY';
export const CONTENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export class BadTodayError extends Error {
  override name = 'BadTodayError';
}

/** The calendar day in Vietnam (UTC+7) at the instant `now`, as "YYYY-MM-DD". */
export function dayInVietnam(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CONTENT_TIME_ZONE }).format(now);
}

/**
 * Today: DANVAN_TODAY when it is set (and not empty), else the clock's day in Vietnam.
 * A malformed DANVAN_TODAY is an error, never silently replaced by the clock: a test or a
 * CI run that meant to pin the date must not pass on whatever day it happens to run.
 */
export function today(env: Record<string, string | undefined> = process.env, clock: () => Date = () => new Date()): string {
  const pinned = env[TODAY_ENV];
  if (pinned === undefined || pinned === '') return dayInVietnam(clock());
  const problem = explainBadDate(pinned, false);
  if (problem) {
    throw new BadTodayError(
      `${TODAY_ENV} không hợp lệ: ${problem}. Ví dụ: ${TODAY_ENV}=2027-06-15 ` +
        `(${TODAY_ENV} must be a real day written YYYY-MM-DD, or unset to use today's date in Vietnam).`,
    );
  }
  return pinned;
}
