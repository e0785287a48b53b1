/**
 * The command-line conventions every command shares, with no process in them (no exit, no
 * console), so the commands of src/lib run the same in a test as in a script: one argument
 * parser (node:util parseArgs, strict: an unknown option or a missing value is an error, never
 * ignored), one rule for file arguments (relative to the folder the user ran the command
 * from), one way to validate option values, and one way to end a command with a sentence
 * instead of a stack trace. scripts/lib/cli.ts wraps these for scripts that exit the process.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { CommandIO } from './command-io.ts';
import { explainBadDate } from './schema/dates.ts';

export interface CliSpec<O extends ParseArgsOptionsConfig> {
  /** The usage text printed with an error and for --help. */
  usage: string;
  options: O;
  /** How many positional arguments are allowed (0 by default). */
  positionals?: { min?: number; max?: number };
}

/** An error in a command line, in Vietnamese and English (refs prints both). Exit code 2. */
export class CliError extends Error {
  readonly english: string;
  constructor(message: string, english: string) {
    super(message);
    this.english = english;
  }
}

/** The command ran and refused or failed: "Lỗi: message", exit code 1 (a command's own `fail`). */
export class CommandRefusal extends Error {
  readonly english: string;
  constructor(message: string, english = message) {
    super(message);
    this.english = english;
  }
}

/** Ends a command run by runCommandLine with "Lỗi: message" and exit code 1. */
export function refuse(message: string): never {
  throw new CommandRefusal(message);
}

function explain(e: unknown): CliError {
  const code = (e as { code?: string }).code;
  const text = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' ]+)/.exec(text)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new CliError(`không hiểu tham số "${option}"`, `unknown option "${option}"`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(text)
      ? new CliError(`thiếu giá trị sau ${option}`, `missing value after ${option}`)
      : new CliError(`${option} không nhận giá trị`, `${option} takes no value`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(text)?.[1] ?? '';
    return new CliError(`thừa tham số "${arg}"`, `unexpected argument "${arg}"`);
  }
  return new CliError(text, text);
}

/** Parses argv against the spec; throws CliError. --help / -h is always known. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(argv: string[], spec: CliSpec<O>) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: (spec.positionals?.max ?? 0) > 0,
      strict: true,
    });
  } catch (e) {
    throw explain(e);
  }
  const { min = 0, max = 0 } = spec.positionals ?? {};
  if (!isHelp(parsed)) {
    if (parsed.positionals.length > max) {
      const extra = parsed.positionals[max]!;
      throw new CliError(`thừa tham số "${extra}"`, `unexpected argument "${extra}"`);
    }
    if (parsed.positionals.length < min) throw new CliError('thiếu tham số', 'missing argument');
  }
  return parsed;
}

export function isHelp(parsed: { values: object }): boolean {
  return (parsed.values as { help?: boolean }).help === true;
}

/**
 * A command of src/lib run with its command line: --help prints the usage on io.out (exit 0);
 * a CliError, from the parser or from a validator in `body`, prints "Lỗi: …" and the usage on
 * io.err (exit 2); a CommandRefusal prints "Lỗi: …" (exit 1). Otherwise `body`'s exit code.
 */
export function runCommandLine<O extends ParseArgsOptionsConfig>(
  argv: string[],
  spec: CliSpec<O>,
  io: Pick<CommandIO, 'out' | 'err'>,
  body: (parsed: ReturnType<typeof parseCommandLine<O>>) => number,
): number {
  try {
    const parsed = parseCommandLine(argv, spec);
    if (isHelp(parsed)) {
      io.out(spec.usage);
      return 0;
    }
    return body(parsed);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`Lỗi: ${e.message}`);
      io.err(spec.usage);
      return 2;
    }
    if (e instanceof CommandRefusal) {
      io.err(`Lỗi: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/**
 * The folder the user ran the command from. npm runs scripts from the project root and
 * says the caller's folder in INIT_CWD; scripts/run.mjs passes it on as DANVAN_CALLER_CWD,
 * "<its pid>:<folder>", which holds only for the script it started (not for processes
 * that script starts in turn, which have their own working folder). In-process commands
 * get it as io.cwd (consoleIO sets it from here; tests set it themselves).
 */
export function callerCwd(): string {
  const m = /^(\d+):(.*)$/s.exec(process.env.DANVAN_CALLER_CWD ?? '');
  return m && Number(m[1]) === process.ppid ? m[2]! : process.cwd();
}

/** A file or folder argument: relative to the caller's folder, as a shell user expects. */
export function argPath(p: string, cwd = callerCwd()): string {
  return resolve(cwd, p);
}

/** A folder argument that must exist (--root), relative to the caller's folder; throws CliError otherwise. */
export function existingDir(p: string, option: string, cwd = callerCwd()): string {
  const abs = argPath(p, cwd);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new CliError(`${option}: không có thư mục "${p}"`, `${option}: no such folder "${p}"`);
  }
  return abs;
}

/** A YYYY-MM-DD date that exists in the calendar (--date); throws CliError otherwise. */
export function calendarDate(value: string, option: string): string {
  const problem = explainBadDate(value, false);
  if (problem) throw new CliError(`${option}: ${problem} (cần YYYY-MM-DD)`, `${option}: "${value}" is not a real date written YYYY-MM-DD`);
  return value;
}

/** A province id that is in the registry (--province); throws CliError otherwise. */
export function knownProvince(value: string, provinces: readonly { id: string }[], option = '--province'): string {
  if (!provinces.some((p) => p.id === value)) {
    const hint = provinces.length ? ` (ví dụ: ${provinces.slice(0, 3).map((p) => p.id).join(', ')})` : '';
    throw new CliError(
      `${option}: không có mã tỉnh "${value}" trong content/registries/provinces.yaml${hint}`,
      `${option}: "${value}" is not a province id of content/registries/provinces.yaml`,
    );
  }
  return value;
}

/** A whole number from min up (--threads); throws CliError otherwise. */
export function wholeNumber(value: string, option: string, min = 1): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new CliError(`${option}: cần một số nguyên từ ${min} trở lên, không phải "${value}"`, `${option}: expected a whole number ≥ ${min}, got "${value}"`);
  }
  return n;
}
