/**
 * What a profile panel shows for one or two profiles and the reader's choices: the top table,
 * the stack tree, goroutine groups, and a sentence that says where the memory (or the goroutines)
 * went. Plain data, built without a DOM, so the page and the build draw the same thing.
 */
import {
  diffProblem,
  diffProfiles,
  goFixed,
  scale,
  scaledLabel,
  goroutineGroups,
  goroutineGrowth,
  stackTree,
  topTable,
  type Granularity,
  type GoroutineGrowth,
  type Profile,
  type StackNode,
  type TopRow,
  type TopTable,
} from '../profile/index.ts';

/** A profile as loaded: where it came from and, when known, when it was taken. */
export interface LoadedProfile {
  profile: Profile;
  /** File name or sample name. */
  name: string;
  /** Seconds since the program started (the trace's time axis), or null when not known. */
  elapsedSeconds: number | null;
}

export interface ReportChoices {
  sampleType?: string | null;
  granularity?: Granularity;
}

export interface ProfileReport {
  kind: 'heap' | 'goroutine';
  /** Two profiles compared (base → later). */
  diff: boolean;
  sampleType: string;
  sampleTypes: string[];
  granularity: Granularity;
  table: TopTable;
  tree: StackNode;
  /** One or two sentences: where the memory is, or what grew and at which line. */
  headline: string;
  /** A caution about the sample type chosen, or ''. */
  note: string;
  /** Goroutine groups with their growth (a single profile has every `before` at 0). */
  goroutines: { total: number; before: number | null; groups: GoroutineGrowth[] } | null;
}

/** The heap profile's four sample types in the order pprof's help lists them. */
export const heapSampleTypes = ['inuse_space', 'inuse_objects', 'alloc_space', 'alloc_objects'];

/** Why a sample type reads the way it does, for the selector's help. */
export const sampleTypeWords: Record<string, string> = {
  inuse_space: 'in-use bytes: memory still reachable at the last collection',
  inuse_objects: 'in-use objects: how many are still reachable',
  alloc_space: 'allocated bytes since the program started, garbage included',
  alloc_objects: 'allocated objects since the program started, garbage included',
  goroutine: 'goroutines with each stack',
  goroutineleak: 'leaked goroutines with each stack',
};

const seconds = (s: number | null) => (s === null ? null : `${s.toFixed(2)} s`);

/** The report for `later` alone, or compared with `base`; a string when they cannot be compared. */
export function buildReport(
  base: LoadedProfile | null,
  later: LoadedProfile,
  choices: ReportChoices = {},
): ProfileReport | string {
  if (base) {
    const problem = diffProblem(base.profile, later.profile);
    if (problem) return problem;
  }
  const kind = later.profile.kind === 'goroutine' ? 'goroutine' : 'heap';
  const sampleTypes = later.profile.sampleTypes.map((t) => t.type);
  const sampleType =
    choices.sampleType && sampleTypes.includes(choices.sampleType)
      ? choices.sampleType
      : later.profile.defaultSampleType;
  const granularity = choices.granularity ?? 'functions';
  const profile = base ? diffProfiles(base.profile, later.profile) : later.profile;
  const table = topTable(profile, { sampleType, granularity });
  const byLine =
    granularity === 'lines' ? table : topTable(profile, { sampleType, granularity: 'lines' });
  const tree = stackTree(profile, { sampleType, granularity, minShare: 0.002 });
  const goroutines =
    kind === 'goroutine'
      ? base
        ? {
            total: goroutineGroups(later.profile).total,
            before: goroutineGroups(base.profile).total,
            groups: goroutineGrowth(base.profile, later.profile),
          }
        : {
            total: goroutineGroups(later.profile).total,
            before: null,
            groups: goroutineGroups(later.profile).groups.map((g) => ({
              ...g,
              before: 0,
              change: g.count,
            })),
          }
      : null;
  return {
    kind,
    diff: base !== null,
    sampleType,
    sampleTypes,
    granularity,
    table,
    tree,
    headline: headline(base, later, table, byLine, goroutines),
    note: note(base !== null, sampleType),
    goroutines,
  };
}

/** The row that gained (or holds) the most, by its flat value. */
function topRow(table: TopTable): TopRow | undefined {
  return table.rows.find((r) => r.flat > 0);
}

function place(row: TopRow): string {
  return row.line > 0 ? `${row.function} (${shortFile(row.file)}:${row.line})` : row.function;
}

/** The last two parts of a path: "heap-profiles/sessions.go". */
export function shortFile(file: string): string {
  return file.split('/').slice(-2).join('/');
}

