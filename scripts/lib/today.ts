/** today() for a CLI: a malformed DANVAN_TODAY ends the command with its message (exit 2). */
import { BadTodayError, today } from '../../src/lib/today.ts';

export function cliToday(): string {
  try {
    return today();
  } catch (e) {
    if (!(e instanceof BadTodayError)) throw e;
    console.error(`Lỗi: ${e.message}`);
    process.exit(2);
  }
}
