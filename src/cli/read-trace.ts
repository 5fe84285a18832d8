/**
 * Reads a trace from a stream without holding the whole file in one string (a string cannot
 * exceed about 512 MB), parsing it in chunks of whole lines.
 *
 * An input that fits in one chunk is parsed whole, exactly as `parseTrace` reads it. A longer one
 * is parsed chunk by chunk and the results are joined: each chunk is parsed after the last gc line
 * of every run so far, so the engine itself decides whether the chunk's first cycles continue a
 * run, start a new one or pick up an interleaved one. Limitations, at chunk boundaries only: a gc
 * line broken by other output is not rejoined with a continuation in the next chunk, a run's era
 * is the era of the largest of its pieces, and a diagnostic message that names another run or line
 * ("continues run 2 (gc 7 on line 40)") counts within its chunk. The cycles, runs and analysis are
 * otherwise those of a whole parse (tests/unit/cli/read-trace.test.ts compares them on every
 * captured trace).
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import {
  lineKindNames,
  lineStarts,
  parseTrace,
  type EraId,
  type GcCycle,
  type LineKindCounts,
  type ParsedTrace,
  type Run,
} from '../gctrace/index.ts';

/** Characters per chunk: far below the longest string, large enough that boundaries are rare. */
export const defaultChunkChars = 32 * 1024 * 1024;

/** A parse read from a stream; `text` is empty when the input was read in several chunks. */
export type StreamedTrace = ParsedTrace & { chunks: number };

/** Reads `input` to its end and parses it, in chunks of about `chunkChars` characters of whole lines. */
export async function readTrace(
  input: Readable,
  chunkChars = defaultChunkChars,
): Promise<StreamedTrace> {
  const decoder = new StringDecoder('utf8');
  const joiner = new ChunkJoiner();
  let pending = '';
  for await (const data of input) {
    pending += typeof data === 'string' ? data : decoder.write(data);
    while (pending.length >= chunkChars) {
      // Cut after the last line feed of the chunk (a CRLF stays whole); a chunk with none grows.
      const cut = pending.lastIndexOf('\n', chunkChars - 1);
      if (cut < 0) break;
      joiner.add(pending.slice(0, cut + 1));
      pending = pending.slice(cut + 1);
    }
  }
  pending += decoder.end();
  if (joiner.chunks === 0) return { ...parseTrace(pending), chunks: 1 };
  if (pending !== '') joiner.add(pending);
  return joiner.result();
}

/** A run of the joined trace while chunks are still being added. */
interface RunSoFar {
  run: Run;
  /** The text of the run's last gc line (with its continuation lines when it was rejoined). */
  lastCycleText: string;
  lastCycleLine: number;
  /** Cycles per era, counted by chunk piece. */
  eraPieces: Map<EraId, number>;
}

/** Joins the parses of consecutive chunks into one parse of the whole input. */
class ChunkJoiner {
  chunks = 0;
  private lineCount = 0;
  private readonly cycles: GcCycle[] = [];
  private readonly companions: ParsedTrace['companions'] = [];
  private readonly diagnostics: ParsedTrace['diagnostics'] = [];
  private readonly rejoins: ParsedTrace['rejoins'] = [];
  private readonly codes: Uint8Array[] = [];
  private readonly runs: RunSoFar[] = [];

