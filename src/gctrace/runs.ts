/**
 * Which cycles belong to one process. Cycles are filed one at a time, in line order, so the
 * parser (all at once) and the workbench (window by window) split runs with the same rules and
 * the same words.
 */
import { eras, isLegacyEra } from './eras.ts';
import type { Diagnostic, EraId, GcCycle, Run } from './types.ts';

/**
 * The run to show by default: the one with the most cycles (the first of equals). `go run` and
 * `go test` print the go tool's own short runs around the program's.
 */
export function mainRun(cycleCounts: readonly number[]): number {
  let best = 0;
  for (let r = 1; r < cycleCounts.length; r++) if (cycleCounts[r]! > cycleCounts[best]!) best = r;
  return best;
}

/** Whether two cycles' formats may come from one program (a generic era fits its whole kind). */
export function sameFormatFamily(a: EraId, b: EraId): boolean {
  if (a === b) return true;
  const fa = eras[a].runFamily;
  const fb = eras[b].runFamily;
  return isLegacyEra(a) === isLegacyEra(b) && (fa === null || fb === null || fa === fb);
}

/** Go 1.9.0 and 1.9.1 printed a bogus start time on macOS and Windows (golang/go#21554). */
const bogus = (t: number | null) => t !== null && t > 1e9;

/** Time does not go backwards within one process (unknown or bogus times say nothing). */
function forward(a: GcCycle, b: GcCycle): boolean {
  return (
    a.atSeconds === null ||
    b.atSeconds === null ||
    bogus(a.atSeconds) ||
    bogus(b.atSeconds) ||
    b.atSeconds >= a.atSeconds
  );
}

/** `c` is the cycle right after `last` in the same process. */
export function continues(last: GcCycle, c: GcCycle): boolean {
  return sameFormatFamily(last.era, c.era) && forward(last, c) && c.gc === last.gc + 1;
}

/** What the splitter knows about one run. */
export interface SplitRun {
  index: number;
  firstLine: number;
  lastLine: number;
  /** Why a new run started here (null for the first). */
  startReason: string | null;
  cycles: number;
  last: GcCycle;
}

/** Era votes of one run, counted in streaks: a run's era rarely changes, so the Map is touched once per streak. */
interface Votes {
  counted: Map<EraId, number>;
  first: EraId;
  streakEra: EraId;
  streakLength: number;
}

/** Files cycles under runs as they come, noting numbering gaps and new runs. */
export class RunSplitter {
  readonly runs: SplitRun[] = [];
  private readonly votes: Votes[] = [];
  private current = -1;

  /** Files `c`, the next cycle in line order, and returns its run; notes go to `notes`. */
  place(c: GcCycle, notes: Diagnostic[]): number {
    const target = this.target(c, notes);
    const run = this.runs[target]!;
    run.cycles++;
    run.lastLine = c.endLine;
    run.last = c;
    const v = this.votes[target]!;
    if (c.era === v.streakEra) v.streakLength++;
    else {
      v.counted.set(v.streakEra, (v.counted.get(v.streakEra) ?? 0) + v.streakLength);
      v.streakEra = c.era;
      v.streakLength = 1;
    }
    this.current = target;
    return target;
  }

  /** The last cycle filed, or null before the first: a cycle that `continues` it goes to its run with no note. */
  get lastCycle(): GcCycle | null {
    return this.current >= 0 ? this.runs[this.current]!.last : null;
  }

  /** The era most of run `r`'s cycles print; generic eras count only when there is nothing else. */
  eraOf(r: number): EraId {
    const v = this.votes[r]!;
    let best = v.first;
    let bestVotes = -Infinity;
    const consider = (era: EraId, n: number) => {
      const weight = n + (eras[era].runFamily === null ? -1e9 : 0);
      if (weight > bestVotes) {
        best = era;
        bestVotes = weight;
      }
    };
    for (const [era, n] of v.counted) consider(era, n + (era === v.streakEra ? v.streakLength : 0));
    if (!v.counted.has(v.streakEra)) consider(v.streakEra, v.streakLength);
    for (const era of [...v.counted.keys(), v.streakEra])
      if (eras[era].upgrades === best) return era;
    return best;
  }

