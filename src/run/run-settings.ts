/**
 * The settings of one run of an in-page program: the Go runtime's environment (GODEBUG, GOGC,
 * GOMEMLIMIT) and the program's flags, checked the way the runtime and the program would read
 * them, so a mistake gets a message before anything runs.
 */

/** One flag of a program, as the manifest describes it (durations in seconds). */
export interface FlagSpec {
  name: string;
  type: 'int' | 'float' | 'bool' | 'duration';
  default: number;
  min: number;
  max: number;
  unit: string;
  help: string;
}

/** What a learner can set for one run. */
export interface RunSettings {
  /** Flag values by name, in the manifest's units; flags left out keep their defaults. */
  flags: Record<string, number | boolean>;
  /** GOGC as typed: a whole number or "off"; empty for the default (100). */
  gogc: string;
  /** GOMEMLIMIT as typed, such as 64MiB; empty for no limit. */
  gomemlimit: string;
  /** GODEBUG traces printed besides gctrace=1. */
  gcpacertrace: boolean;
  scavtrace: boolean;
}

/** A setting that cannot be used, with the name of the field and what to write instead. */
export interface SettingProblem {
  field: string;
  message: string;
}

const byteUnits: Record<string, number> = {
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/**
 * GOMEMLIMIT in bytes, as the runtime reads it (runtime/string.go, parseByteCount): digits, then
 * nothing, B, KiB, MiB, GiB or TiB. Null when the runtime would reject it.
 */
export function memoryLimitBytes(text: string): number | null {
  const match = /^(\d+)(B|KiB|MiB|GiB|TiB)?$/.exec(text);
  if (!match) return null;
  const bytes = Number(match[1]) * byteUnits[match[2] ?? 'B']!;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** Every problem with the settings, in the order of the fields. */
export function settingProblems(
  settings: RunSettings,
  flags: readonly FlagSpec[],
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const spec of flags) {
    const value = settings.flags[spec.name];
    if (value === undefined || spec.type === 'bool') continue;
    const number = Number(value);
    const unit = spec.unit ? ` ${spec.unit}` : '';
    if (
      !Number.isFinite(number) ||
      (spec.type !== 'float' && spec.type !== 'duration' && !Number.isInteger(number))
    ) {
      problems.push({
        field: spec.name,
        message: `-${spec.name} must be a ${spec.type === 'float' || spec.type === 'duration' ? 'number' : 'whole number'}.`,
      });
    } else if (number < spec.min || number > spec.max) {
      problems.push({
        field: spec.name,
        message: `-${spec.name} must be between ${spec.min} and ${spec.max}${unit}; it is ${number}.`,
      });
    }
  }
  const gogc = settings.gogc.trim();
  if (gogc !== '' && gogc !== 'off' && !/^\d+$/.test(gogc)) {
    problems.push({
      field: 'gogc',
      message: `GOGC must be a whole number of percent, such as 100, or off; "${gogc}" would be read as 100.`,
    });
  }
  const limit = settings.gomemlimit.trim();
  if (limit !== '' && limit !== 'off' && memoryLimitBytes(limit) === null) {
    problems.push({
      field: 'gomemlimit',
      message: `GOMEMLIMIT must be a number of bytes with an optional unit (B, KiB, MiB, GiB, TiB), such as 64MiB; the runtime stops at "${limit}".`,
    });
  }
  return problems;
}

/** A flag's value as the program's command line writes it. */
function flagArgument(spec: FlagSpec, value: number | boolean): string {
  if (spec.type === 'bool') return value ? `-${spec.name}` : `-${spec.name}=false`;
  if (spec.type === 'duration') return `-${spec.name}=${Number(value)}s`;
  return `-${spec.name}=${Number(value)}`;
}

/** os.Args of a run: the binary, the program's subcommand, then every flag that is set. */
export function runArgv(
  program: string,
  settings: RunSettings,
  flags: readonly FlagSpec[],
): string[] {
  const argv = ['programs', program];
  for (const spec of flags) {
    const value = settings.flags[spec.name];
    if (value !== undefined) argv.push(flagArgument(spec, value));
  }
  return argv;
}

/** The environment of a run: GODEBUG with gctrace=1 always, and GOGC and GOMEMLIMIT when set. */
export function runEnv(settings: RunSettings): Record<string, string> {
  const godebug = ['gctrace=1'];
  if (settings.gcpacertrace) godebug.push('gcpacertrace=1');
  if (settings.scavtrace) godebug.push('scavtrace=1');
  const env: Record<string, string> = { GODEBUG: godebug.join(',') };
  if (settings.gogc.trim() !== '') env.GOGC = settings.gogc.trim();
  if (settings.gomemlimit.trim() !== '') env.GOMEMLIMIT = settings.gomemlimit.trim();
  return env;
}

/** The run as a shell command, for the learner to read (and to run natively if they like). */
export function commandLine(argv: readonly string[], env: Record<string, string>): string {
  const vars = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  return [...vars, `./${argv[0]}`, ...argv.slice(1)].join(' ');
}
