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
  measureCycle,
  offsetOfLine,
  offsetOfLineFromEnd,
  parseTrace,
  readCanonicalStretch,
} from '../gctrace/index.ts';
import type { Diagnostic, EraId, GcCycle, LineKindCounts, ParsedTrace } from '../gctrace/index.ts';
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
  era: EraId;
  startReason: string | null;
  columns: RunColumns;
  sample: CycleSample;
  /**
   * The run's last cycle so far: the next one is measured against it, and its `endLine` is the
   * run's last line.
   */
  lastCycle: GcCycle;
}

/** A place in the source where a window started: for paging and re-reading ranges. */
export interface Checkpoint {
  line: number;
  byte: number;
}

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

  /** Lines read by the canonical fast lane (`readCanonicalStretch`) rather than the full parser. */
  canonicalLines = 0;
  /** The source's size in bytes when known: columns then grow once to the size it will need. */
  private readonly expectedBytes: number;

  /**
   * `firstLine`: the number of the first line pushed (when reading from the middle of a source);
   * `expectedBytes`: the size of the whole source, when known.
   */
  constructor(firstLine = 1, expectedBytes = 0) {
    this.expectedBytes = expectedBytes;
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
    // Most of a long trace is canonical gc lines: they skip the full parse (live reading keeps
    // its incremental parse, which already reads only the new lines).
    if (mode !== 'live' && this.readCanonical()) return;
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
    if (commitTo > this.commitFrom) this.ingest(parsed, commitTo, mode === 'live');
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
    this.keepContext(commitTo, this.pending.length, lastLine);
    if (mode === 'window') this.lineCount = Math.max(this.lineCount, commitTo - 1);
  }

  /**
   * Commits the canonical gc lines at the front of what is not yet committed, the next cycles of
   * the run the last cycle went to; true when that was all of it.
   */
  private readCanonical(): boolean {
    const from = offsetOfLine(this.pending, this.commitFrom - this.pendingFirstLine + 1);
    const found: Diagnostic[] = [];
    const stretch = readCanonicalStretch(
      this.pending,
      from,
      this.commitFrom,
      this.splitter.lastCycle,
      (cycle) => this.file(cycle, found),
      found,
    );
    if (stretch.lineCount === 0) return false;
    this.lineKinds.cycle += stretch.lineCount;
    this.canonicalLines += stretch.lineCount;
    this.note(found);
    const lastLine = this.commitFrom + stretch.lineCount - 1;
    this.lineCount = Math.max(this.lineCount, lastLine);
    const all = stretch.end >= this.pending.length;
    this.keepContext(lastLine + 1, stretch.end, lastLine);
    return all;
  }

  /**
   * Marks the lines before `commitTo` committed and drops the start of `pending`: what is kept
   * is the last context lines before offset `end` (where line `lastLine` ends), which the next
   * parse reads in front of the rest, and everything after it.
   */
  private keepContext(commitTo: number, end: number, lastLine: number): void {
    const nextFirst = Math.max(this.pendingFirstLine, commitTo - contextLines);
    const before = end === this.pending.length ? this.pending : this.pending.slice(0, end);
    const rest = this.pending.slice(offsetOfLineFromEnd(before, lastLine - nextFirst + 1));
    this.checkpoints.push({
      line: nextFirst,
      byte: this.bytesSeen - utf8.encode(rest).length,
    });
    this.pending = rest;
    this.pendingFirstLine = nextFirst;
    this.commitFrom = commitTo;
  }

  /** Files one cycle (line numbers of the whole trace) under its run and into the columns. */
  private file(cycle: GcCycle, found: Diagnostic[]): void {
    const target = this.splitter.place(cycle, found);
    if (target === this.runs.length) {
      this.runs.push({
        index: target,
        firstLine: cycle.line,
        era: cycle.era,
        startReason: this.splitter.runs[target]!.startReason,
        columns: new RunColumns(),
        sample: new CycleSample(),
        lastCycle: cycle,
      });
    }
    const run = this.runs[target]!;
    // Measured against the run's own previous cycle, wherever in the trace it was.
    const previous = run.lastCycle === cycle ? null : run.lastCycle;
    const columns = run.columns;
    if (columns.length === columns.capacity) columns.grow(this.capacityFor(columns));
    columns.push(cycle, measureCycle(cycle, previous, null));
    run.sample.add(cycle);
    run.lastCycle = cycle;
    this.cycleCount++;
  }

  /**
   * How many cycles a full run's columns should hold next: twice as many, or when the source's
   * size is known, as many as the rest of it will bring at the rate seen so far (one growth
   * instead of ten for a long trace, and no column twice the size it needs).
   */
  private capacityFor(columns: RunColumns): number {
    const doubled = columns.capacity * 2;
    if (this.expectedBytes <= this.bytesSeen || this.bytesSeen === 0) return doubled;
    const expected = Math.ceil((columns.length * this.expectedBytes * 1.02) / this.bytesSeen);
    return Math.max(Math.ceil(columns.capacity * 1.25), Math.min(doubled * 8, expected));
  }

  private ingest(parsed: ParsedTrace, commitTo: number, keepsParse: boolean): void {
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

    for (const cycle of parsed.cycles) {
      const line = cycle.line + shift;
      if (!inCommit(line)) continue;
      // A live parse is kept for the next append, so its cycles keep their own line numbers.
      const filed = keepsParse ? { ...cycle } : cycle;
      filed.line = line;
      filed.endLine = cycle.endLine + shift;
      this.file(filed, found);
    }
    this.note(found);
  }

  /** Counts notes and keeps the first problems, in line order. */
  private note(found: Diagnostic[]): void {
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
