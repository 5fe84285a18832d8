/**
 * Data shapes of the trace engine. Everything here is plain data (JSON-serialisable),
 * so results can cross a Web Worker boundary unchanged.
 */

/** The format a gc line was recognised as, named by the Go releases that print it. */
export type EraId =
  | 'go1.0'
  | 'go1.1-1.2'
  | 'go1.3'
  | 'go1.4'
  | 'go1.0-1.4'
  | 'go1.5beta'
  | 'go1.5'
  | 'go1.6-1.17'
  | 'go1.18+'
  | 'go1.26+'
  | 'go1.5+';

/** What a field of a trace line holds; drives hovers and highlighting. */
export type FieldKind =
  | 'counter'
  | 'timestamp'
  | 'percent'
  | 'leak-check'
  | 'clock'
  | 'cpu'
  | 'heap'
  | 'goal'
  | 'stacks'
  | 'globals'
  | 'procs'
  | 'forced'
  | 'objects'
  | 'goroutines'
  | 'sweeps'
  | 'handoff'
  | 'steal'
  | 'yields'
  | 'memory'
  | 'bytes'
  | 'ratio'
  | 'work'
  | 'workers'
  | 'pages'
  | 'count'
  | 'time'
  | 'label'
  | 'flag';

/** A field of one line: where it is (1-based columns in the original input line) and what it says. */
export interface FieldSpan {
  /** Stable field name, the key into the explanation tables (e.g. 'clock.markTermination'). */
  name: string;
  kind: FieldKind;
  line: number;
  startColumn: number;
  /** Exclusive. */
  endColumn: number;
  /** The text exactly as printed. */
  text: string;
  /** Numeric value (ms for clock/cpu fields), null for flags and labels. May be approximate beyond 2^53: `text` is exact. */
  value: number | null;
}

/** One CPU phase: a number, or the `assist/background/idle` group as three numbers. */
export type CpuPhase = number | number[];

/** Extra fields printed only by Go 1.0 – 1.4. */
export interface LegacyFields {
  /** Object counts: `[before, after]` (1.0–1.2) or `[live]` (1.3–1.4). */
  objects: number[];
  mallocs: number | null;
  frees: number | null;
  /** `[handoffs]` (1.0) or `[handoffs, handoffCount]` (1.1+). */
  handoff: number[];
  steal: number[] | null;
  yields: number[] | null;
  sweeps: number[] | null;
  goroutines: number | null;
}

/** One garbage-collection cycle, from one gc line. */
export interface GcCycle {
  /** 1-based input line of the `gc` token. */
  line: number;
  /** 1-based column of the `gc` token (after any log prefix). */
  column: number;
  /** Last input line of the cycle (differs from `line` when a broken line was rejoined). */
  endLine: number;
  gc: number;
  era: EraId;
  atSeconds: number | null;
  cpuPercent: number | null;
  leakCheck: boolean;
  /** Clock phases in printed order, in ms (µs eras converted). */
  clockMs: number[];
  cpuMs: CpuPhase[] | null;
  /** `[start, end, live]` (Go 1.5+) or the two numbers of Go 1.4 and older, MB as printed. */
  heapMB: number[];
  goalMB: number | null;
  /** True for the "no goal" values printed under GOGC=off. */
  goalUnbounded: boolean;
  stacksMB: number | null;
  globalsMB: number | null;
  procs: number | null;
  forced: boolean;
  /** The line ended (or broke) before all fields were read. */
  truncated: boolean;
  rejoined: boolean;
  /** Index into `ParsedTrace.runs`. */
  run: number;
  legacy: LegacyFields | null;
}

export type DiagnosticKind =
  | 'malformed-gc-line'
  | 'truncated'
  | 'rejoined'
  | 'trailing-text'
  | 'unknown-runtime-line'
  | 'malformed-runtime-line'
  | 'numbering-gap'
  | 'new-run'
  | 'suspicious-value'
  | 'normalised-character'
  | 'look-alike-character'
  | 'unusual-field-count'
  | 'internal-error';

export type Severity = 'error' | 'warning' | 'info';

/** A problem or remark about the input, positioned in the original text. */
export interface Diagnostic {
  line: number;
  column: number;
  length: number;
  kind: DiagnosticKind;
  severity: Severity;
  message: string;
}

/** What an input line turned out to be. */
export type LineKind = 'cycle' | 'companion' | 'output' | 'blank' | 'markup' | 'diagnostic';

export type CompanionKind =
  | 'gc-forced'
  | 'scvg-released'
  | 'scvg-inuse'
  | 'scav'
  | 'pacer-assist'
  | 'pacer-end-old'
  | 'pacer-end'
  | 'pacer-sweep-done'
  | 'scan-total'
  | 'scan-class'
  | 'sched'
  | 'sched-detail'
  | 'init'
  | 'checkfinalizers'
  | 'mstats-skew'
  | 'alloc-trace';

export type CompanionValue = number | string | boolean | null;

/** A runtime line that is not a gc line (scavenger, pacer, GC forced, …). */
export interface CompanionLine {
  kind: CompanionKind;
  line: number;
  column: number;
  /** Named values; integers beyond 2^53 are approximate here, exact in `fields[].text`. */
  values: Record<string, CompanionValue>;
  fields: FieldSpan[];
}

/** A sequence of cycles from one process. */
export interface Run {
  index: number;
  firstLine: number;
  lastLine: number;
  /** Indices into `ParsedTrace.cycles`; runs can interleave (`go test` resumes its own numbering between tool runs). */
  cycleIndices: number[];
  /** Index of the first and one past the last cycle of the run in `ParsedTrace.cycles` (other runs' cycles may lie between when runs interleave). */
  cycleStart: number;
  cycleEnd: number;
  era: EraId;
  /** Why a new run started here (null for the first). */
  startReason: string | null;
}

export type LineKindCounts = Record<LineKind, number>;

/** Result of `parseTrace`. */
export interface ParsedTrace {
  /** The input, kept so spans and explanations can be recomputed on demand. */
  text: string;
  lineCount: number;
  cycles: GcCycle[];
  companions: CompanionLine[];
  diagnostics: Diagnostic[];
  runs: Run[];
  lineKinds: LineKindCounts;
  /** One LineKind code per line (index = line − 1); see `lineKindAt`. */
  lineKindCodes: Uint8Array;
  /** Broken gc lines that were joined with a later line. */
  rejoins: Rejoin[];
}

/** A gc line broken by other output and joined with its continuation. */
export interface Rejoin {
  line: number;
  /** Column on `line` where the other output began. */
  breakColumn: number;
  continuationLine: number;
  continuationColumn: number;
}

/** What is known about a trace beyond its text, for explanations. */
export interface ExplainOptions {
  /** The Go release that printed the trace ("1.21", "go1.21.13"), when known. */
  goRelease?: string | null;
}