function headline(
  base: LoadedProfile | null,
  later: LoadedProfile,
  table: TopTable,
  byLine: TopTable,
  goroutines: ProfileReport['goroutines'],
): string {
  // In a sentence each number gets its own unit ("428MB", not the table's "438074.82kB").
  const value = (v: number) => scaledLabel(v, table.sampleUnit, 'auto');
  if (goroutines) {
    const top = goroutines.groups[0];
    if (!top) return 'No goroutines in this profile.';
    const waiting = top.waiting ? `, ${top.waiting}` : '';
    const where = `${top.where.name} (${shortFile(top.where.file)}:${top.where.line})`;
    if (goroutines.before !== null) {
      return `${goroutines.before} goroutines in the base, ${goroutines.total} in the later profile. The stack that grew most: ${top.change >= 0 ? '+' : ''}${top.change} goroutines in ${where}${waiting}.`;
    }
    return `${goroutines.total} goroutines. The largest group: ${top.count} in ${where}${waiting}.`;
  }
  const row = topRow(byLine);
  if (base) {
    const span = [seconds(base.elapsedSeconds), seconds(later.elapsedSeconds)];
    const when = span[0] && span[1] ? ` (taken at ${span[0]} and ${span[1]})` : '';
    const net = table.shown;
    const change = net >= 0 ? `grew by ${value(net)}` : `shrank by ${value(-net)}`;
    return row
      ? `Between the two profiles${when}, ${table.sampleType} ${change}. The line that gained most: ${place(row)}, +${value(row.flat)}.`
      : `Between the two profiles${when}, ${table.sampleType} ${change}; no line gained.`;
  }
  return row
    ? `${table.sampleType}: ${value(table.total)} in all; the most at ${place(row)}, ${value(row.flat)}.`
    : `${table.sampleType}: ${value(table.total)} in all.`;
}

/** A profile taken from a running program: its kind, its number in the run, and when. */
export interface TakenProfileInfo {
  kind: 'heap' | 'goroutine';
  /** 1 for the run's first profile (the base), then 2, 3, … */
  number: number;
  /** Seconds since the program started. */
  elapsedSeconds: number;
}

/** An amount in words: "12 MB", "640 kB", "3.5 MB"; counts stay plain. */
function amount(value: number, unit: string): string {
  const [v, u] = scale(value, unit, 'auto');
  const text = goFixed(v, Math.abs(v) >= 10 ? 0 : 1).replace(/\.0$/, '');
  return u ? `${text} ${u}` : text;
}

/**
 * What is announced when a profile of the learner's run arrives: "Heap profile 2 taken at 6.1 s:
 * main.rememberSession grew by 12 MB". `report` is the panel's report with it in place (the
 * base and this one compared, from the second on).
 */
export function takenSentence(taken: TakenProfileInfo, report: ProfileReport): string {
  const kind = taken.kind === 'heap' ? 'Heap' : 'Goroutine';
  const head = `${kind} profile ${taken.number} taken at ${taken.elapsedSeconds.toFixed(1)} s`;
  if (!report.diff) {
    const what =
      report.goroutines !== null
        ? `${report.goroutines.total} goroutines`
        : `${amount(report.table.total, report.table.sampleUnit)} ${report.sampleType}`;
    return `${head}: ${what}, the base. Take another a few seconds later to see what grew.`;
  }
  const since = taken.number > 2 ? ` since ${taken.kind} profile 1,` : '';
  if (report.goroutines) {
    const top = report.goroutines.groups[0];
    const all = `${report.goroutines.before ?? 0} → ${report.goroutines.total} in all`;
    if (!top || top.change <= 0) return `${head}:${since} no stack gained goroutines (${all}).`;
    return `${head}:${since} ${top.change} more goroutines in ${top.where.name} (${shortFile(top.where.file)}:${top.where.line}); ${all}.`;
  }
  const row = topRow(report.table);
  const where = row
    ? report.granularity === 'lines'
      ? `${row.function} (${shortFile(row.file)}:${row.line})`
      : row.function
    : '';
  const which = report.sampleType === 'inuse_space' ? '' : ` in ${report.sampleType}`;
  return row
    ? `${head}:${since} ${where} grew by ${amount(row.flat, report.table.sampleUnit)}${which}.`
    : `${head}:${since} nothing grew${which}.`;
}

function note(diff: boolean, sampleType: string): string {
  if (!sampleType.startsWith('alloc_')) return '';
  return diff
    ? 'alloc_space and alloc_objects count everything allocated since the program started, garbage included: they grow between any two profiles of a busy program, leak or not. Compare inuse_space to find what is kept.'
    : 'alloc_space and alloc_objects count everything allocated since the program started, garbage included: they show where the program allocates, not what it keeps.';
}
