/**
 * The workbench's worker: reads traces of any size (pasted text or files up to a gigabyte) in
 * windows, keeps them as columns, and answers the page's questions (chart views, findings for a
 * range, pages of text, exports), so the page itself never does heavy work.
 */
import { looksBinary, mainRun } from '../gctrace/index.ts';
import { TraceDataset, contextLines, type RunState } from './dataset.ts';
import { cyclesCsv, cyclesJson } from './export.ts';
import type { Domain, FromWorker, RunInfo, ToWorker, TraceState } from './protocol.ts';
import { analyseCycles, combine, rangeStats, sampleInRange, type RangeSummary } from './summary.ts';
import { chartRange } from './chart-range.ts';
import { LiveText, utf8Length } from './live-text.ts';

/**
 * Bytes parsed per window: big enough to keep the per-window overhead small, small enough that a
 * cancel, taken between windows, stops the read at once (a window is tens of milliseconds).
 */
const windowBytes = 256 << 10;
/** Reading progress goes to the page after each this many bytes. */
const progressEveryBytes = 1 << 20;
/** Partial results go to the page at most this often while a trace loads. */
const previewEveryMs = 4000;

interface Source {
  id: string;
  name: string;
  /** The trace read, or for a live trace the text appended so far (see `blobOf`). */
  blob: Blob;
  live: LiveText | null;
  dataset: TraceDataset;
  cancelled: boolean;
  /** The first bytes read do not look like text. */
  binary: boolean;
  started: number;
  /** Bumped by each summary request, so a slower older one gives up. */
  summaryGeneration: number;
}

const sources = new Map<string, Source>();
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const post = (message: FromWorker) => scope.postMessage(message);

function runInfo(run: RunState): RunInfo {
  const c = run.columns;
  return {
    index: run.index,
    firstLine: run.firstLine,
    lastLine: run.lastCycle.endLine,
    era: run.era,
    cycles: c.length,
    startReason: run.startReason,
    firstGc: c.length > 0 ? c.numbers.gc[0] : 0,
    lastGc: c.length > 0 ? c.numbers.gc[c.length - 1] : 0,
  };
}

/** The source's text as a Blob: a live trace's grows with every append. */
const blobOf = (source: Source): Blob => source.live?.blob ?? source.blob;

function mainRunOf(dataset: TraceDataset): number {
  return mainRun(dataset.runs.map((run) => run.columns.length));
}

function state(source: Source, final: boolean): TraceState {
  const d = source.dataset;
  return {
    final,
    name: source.name,
    bytes: source.live?.size ?? source.blob.size,
    lineCount: d.lineCount,
    cycleCount: d.cycleCount,
    runs: d.runs.map(runInfo),
    mainRun: mainRunOf(d),
    problems: d.problems,
    problemCount: d.problemCount,
    diagnosticCounts: { ...d.diagnosticCounts },
    lineKinds: { ...d.lineKinds },
    binary: source.binary,
    heldBytes: d.bytes,
    elapsedMs: Math.round(performance.now() - source.started),
  };
}

/** Index of the last line terminator that surely ends a line (a final \r may be half of \r\n). */
function lastLineEnd(bytes: Uint8Array, final: boolean): number {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    if (b === 10) return i;
    if (b === 13 && (i < bytes.length - 1 || final)) return i;
  }
  return -1;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Lets the worker take its next message (a cancel) before going on. A file's chunks often arrive
 * as promise callbacks, which run before any message: without this a read ran to its end before
 * a cancel was seen. A MessageChannel, not setTimeout: nested timeouts wait 4 ms each.
 */
const yieldChannel = new MessageChannel();
const yieldQueue: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yieldQueue.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    yieldQueue.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}

/** Streams `blob` through `dataset` window by window; `onWindow` runs after each. */
async function stream(
  blob: Blob,
  dataset: TraceDataset,
  stop: () => boolean,
  onWindow: (bytesRead: number) => void,
  onFirstBytes: (bytes: Uint8Array) => void = () => undefined,
): Promise<boolean> {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder();
  let parts: Uint8Array[] = [];
  let size = 0;
  let bytesRead = 0;
  const flush = (final: boolean) => {
    const bytes = concat(parts, size);
    // A line longer than 16 MB is cut rather than held forever.
    let end = lastLineEnd(bytes, final);
    if (end < 0 && !final && size < 16 << 20) return;
    end = end < 0 ? bytes.length - 1 : end;
    const complete = final ? bytes : bytes.subarray(0, end + 1);
    const rest = final ? new Uint8Array(0) : bytes.slice(end + 1);
    dataset.push(decoder.decode(complete, { stream: !final }), complete.length);
    parts = rest.length > 0 ? [rest] : [];
    size = rest.length;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (stop()) {
      await reader.cancel();
      return false;
    }
    if (done) break;
    if (bytesRead === 0) onFirstBytes(value);
    // A file's chunks can be megabytes: each is parsed a window at a time.
    for (let at = 0; at < value.length; at += windowBytes) {
      const piece = value.subarray(at, at + windowBytes);
      parts.push(piece);
      size += piece.length;
      bytesRead += piece.length;
      if (size < windowBytes) continue;
      flush(false);
      onWindow(bytesRead);
      await nextTask();
      if (stop()) {
        await reader.cancel();
        return false;
      }
    }
  }
  if (size > 0) flush(true);
  dataset.finish();
  onWindow(bytesRead);
  return true;
}