  add(chunk: string): void {
    this.chunks++;
    // The last gc line of every run, oldest first, so the engine sees the runs in the same order.
    const context = [...this.runs].sort((a, b) => a.lastCycleLine - b.lastCycleLine);
    const prefix = context.map((r) => r.lastCycleText + '\n').join('');
    const parsed = parseTrace(prefix + chunk);
    // Lines of the prefix: every context text ends with one line break we added.
    const contextLines = context.reduce((n, r) => n + lineCount(r.lastCycleText), 0);
    const shift = this.lineCount - contextLines;
    const contextCycles = parsed.cycles.filter((c) => c.line <= contextLines).length;

    // Which run of the whole trace each of the chunk's runs is.
    const target = parsed.runs.map((chunkRun) => {
      let last = -1;
      for (const i of chunkRun.cycleIndices) if (i < contextCycles) last = i;
      // The prefix's cycles are in context order, one per run.
      return last >= 0 ? context[last]!.run.index : -1;
    });
    const starts = lineStarts(parsed);
    parsed.runs.forEach((chunkRun, r) => {
      const own = chunkRun.cycleIndices.filter((i) => i >= contextCycles);
      if (own.length === 0) return;
      if (target[r] < 0) {
        target[r] = this.runs.length;
        const first = parsed.cycles[own[0]!]!;
        this.runs.push({
          run: {
            index: target[r],
            firstLine: first.line + shift,
            lastLine: first.endLine + shift,
            cycleIndices: [],
            cycleStart: 0,
            cycleEnd: 0,
            era: chunkRun.era,
            startReason: chunkRun.startReason,
          },
          lastCycleText: '',
          lastCycleLine: 0,
          eraPieces: new Map(),
        });
      }
      const soFar = this.runs[target[r]]!;
      const last = parsed.cycles[own[own.length - 1]!]!;
      soFar.lastCycleText = parsed.text
        .slice(starts[last.line - 1], starts[last.endLine] ?? parsed.text.length)
        .replace(/\r?\n$|\r$/, '');
      soFar.lastCycleLine = last.line + shift;
      soFar.eraPieces.set(chunkRun.era, (soFar.eraPieces.get(chunkRun.era) ?? 0) + own.length);
    });

    for (const c of parsed.cycles.slice(contextCycles))
      this.cycles.push({
        ...c,
        line: c.line + shift,
        endLine: c.endLine + shift,
        run: target[c.run]!,
      });
    for (const c of parsed.companions)
      if (c.line > contextLines)
        this.companions.push({
          ...c,
          line: c.line + shift,
          fields: c.fields.map((f) => ({ ...f, line: f.line + shift })),
        });
    for (const d of parsed.diagnostics)
      if (d.line > contextLines) this.diagnostics.push({ ...d, line: d.line + shift });
    for (const j of parsed.rejoins)
      if (j.line > contextLines)
        this.rejoins.push({
          ...j,
          line: j.line + shift,
          continuationLine: j.continuationLine + shift,
        });
    this.codes.push(parsed.lineKindCodes.slice(contextLines));
    this.lineCount += parsed.lineCount - contextLines;
  }

  result(): StreamedTrace {
    const runs = this.runs.map(({ run, eraPieces }) => {
      let era = run.era;
      let most = -1;
      for (const [e, n] of eraPieces)
        if (n > most) {
          era = e;
          most = n;
        }
      return { ...run, era, cycleIndices: [] as number[], cycleStart: -1, cycleEnd: -1 };
    });
    this.cycles.forEach((c, i) => {
      const run = runs[c.run]!;
      run.cycleIndices.push(i);
      if (run.cycleStart < 0) run.cycleStart = i;
      run.cycleEnd = i + 1;
      run.lastLine = c.endLine;
    });
    const lineKindCodes = new Uint8Array(this.lineCount);
    let at = 0;
    for (const codes of this.codes) {
      lineKindCodes.set(codes, at);
      at += codes.length;
    }
    const lineKinds = Object.fromEntries(lineKindNames.map((name) => [name, 0])) as LineKindCounts;
    for (const code of lineKindCodes) lineKinds[lineKindNames[code]!]++;
    return {
      text: '',
      lineCount: this.lineCount,
      cycles: this.cycles,
      companions: this.companions,
      diagnostics: this.diagnostics,
      runs,
      lineKinds,
      lineKindCodes,
      rejoins: this.rejoins,
      chunks: this.chunks,
    };
  }
}

/** Lines in a text that has no final line break. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
