/**
 * Reads a trace of any length window by window: each window of whole lines is parsed by the
 * engine's `parseTrace`, with a few lines of the previous window in front (so runs, gaps and
 * rejoined lines carry across) and a few held back for the next one (a broken gc line may
 * continue there). Only compact columns, capped diagnostics, counts and an evenly spaced sample
 * of whole cycles (for the leak verdict and implied GOGC) are kept.
 */
import {
  RunSplitter,
  lineKindNames,
  measureCycles,
  offsetOfLine,
  parseTrace,
} from '../gctrace/index.ts';
import type {
  CycleMeasures,
  Diagnostic,
  EraId,
  GcCycle,
  LineKindCounts,
  ParsedTrace,
} from '../gctrace/index.ts';
import { RunColumns } from './columns.ts';

/** Lines of the previous window parsed again in front of each window. */
export const contextLines = 16;
/** Lines at the end of a window left for the next one (a broken gc line spans at most 9). */
export const holdLines = 10;
/** Problems (errors and warnings) kept with their position; the rest are only counted. */
export const problemLimit = 500;
/** Whole cycles kept per run for the verdict and the implied GOGC. */
export const sampleLimit = 6000;
/**
 * How many following lines the parser reads to rejoin a gc line broken by other output (the
 * engine's `maxContinuationLines`): a broken line further back than this is settled.
 */
export const continuationLines = 8;
/** Live reading keeps its parse for the next append until this many lines are committed. */
export const liveParseLines = 1000;

/**
 * How many of a parse's first lines no text added after it can change. Every line is settled
 * except a gc line broken by other output whose continuation may still come (with the lines
 * after it, which the continuation would join), and a last line `gc name: …` that a next line
 * `24 @1.003s …` would turn into a cycle.
 */
export function settledLineCount(parsed: ParsedTrace): number {
  const last = parsed.lineCount;
  let settled = last;
  const diagnostics = parsed.diagnostics;
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i]!;
    if (d.line <= last - continuationLines) break;
    if (d.kind === 'malformed-gc-line' || d.kind === 'truncated')
      settled = Math.min(settled, d.line - 1);
  }
  if (last > 0 && settled === last && lineKindNames[parsed.lineKindCodes[last - 1]!] !== 'cycle') {
    const start = offsetOfLine(parsed.text, last);
    if (/\bgc \D/.test(parsed.text.slice(start, start + 400))) settled = last - 1;
  }
  return settled;
}

/** Evenly spaced pairs of consecutive cycles (all of them while the run is short). */
export class CycleSample {
  cycles: GcCycle[] = [];
  /** Position of each kept cycle in its run. */
  ordinals: number[] = [];
  /** Keep ordinals o with o % stride < 2; 1 keeps every cycle. */
  stride = 1;
  seen = 0;
  private readonly limit: number;

  constructor(limit = sampleLimit) {
    this.limit = limit;
  }

  add(cycle: GcCycle): void {
    const ordinal = this.seen++;
    if (this.stride > 1 && ordinal % this.stride >= 2) return;
    this.cycles.push(cycle);
    this.ordinals.push(ordinal);
    if (this.cycles.length <= this.limit) return;
    // Pairs keep each cycle's predecessor, which the per-cycle measures and GOGC need.
    this.stride = this.stride === 1 ? 4 : this.stride * 2;
    const keep = this.ordinals.map((o) => o % this.stride < 2);
    this.cycles = this.cycles.filter((_, i) => keep[i]);
    this.ordinals = this.ordinals.filter((_, i) => keep[i]);
  }

  /** True while every cycle is kept. */
  get complete(): boolean {
    return this.stride === 1;
  }
}

/** One run (one process) of the trace. */
export interface RunState {
  index: number;
  firstLine: number;
  lastLine: number;
  era: EraId;
  startReason: string | null;
  columns: RunColumns;
  sample: CycleSample;
}

/** A place in the source where a window started: for paging and re-reading ranges. */
export interface Checkpoint {
  line: number;
  byte: number;
}

/** Character offset where a 1-based line starts (the text's length past the last line). */
export const lineStartOffset = offsetOfLine;

const utf8 = new TextEncoder();

/** Everything kept about a trace while and after it is read. */
export class TraceDataset {
  runs: RunState[] = [];
  problems: Diagnostic[] = [];
  problemCount = 0;
  diagnosticCounts = { error: 0, warning: 0, info: 0 };
  lineKinds: LineKindCounts = {
    cycle: 0,
    companion: 0,
    output: 0,
    blank: 0,
    markup: 0,
    diagnostic: 0,
  };
  lineCount = 0;
  cycleCount = 0;
  checkpoints: Checkpoint[];
  finished = false;

  /** Text not yet committed: context lines, then lines still to read. */
  private pending = '';
  /** The parse of `pending` while reading live, so the next append reads only the new lines. */
  private lastParse: ParsedTrace | null = null;
  private pendingFirstLine = 1;
  private commitFrom = 1;
  private bytesSeen = 0;
  /** Runs are split over the whole trace, cycle by cycle as windows are committed. */
  private readonly splitter = new RunSplitter();