async function load(id: string, blob: Blob, name: string): Promise<void> {
  const previous = sources.get(id);
  if (previous) previous.cancelled = true;
  const source: Source = {
    id,
    name,
    blob,
    live: null,
    dataset: new TraceDataset(1, blob.size),
    cancelled: false,
    binary: false,
    started: performance.now(),
    summaryGeneration: 0,
  };
  sources.set(id, source);
  let lastPreview = -Infinity;
  let previews = 0;
  let progressBytes = 0;
  try {
    const finished = await stream(
      blob,
      source.dataset,
      () => source.cancelled,
      (bytes) => {
        const d = source.dataset;
        // Progress every megabyte: windows are smaller, and each message is work for the page.
        if (!d.finished && bytes - progressBytes < progressEveryBytes) return;
        progressBytes = bytes;
        post({
          type: 'progress',
          id,
          bytes,
          total: blob.size,
          lines: d.lineCount,
          cycles: d.cycleCount,
        });
        const now = performance.now();
        if (!d.finished && now - lastPreview >= previewEveryMs && d.cycleCount > 0) {
          lastPreview = now;
          previews++;
          const run = d.runs[mainRunOf(d)];
          post({
            type: 'state',
            id,
            state: state(source, false),
            preview: chartRange(run?.columns ?? null, null),
          });
        }
      },
      (bytes) => {
        source.binary = looksBinary(bytes);
      },
    );
    if (!finished) {
      if (sources.get(id) === source) sources.delete(id);
      post({ type: 'cancelled', id });
      return;
    }
    void previews;
    post({ type: 'state', id, state: state(source, true), preview: null });
  } catch (error) {
    if (sources.get(id) === source) sources.delete(id);
    post({
      type: 'error',
      id,
      request: null,
      message: `The trace could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Re-reads the lines of a range and takes the run's cycles there as an evenly spaced sample. */
async function rereadSample(
  source: Source,
  run: RunState,
  domain: Domain,
  generation: number,
): Promise<RangeSummary['analysis'] | null | 'stale'> {
  const columns = run.columns;
  const [start, end] = columns.indexRange(domain);
  if (start >= end) return null;
  const firstLine = columns.line[start];
  const lastLine = columns.line[end - 1];
  const points = source.dataset.checkpoints;
  let from = points[0];
  for (const p of points) if (p.line <= firstLine - contextLines) from = p;
  const blob = blobOf(source);
  let to: number = blob.size;
  for (const p of points)
    if (p.line > lastLine + contextLines) {
      to = p.byte;
      break;
    }
  const partial = new TraceDataset(from.line);
  const finished = await stream(
    blob.slice(from.byte, to),
    partial,
    () => source.summaryGeneration !== generation,
    () => undefined,
  );
  if (!finished) return 'stale';
  // The partial read may split runs differently at its start; take the run that holds most of ours.
  const ours = new Set<number>();
  for (let i = start; i < end; i++) ours.add(columns.line[i]);
  let best: RunState | null = null;
  let bestCount = 0;
  for (const candidate of partial.runs) {
    let count = 0;
    for (const c of candidate.sample.cycles) if (ours.has(c.line)) count++;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  if (best === null) return null;
  const cycles = sampleInRange(best.sample, domain).filter((c) => ours.has(c.line));
  return analyseCycles(cycles, run.index);
}

async function summary(
  source: Source,
  request: number,
  runIndex: number,
  domain: Domain | null,
): Promise<void> {
  const generation = ++source.summaryGeneration;
  const run = source.dataset.runs[runIndex];
  if (!run) {
    post({ type: 'error', id: source.id, request, message: `There is no run ${runIndex + 1}.` });
    return;
  }
  const stats = rangeStats(run.columns, domain);
  let analysis: RangeSummary['analysis'] | null;
  let used: number;
  if (run.sample.complete || domain === null) {
    const cycles = sampleInRange(run.sample, domain);
    analysis = analyseCycles(cycles, runIndex);
    used = cycles.length;
  } else {
    const result = await rereadSample(source, run, domain, generation);
    if (result === 'stale') {
      post({ type: 'error', id: source.id, request, message: 'superseded by a newer range' });
      return;
    }
    analysis = result;
    used = result === null ? 0 : Math.min(stats.cycles, result.cycles);
  }
  if (source.summaryGeneration !== generation) {
    post({ type: 'error', id: source.id, request, message: 'superseded by a newer range' });
    return;
  }
  post({
    type: 'summary',
    id: source.id,
    request,
    run: runIndex,
    summary: combine(stats, analysis, runIndex, run.era, used, domain),
  });
}

/** Lines `firstLine … firstLine + count − 1` of the source, read from the nearest checkpoint. */
async function page(source: Source, firstLine: number, count: number): Promise<string[]> {
  const points = source.dataset.checkpoints;
  let from = points[0];
  for (const p of points) if (p.line <= firstLine) from = p;
  const lines: string[] = [];
  let line = from.line;
  let carry = '';
  const reader = blobOf(source).slice(from.byte).stream().getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = carry + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      // The text ended with a line break: there is no empty line after it.
      if (done && text === '') return lines;
      const pieces = text.split(/\r\n|\r|\n/);
      // A trailing \r may be the first half of \r\n: keep it with the unfinished last piece.
      carry = done ? '' : (pieces.pop() ?? '');
      if (!done && text.endsWith('\r')) carry = pieces.pop()! + '\r';
      if (done && pieces.length > 0 && pieces[pieces.length - 1] === '' && text.length > 0)
        pieces.pop();
      for (const piece of pieces) {
        if (line >= firstLine) lines.push(piece);
        line++;
        if (lines.length >= count) return lines;
      }
      if (done) return lines;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** Adds whole lines to a live trace, starting it on the first append, and says what it holds. */
function append(id: string, request: number, name: string, text: string, end: boolean): void {
  let source = sources.get(id);
  if (source === undefined || source.live === null) {
    source = {
      id,
      name,
      blob: new Blob([]),
      live: new LiveText(),
      dataset: new TraceDataset(),
      cancelled: false,
      binary: false,
      started: performance.now(),
      summaryGeneration: 0,
    };
    sources.set(id, source);
  }
  source.name = name;
  const d = source.dataset;
  if (text !== '' && !d.finished) {
    const bytes = utf8Length(text);
    source.live!.append(text, bytes);
    d.append(text, bytes);
  }
  if (end && !d.finished) d.finish();
  post({ type: 'appended', id, request, state: state(source, d.finished) });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'load') {
    void load(message.id, message.source, message.name);
    return;
  }
  if (message.type === 'append') {
    try {
      append(message.id, message.request, message.name, message.text, message.end);
    } catch (error) {
      post({
        type: 'error',
        id: message.id,
        request: message.request,
        message: `The live trace could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return;
  }
  const source = sources.get(message.id);
  if (message.type === 'cancel' || message.type === 'drop') {
    if (source) source.cancelled = true;
    if (message.type === 'drop') sources.delete(message.id);
    return;
  }
  if (!source) {
    post({
      type: 'error',
      id: message.id,
      request: message.request,
      message: 'This trace is no longer loaded.',
    });
    return;
  }
  const fail = (error: unknown) =>
    post({
      type: 'error',
      id: message.id,
      request: message.request,
      message: error instanceof Error ? error.message : String(error),
    });
  try {
    if (message.type === 'view') {
      const run = source.dataset.runs[message.run];
      post({
        type: 'view',
        id: source.id,
        request: message.request,
        run: message.run,
        view: chartRange(run?.columns ?? null, message.domain),
      });
    } else if (message.type === 'summary') {
      summary(source, message.request, message.run, message.domain).catch(fail);
    } else if (message.type === 'page') {
      page(source, message.firstLine, message.count)
        .then((lines) =>
          post({
            type: 'page',
            id: source.id,
            request: message.request,
            firstLine: message.firstLine,
            lines,
          }),
        )
        .catch(fail);
    } else if (message.type === 'export') {
      const run = source.dataset.runs[message.run];
      if (!run) throw new Error(`There is no run ${message.run + 1}.`);
      const parts =
        message.format === 'csv'
          ? cyclesCsv(run.columns, message.domain)
          : cyclesJson(run.columns, message.domain, { source: source.name, run: message.run + 1 });
      const type = message.format === 'csv' ? 'text/csv' : 'application/json';
      post({
        type: 'export',
        id: source.id,
        request: message.request,
        blob: new Blob(parts, { type }),
      });
    }
  } catch (error) {
    fail(error);
  }
};
