/**
 * Two or more runs side by side: the figures a learner compares (verdict, live heap, goal, GC
 * CPU, implied GOGC) as table rows, and the gc lines of each run paired by their GC number.
 * Pure: it reads what the cells already derived.
 */
import type { CellView } from '../cell/model.ts';

export interface ComparisonRow {
  label: string;
  /** One value per run, in the order of the runs. */
  values: string[];
}

/** What a comparison knows of one run: its cell's view, or null while the cell has no trace. */
export type ComparedRun = Pick<
  CellView,
  'cycleCount' | 'verdict' | 'findings' | 'chartCycles'
> | null;

const none = '–';

function finding(run: NonNullable<ComparedRun>, label: string): string {
  const found = run.findings.find((f) => f.label === label);
  return found ? found.value : none;
}

function liveHeap(run: NonNullable<ComparedRun>): string {
  const live = run.chartCycles.flatMap((c) => (c.heapLive === null ? [] : [c.heapLive]));
  if (live.length === 0) return none;
  return `${live[0]} → ${live.at(-1)} MB`;
}

function lastGoal(run: NonNullable<ComparedRun>): string {
  const last = run.chartCycles.at(-1);
  if (!last) return none;
  return last.goal === null ? 'none' : `${last.goal} MB`;
}

const rowsOfRun: [label: string, value: (run: NonNullable<ComparedRun>) => string][] = [
  ['Verdict', (run) => (run.cycleCount === 0 ? 'no gc lines yet' : run.verdict.title)],
  ['Cycles', (run) => String(run.cycleCount)],
  ['Duration', (run) => finding(run, 'Duration')],
  ['Live heap, first → last', liveHeap],
  ['Goal of the last cycle', lastGoal],
  ['Peak heap', (run) => finding(run, 'Peak heap')],
  ['GC CPU so far', (run) => finding(run, 'GC CPU so far')],
  ['Implied GOGC', (run) => finding(run, 'Implied GOGC')],
];

/** The comparison's rows; a run without a trace reads "not run yet" in every row. */
export function comparisonRows(runs: readonly ComparedRun[]): ComparisonRow[] {
  return rowsOfRun.map(([label, value]) => ({
    label,
    values: runs.map((run) => (run === null ? 'not run yet' : value(run))),
  }));
}

export interface LinePair {
  gc: number;
  /** The line of that GC number in each run, null where the run has none. */
  lines: (string | null)[];
}

/**
 * The gc lines of each run paired by GC number, the first `count` GC numbers any run has. `texts`
 * are the runs' traces; a chart cycle's `line` is its 1-based line in its trace.
 */
export function pairedLines(
  runs: readonly ComparedRun[],
  texts: readonly string[],
  count: number,
): LinePair[] {
  const byGc = runs.map((run, index) => {
    const lines = texts[index]!.split('\n');
    return new Map((run?.chartCycles ?? []).map((c) => [c.gc, lines[c.line - 1] ?? null]));
  });
  const numbers = [...new Set(byGc.flatMap((map) => [...map.keys()]))].sort((a, b) => a - b);
  return numbers
    .slice(0, count)
    .map((gc) => ({ gc, lines: byGc.map((map) => map.get(gc) ?? null) }));
}