  /** `firstLine`: the number of the first line pushed (when reading from the middle of a source). */
  constructor(firstLine = 1) {
    this.pendingFirstLine = firstLine;
    this.commitFrom = firstLine;
    this.checkpoints = [{ line: firstLine, byte: 0 }];
  }
  /** Adds whole lines of text (`byteLength` bytes of the source) and parses what can be committed. */
  push(text: string, byteLength = utf8.encode(text).length): void {
    this.pending += text;
    this.bytesSeen += byteLength;
    this.process('window');
  }

  /**
   * Live reading: adds whole lines as a program prints them and commits at once every line that
   * later text cannot change, so the charts can show a cycle as soon as its line is read.
   */
  append(text: string, byteLength = utf8.encode(text).length): void {
    this.pending += text;
    this.bytesSeen += byteLength;
    this.process('live');
  }

  /** The source ended: commit everything. */
  finish(): void {
    this.process('final');
    this.pending = '';
    this.lastParse = null;
    this.finished = true;
  }

  /** Bytes held by the columns and samples (roughly). */
  get bytes(): number {
    let total = this.pending.length * 2;
    for (const run of this.runs) total += run.columns.bytes + run.sample.cycles.length * 650;
    return total;
  }

  private process(mode: 'window' | 'live' | 'final'): void {
    if (this.pending.length === 0) return;
    // While reading live the text only grows at its end: the parse takes over from the last one.
    const parsed = parseTrace(this.pending, this.lastParse ?? undefined);
    const lines = parsed.lineCount;
    const lastLine = this.pendingFirstLine + lines - 1;
    const commitTo =
      mode === 'final'
        ? lastLine + 1
        : mode === 'live'
          ? Math.max(this.commitFrom, this.pendingFirstLine + settledLineCount(parsed))
          : lastLine + 1 - holdLines;
    if (mode === 'window' && commitTo - contextLines <= this.commitFrom) return; // wait for more lines
    if (commitTo > this.commitFrom) this.ingest(parsed, commitTo);
    if (mode === 'final') {
      this.lineCount = Math.max(this.lineCount, lastLine);
      return;
    }
    if (mode === 'live') {
      this.lineCount = Math.max(this.lineCount, lastLine);
      this.commitFrom = commitTo;
      if (commitTo - this.pendingFirstLine < liveParseLines) {
        this.lastParse = parsed;
        return;
      }
      this.lastParse = null;
    }
    const nextFirst = commitTo - contextLines;
    const cut = lineStartOffset(this.pending, nextFirst - this.pendingFirstLine + 1);
    const rest = this.pending.slice(cut);
    this.checkpoints.push({
      line: nextFirst,
      byte: this.bytesSeen - utf8.encode(rest).length,
    });
    this.pending = rest;
    this.pendingFirstLine = nextFirst;
    this.commitFrom = commitTo;
    if (mode === 'window') this.lineCount = Math.max(this.lineCount, commitTo - 1);
  }

  private ingest(parsed: ReturnType<typeof parseTrace>, commitTo: number): void {
    const shift = this.pendingFirstLine - 1;
    const from = this.commitFrom;
    const inCommit = (line: number) => line >= from && line < commitTo;

    // Run borders are decided here over the whole trace, so the window's own notes about
    // runs and numbering gaps are replaced by ours.
    const found: Diagnostic[] = [];
    for (const d of parsed.diagnostics) {
      const line = d.line + shift;
      if (!inCommit(line) || d.kind === 'new-run' || d.kind === 'numbering-gap') continue;
      found.push({ ...d, line });
    }
    const codes = parsed.lineKindCodes;
    for (let local = from - shift; local < commitTo - shift && local <= codes.length; local++)
      this.lineKinds[lineKindNames[codes[local - 1]]]++;

    // Measures per local run, in each run's own order.
    const measures: CycleMeasures[][] = parsed.runs.map((run) =>
      measureCycles(run.cycleIndices.map((i) => parsed.cycles[i])),
    );
    const position = new Int32Array(parsed.cycles.length);
    for (const run of parsed.runs) run.cycleIndices.forEach((ci, k) => (position[ci] = k));
    parsed.cycles.forEach((cycle, ci) => {
      const line = cycle.line + shift;
      if (!inCommit(line)) return;
      const shifted: GcCycle = { ...cycle, line, endLine: cycle.endLine + shift };
      const target = this.splitter.place(shifted, found);
      if (target === this.runs.length) {
        this.runs.push({
          index: target,
          firstLine: shifted.line,
          lastLine: shifted.endLine,
          era: shifted.era,
          startReason: this.splitter.runs[target]!.startReason,
          columns: new RunColumns(),
          sample: new CycleSample(),
        });
      }
      const run = this.runs[target]!;
      // Measures come from the window's own runs, which see each cycle's predecessor (context lines).
      run.columns.push(shifted, measures[cycle.run]?.[position[ci]]);
      run.sample.add(shifted);
      run.lastLine = shifted.endLine;
      this.cycleCount++;
    });
    found.sort((x, y) => x.line - y.line || x.column - y.column);
    for (const d of found) {
      this.diagnosticCounts[d.severity]++;
      if (d.severity === 'info') continue;
      this.problemCount++;
      if (this.problems.length < problemLimit) this.problems.push(d);
    }
    for (const run of this.runs) run.era = this.splitter.eraOf(run.index);
  }
}
