/** The words the cell and the workbench both show for a trace: its status line and leak verdict. */
import { eras } from './eras.ts';
import type { Verdict } from './leak.ts';
import type { GoalSetter } from './memory-limit.ts';
import type { EraId } from './types.ts';

/** A short name for the Go releases that print lines like these. */
export function eraLabel(era: EraId | null): string {
  return era ? eras[era].label : 'no gc lines yet';
}

/** Headline of each leak verdict. */
export const verdictTitles: Record<Verdict, string> = {
  growing: 'Live heap keeps growing: a likely leak',
  stable: 'Live heap is stable: no leak in this trace',
  inconclusive: 'Not enough to tell yet',
};

/** What set a run's heap goals, as the findings name it; the regime's reason says why. */
export const goalSetterTitles: Record<GoalSetter, string> = {
  gogc: 'GOGC',
  'memory-limit': 'a memory limit (GOMEMLIMIT)',
  'gogc-and-memory-limit': 'GOGC, and a memory limit (GOMEMLIMIT)',
  'no-goal': 'nothing: GOGC=off and no memory limit',
  unknown: 'not known from these lines',
};

/** The analysis' reasons are clauses; shown under a verdict title they read as sentences. */
export function verdictSentence(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/** One formatter for every count: toLocaleString builds a new one on each call (per keystroke). */
const thousands = new Intl.NumberFormat('en');
const count = (n: number, noun: string) => `${thousands.format(n)} ${noun}${n === 1 ? '' : 's'}`;

/**
 * "1,204 lines · 12 cycles · 2 problems · Go 1.18+ lines · 3 runs · still reading": the line
 * count only where it is known apart from the text on screen, the reading note only while reading.
 */
export function statusLine(status: {
  lines?: number;
  cycles: number;
  problems: number;
  era: EraId | null;
  runs: number;
  reading?: boolean;
}): string {
  const parts = [
    count(status.cycles, 'cycle'),
    count(status.problems, 'problem'),
    eraLabel(status.era),
  ];
  if (status.lines !== undefined) parts.unshift(`${thousands.format(status.lines)} lines`);
  if (status.runs > 1) parts.push(`${status.runs} runs`);
  if (status.reading) parts.push('still reading');
  return parts.join(' · ');
}
