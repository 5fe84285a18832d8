/**
 * A run cell's settings form, as typed, turned into the program's argv and env (program-args.ts
 * checks them the way the runtime and the program read them), the command it amounts to, and
 * each problem tied to its field.
 */
import type { ProgramDescription } from './manifest.ts';
import {
  programInvocation,
  type FlagValue,
  type InvocationResult,
  type RunSettings,
  type SettingProblem,
} from './program-args.ts';

/** What the form of a run cell holds, as the learner typed it. */
export interface RunForm {
  /** Flag values by name; flags left out keep the program's defaults. */
  flags: Record<string, FlagValue>;
  /** GOGC as typed: a whole number or "off"; empty for the runtime's default. */
  gogc: string;
  /** GOMEMLIMIT as typed, such as 64MiB; empty for none. */
  gomemlimit: string;
  /** GODEBUG traces printed besides gctrace=1, such as gcpacertrace. */
  traces: string[];
}

/** The run of `program` that the form describes, or every problem with it. */
export function runInvocation(program: ProgramDescription, form: RunForm): InvocationResult {
  const gogc = form.gogc.trim();
  const gomemlimit = form.gomemlimit.trim();
  const settings: RunSettings = {
    flags: form.flags,
    godebug: form.traces.map((trace) => `${trace}=1`).join(','),
    gogc: gogc === '' ? undefined : gogc === 'off' ? 'off' : Number(gogc),
    gomemlimit: gomemlimit === '' ? undefined : gomemlimit,
  };
  const result = programInvocation(program, settings);
  // Number() reads "1e2" or "0x10"; the runtime reads only digits (any other GOGC means 100).
  if (gogc !== '' && gogc !== 'off' && !/^\d+$/.test(gogc)) {
    const problem = {
      setting: 'GOGC',
      message: `GOGC is a whole percentage (0 or more) or off, not '${gogc}'`,
    };
    const others = result.ok ? [] : result.problems.filter((p) => p.setting !== 'GOGC');
    return { ok: false, problems: [...others, problem] };
  }
  return result;
}

/** The form field a problem is about: `flag-d`, `gogc`, `gomemlimit`. */
export function problemField(problem: SettingProblem): string {
  return problem.setting.startsWith('-')
    ? `flag-${problem.setting.slice(1)}`
    : problem.setting.toLowerCase();
}

/** A problem as the page says it, with the column when it points into what was typed. */
export function problemMessage(problem: SettingProblem): string {
  const where = problem.column === undefined ? '' : `, column ${problem.column}`;
  return `${problem.setting}${where}: ${problem.message}.`;
}

/** The run as a shell command, for the learner to read (and to run natively if they like). */
export function commandLine(argv: readonly string[], env: Record<string, string>): string {
  const vars = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  return [...vars, `./${argv[0]}`, ...argv.slice(1)].join(' ');
}
