/** Plain JSON views of a parse, for the command line and the golden-file tests. */
import type { CompanionLine, GcCycle, ParsedTrace } from './types.ts';

/** A cycle's key fields, in a stable order. */
export function cycleView(c: GcCycle): Record<string, unknown> {
  const view: Record<string, unknown> = {
    line: c.line,
    gc: c.gc,
    era: c.era,
    atSeconds: c.atSeconds,
    cpuPercent: c.cpuPercent,
    clockMs: c.clockMs,
    cpuMs: c.cpuMs,
    heapMB: c.heapMB,
    goalMB: c.goalMB,
    stacksMB: c.stacksMB,
    globalsMB: c.globalsMB,
    procs: c.procs,
    forced: c.forced,
    run: c.run,
  };
  if (c.column !== 1) view.column = c.column;
  if (c.endLine !== c.line) view.endLine = c.endLine;
  if (c.goalUnbounded) view.goalUnbounded = true;
  if (c.leakCheck) view.leakCheck = true;
  if (c.truncated) view.truncated = true;
  if (c.rejoined) view.rejoined = true;
  if (c.legacy !== null) view.legacy = c.legacy;
  return view;
}

function companionView(c: CompanionLine): Record<string, unknown> {
  return { line: c.line, kind: c.kind, values: c.values };
}

/** The whole parse as plain JSON (cycles, diagnostics, runs, companions, line-kind counts). */
export function traceView(parsed: ParsedTrace): Record<string, unknown> {
  return {
    lineCount: parsed.lineCount,
    lineKinds: parsed.lineKinds,
    cycles: parsed.cycles.map(cycleView),
    diagnostics: parsed.diagnostics,
    runs: parsed.runs.map((r) => ({
      index: r.index,
      firstLine: r.firstLine,
      lastLine: r.lastLine,
      era: r.era,
      cycles: r.cycleIndices.length,
      startReason: r.startReason,
    })),
    companions: parsed.companions.map(companionView),
  };
}
