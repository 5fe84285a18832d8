/**
 * A program's settings (its flags from the manifest, and the runtime's environment: GODEBUG,
 * GOGC, GOMEMLIMIT) turned into the argv and env of a run. Values are checked here, before the
 * program starts: a malformed GOMEMLIMIT makes the Go runtime crash at start-up, and a flag out
 * of range makes the program refuse to run.
 */
import type { FlagDescription, ProgramDescription } from './manifest.ts';

/** The command name the programs give themselves in their usage text. */
export const commandName = 'inpage';

export type FlagValue = number | boolean;

export interface RunSettings {
  /** Flag values by name; a flag left out takes its default. Durations are in seconds. */
  flags?: Record<string, FlagValue>;
  /** GODEBUG's gctrace value: 1 prints a line per collection, 2 adds more from Go 1.25, 0 none. */
  gctrace?: 0 | 1 | 2;
  /** More GODEBUG settings, as GODEBUG writes them: `name=value,name=value`. */
  godebug?: string;
  /** GOGC: a percentage, or 'off'. Left out: the runtime's default (100). */
  gogc?: number | 'off';
  /** GOMEMLIMIT as the runtime reads it: bytes, or a number with B, KiB, MiB, GiB or TiB, or 'off'. */
  gomemlimit?: string;
}

/** A setting that cannot be used, with where it is: `column` (1-based) within a text setting. */
export interface SettingProblem {
  setting: string;
  column?: number;
  message: string;
}

export interface ProgramInvocation {
  /** os.Args: the command name, the program, then every flag as -name=value. */
  argv: string[];
  env: Record<string, string>;
}

export type InvocationResult =
  { ok: true; invocation: ProgramInvocation } | { ok: false; problems: SettingProblem[] };

/** Seconds as a Go duration (`15s`, `0.5s`): the form time.ParseDuration reads. */
export function formatDuration(seconds: number): string {
  return `${Number(seconds.toFixed(3))}s`;
}

function flagArgument(flag: FlagDescription, value: FlagValue): string | SettingProblem {
  const setting = `-${flag.name}`;
  if (flag.type === 'bool') {
    if (typeof value !== 'boolean')
      return { setting, message: `${setting} is on or off (true or false)` };
    return `${setting}=${value}`;
  }
  const unit = flag.unit ? ` ${flag.unit}` : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { setting, message: `${setting} must be a number` };
  }
  if (flag.type === 'int' && !Number.isInteger(value)) {
    return { setting, message: `${setting} must be a whole number, not ${value}` };
  }
  if (value < flag.min || value > flag.max) {
    return {
      setting,
      message: `${setting} must be between ${flag.min} and ${flag.max}${unit}, not ${value}`,
    };
  }
  return `${setting}=${flag.type === 'duration' ? formatDuration(value) : String(value)}`;
}

/**
 * GODEBUG's `name=value` items, checked the way the runtime reads them (an item without `=` is
 * skipped by the runtime; here it is reported), without any gctrace item: that one is the run's
 * own setting and goes last, where the runtime (which takes the last of repeated names) keeps it.
 */
function godebugItems(text: string, problems: SettingProblem[]): string[] {
  const items: string[] = [];
  let column = 1;
  for (const item of text.split(',')) {
    const at = column;
    column += item.length + 1;
    if (item.trim() === '') continue;
    const equals = item.indexOf('=');
    const name = equals < 0 ? item : item.slice(0, equals);
    if (equals < 0 || !/^[a-z0-9_.]+$/i.test(name)) {
      problems.push({
        setting: 'GODEBUG',
        column: at,
        message:
          equals < 0
            ? `'${item}' is not name=value`
            : `'${name}' is not a GODEBUG name (letters, digits, '_' and '.')`,
      });
      continue;
    }
    if (name === 'gctrace') continue;
    items.push(item);
  }
  return items;
}

/** GOMEMLIMIT's syntax, as the runtime's parseByteCount reads it (Go 1.19 to 1.27). */
const memoryLimitPattern = /^(?:off|[0-9]+(?:B|KiB|MiB|GiB|TiB)?)$/;

/** The argv and env of a run of `program` with `settings`, or what is wrong with them. */
export function programInvocation(
  program: ProgramDescription,
  settings: RunSettings = {},
): InvocationResult {
  const problems: SettingProblem[] = [];
  const argv = [commandName, program.name];
  const given = settings.flags ?? {};
  for (const name of Object.keys(given)) {
    if (!program.flags.some((f) => f.name === name)) {
      const known = program.flags.map((f) => `-${f.name}`).join(', ');
      problems.push({
        setting: `-${name}`,
        message: `${program.name} has no flag -${name} (it has ${known})`,
      });
    }
  }
  for (const flag of program.flags) {
    const value = given[flag.name] ?? (flag.type === 'bool' ? flag.default !== 0 : flag.default);
    const argument = flagArgument(flag, value);
    if (typeof argument === 'string') argv.push(argument);
    else problems.push(argument);
  }

  const env: Record<string, string> = {};
  const gctrace = settings.gctrace ?? 1;
  const godebug = [...godebugItems(settings.godebug ?? '', problems), `gctrace=${gctrace}`];
  env.GODEBUG = godebug.join(',');
  if (settings.gogc !== undefined) {
    const gogc = settings.gogc;
    if (gogc === 'off') env.GOGC = 'off';
    else if (Number.isInteger(gogc) && gogc >= 0) env.GOGC = String(gogc);
    else
      problems.push({
        setting: 'GOGC',
        message: `GOGC is a whole percentage (0 or more) or off, not ${gogc}`,
      });
  }
  if (settings.gomemlimit !== undefined) {
    const limit = settings.gomemlimit;
    if (memoryLimitPattern.test(limit)) env.GOMEMLIMIT = limit;
    else {
      // Point at the unit when the number is fine, else at the start.
      const digits = /^[0-9]*/.exec(limit)![0].length;
      problems.push({
        setting: 'GOMEMLIMIT',
        column: digits > 0 && digits < limit.length ? digits + 1 : 1,
        message: `'${limit}' is not a memory limit: write bytes, or a number with B, KiB, MiB, GiB or TiB (64MiB), or off`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, invocation: { argv, env } };
}
