/** Reads the command line of `gctrace` into a command; a mistake is a UsageError (exit status 2). */
import type { ProfileCommand } from './profile.ts';
import type { Rules } from './rules.ts';

/** Where `watch` reads the trace from. */
export type WatchSource =
  { kind: 'command'; argv: string[] } | { kind: 'stdin' } | { kind: 'file'; path: string };

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'parse'; file: string | null }
  | { name: 'summary'; file: string | null; json: boolean; rules: Rules }
  | ProfileCommand
  | {
      name: 'watch';
      source: WatchSource;
      port: number;
      open: boolean;
      exitWhenDone: boolean;
      siteDir: string | null;
    };

/** A mistake on the command line. */
export class UsageError extends Error {}

const failOnValues = ['growing'];

/** The command an argument list asks for (the arguments after `gctrace`). */
export function parseArgs(args: readonly string[]): Command {
  if (args.length === 0) throw new UsageError('no command given');
  if (args.includes('--help') || args.includes('-h')) {
    const dashes = args.indexOf('--');
    const help = Math.max(args.indexOf('--help'), args.indexOf('-h'));
    if (dashes < 0 || help < dashes) return { name: 'help' };
  }
  const [name, ...rest] = args;
  if (name === 'help') return { name: 'help' };
  if (name === '--version' || name === 'version') return { name: 'version' };
  if (name === 'parse') {
    const { files } = readOptions(rest, {});
    return { name: 'parse', file: oneFile(files) };
  }
  if (name === 'summary') {
    const { files, values, flags } = readOptions(rest, {
      '--json': 'flag',
      '--fail-on': 'value',
      '--max-pause': 'value',
      '--max-gc-cpu': 'value',
    });
    const failOn = values.get('--fail-on');
    if (failOn !== undefined && !failOn.split(',').every((v) => failOnValues.includes(v)))
      throw new UsageError(`--fail-on takes ${failOnValues.join(', ')}, not "${failOn}"`);
    return {
      name: 'summary',
      file: oneFile(files),
      json: flags.has('--json'),
      rules: {
        failOnGrowing: failOn !== undefined,
        maxPauseMs: number(values.get('--max-pause'), '--max-pause', 'milliseconds'),
        maxGcCpuPercent: number(values.get('--max-gc-cpu'), '--max-gc-cpu', 'a percentage'),
      },
    };
  }
  if (name === 'profile') {
    const { files, values, flags } = readOptions(rest, {
      '--base': 'value',
      '--sample': 'value',
      '--lines': 'flag',
    });
    return {
      name: 'profile',
      file: oneFile(files),
      base: values.get('--base') ?? null,
      sampleType: values.get('--sample') ?? null,
      granularity: flags.has('--lines') ? 'lines' : 'functions',
    };
  }
  if (name === 'watch') {
    const dashes = rest.indexOf('--');
    const before = dashes < 0 ? rest : rest.slice(0, dashes);
    const { files, values, flags } = readOptions(before, {
      '--port': 'value',
      '--open': 'flag',
      '--exit-when-done': 'flag',
      '--site': 'value',
    });
    let source: WatchSource;
    if (dashes >= 0) {
      const argv = rest.slice(dashes + 1);
      if (argv.length === 0) throw new UsageError('watch: no command after --');
      if (files.length > 0)
        throw new UsageError('watch: give either a command after -- or a file, not both');
      source = { kind: 'command', argv };
    } else {
      const file = oneFile(files);
      if (file === null) throw new UsageError('watch: give a command after --, - or a file');
      source = file === '-' ? { kind: 'stdin' } : { kind: 'file', path: file };
    }
    const port = number(values.get('--port'), '--port', 'a port number') ?? 0;
    if (!Number.isInteger(port) || port > 65535)
      throw new UsageError(`--port takes a port number (0 to 65535), not ${port}`);
    return {
      name: 'watch',
      source,
      port,
      open: flags.has('--open'),
      exitWhenDone: flags.has('--exit-when-done'),
      siteDir: values.get('--site') ?? null,
    };
  }
  throw new UsageError(`unknown command "${name}"`);
}

/** Splits options (`--name value`, `--name=value`, `--flag`) from file arguments. */
function readOptions(
  args: readonly string[],
  known: Record<string, 'flag' | 'value'>,
): { files: string[]; values: Map<string, string>; flags: Set<string> } {
  const files: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const option = eq > 0 ? arg.slice(0, eq) : arg;
    const kind = known[option];
    if (kind === undefined) throw new UsageError(`unknown option ${option}`);
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(`${option} takes no value`);
      flags.add(option);
    } else {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`${option} needs a value`);
      values.set(option, value);
    }
  }
  return { files, values, flags };
}

function oneFile(files: string[]): string | null {
  if (files.length > 1) throw new UsageError(`one file at a time (got ${files.join(', ')})`);
  return files[0] ?? null;
}

function number(value: string | undefined, option: string, what: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UsageError(`${option} takes ${what}, not "${value}"`);
  return n;
}
