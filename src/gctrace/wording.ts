/** The words the cell and the workbench both show for a trace: its status line and leak verdict. */
import { eras } from './eras.ts';
import type { LeakEvidence, Verdict } from './leak.ts';
import type { GoalSetter } from './memory-limit.ts';
import type { EraId } from './types.ts';
import { formatNumber, formatSignificant, inUnit, plural, timeUnit } from './units.ts';

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

/**
 * How often the collector ran, in words that read at any rate: "12 GC/s" or "2.5 GC/s" from one a
 * second up, "1 GC every 40 s" (or every 2.5 min) below, where a rate per second would round to 0.
 */
export function gcRateText(perSecond: number): string {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) return 'no GC';
  if (perSecond >= 1) return `${formatSignificant(perSecond)} GC/s`;
  const every = 1 / perSecond;
  const unit = timeUnit(every);
  return `1 GC every ${formatSignificant(inUnit(every, unit))} ${unit.symbol}`;
}

/**
 * What an evidence cycle's live heap is, in words: the number the line prints, and the one the
 * trend used only where they differ, with what was taken off ("live heap 2 MB as printed, about
 * 1 MB after discounting 1 MB allocated during marking"). `evidenceDiscountNote` says why, once.
 */
export function evidenceLiveHeap(e: Pick<LeakEvidence, 'liveMB' | 'trendLiveMB'>): string {
  const printed = `live heap ${formatNumber(e.liveMB)} MB as printed`;
  if (e.trendLiveMB === e.liveMB) return printed;
  const during = formatNumber(e.liveMB - e.trendLiveMB);
  return `${printed}, about ${formatNumber(e.trendLiveMB)} MB after discounting ${during} MB allocated during marking`;
}

/**
 * Why the trend discounts what was allocated during marking; null when no evidence cycle was
 * discounted (before Go 1.5, or when the heap did not grow while the cycle ran).
 */
export function evidenceDiscountNote(
  evidence: readonly Pick<LeakEvidence, 'liveMB' | 'trendLiveMB'>[],
): string | null {
  if (evidence.every((e) => e.trendLiveMB === e.liveMB)) return null;
  return 'The printed live heap (the third number) counts everything allocated while the collector was marking as live, because new objects are marked as they are allocated; the trend discounts it, taking the heap at end minus the heap at start as what was allocated then.';
}

/** The analysis' reasons are clauses; shown under a verdict title they read as sentences. */
export function verdictSentence(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

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
    plural(status.cycles, 'cycle'),
    plural(status.problems, 'problem'),
    eraLabel(status.era),
  ];
  if (status.lines !== undefined) parts.unshift(plural(status.lines, 'line'));
  if (status.runs > 1) parts.push(`${status.runs} runs`);
  if (status.reading) parts.push('still reading');
  return parts.join(' · ');
}