  private target(c: GcCycle, notes: Diagnostic[]): number {
    // The check nearly every cycle takes comes first, before anything is allocated.
    if (this.current >= 0 && continues(this.runs[this.current]!.last, c)) return this.current;
    const note = (kind: 'new-run' | 'numbering-gap', message: string) =>
      notes.push({
        line: c.line,
        column: c.column,
        length: 2,
        kind,
        severity: kind === 'new-run' ? 'info' : 'warning',
        message,
      });
    let reason: string | null = null;
    if (this.current >= 0) {
      const prev = this.runs[this.current]!.last;
      // An earlier process picking up its own numbering again (go test between tool runs).
      for (let r = this.runs.length - 1; r >= 0; r--) {
        const last = this.runs[r]!.last;
        if (r !== this.current && continues(last, c)) {
          note(
            'new-run',
            `gc ${c.gc} continues run ${r + 1} (gc ${last.gc} on line ${last.line}), interleaved with another process`,
          );
          return r;
        }
      }
      if (sameFormatFamily(prev.era, c.era) && forward(prev, c) && c.gc > prev.gc + 1) {
        const missing = c.gc - prev.gc - 1;
        note(
          'numbering-gap',
          `gc ${prev.gc} is followed by gc ${c.gc}: ${missing === 1 ? `cycle ${prev.gc + 1} is` : `${missing} cycles are`} missing (lines lost, filtered or truncated)`,
        );
        return this.current;
      }
      reason = !sameFormatFamily(prev.era, c.era)
        ? `the gc line format changed (${prev.era} → ${c.era}): another program`
        : c.gc <= prev.gc
          ? `cycle numbering restarted (gc ${c.gc} after gc ${prev.gc}): another process`
          : `the start time went backwards (@${c.atSeconds}s after @${prev.atSeconds}s): another process`;
      note('new-run', `a new run starts here: ${reason}`);
    }
    const index = this.runs.length;
    this.runs.push({
      index,
      firstLine: c.line,
      lastLine: c.endLine,
      startReason: reason,
      cycles: 0,
      last: c,
    });
    this.votes.push({ counted: new Map(), first: c.era, streakEra: c.era, streakLength: 0 });
    return index;
  }
}

/** Splits a parse's cycles into runs (setting each cycle's `run`), noting gaps and new runs. */
export function splitRuns(cycles: GcCycle[], diagnostics: Diagnostic[]): Run[] {
  const splitter = new RunSplitter();
  const runs: Run[] = [];
  for (let i = 0; i < cycles.length; i++) {
    const c = cycles[i]!;
    const target = splitter.place(c, diagnostics);
    if (target === runs.length)
      runs.push({
        index: target,
        firstLine: c.line,
        lastLine: c.endLine,
        cycleIndices: [],
        cycleStart: i,
        cycleEnd: i + 1,
        era: c.era,
        startReason: splitter.runs[target]!.startReason,
      });
    const run = runs[target]!;
    run.cycleEnd = i + 1;
    run.lastLine = c.endLine;
    c.run = target;
  }
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    // `cycleIndices` is filled here at its final size: pushing a million indices costs far more.
    const indices = new Array<number>(splitter.runs[r]!.cycles);
    if (run.cycleEnd - run.cycleStart === indices.length) {
      // Not interleaved with another run: consecutive indices.
      for (let k = 0; k < indices.length; k++) indices[k] = run.cycleStart + k;
    } else {
      let k = 0;
      for (let i = run.cycleStart; i < run.cycleEnd; i++)
        if (cycles[i]!.run === r) indices[k++] = i;
    }
    run.cycleIndices = indices;
    run.era = splitter.eraOf(r);
  }
  return runs;
}
