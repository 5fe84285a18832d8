/** Public API of the gctrace engine: parse, explain, analyse and format GODEBUG=gctrace output. */
export type * from './types.ts';
export { parseTrace, lineKindNames, isLegacyEra } from './parse.ts';
export { unboundedGoalsMB } from './scanGcLine.ts';
export { formatCycle, fmtNSAsMS, formatMs, formatSeconds, itoaDiv } from './format.ts';
export { lineFields, lineKindAt, lineStarts, lineText } from './fields.ts';
export {
  editorLineCount,
  lineCount,
  lineOfOffset,
  offsetOfLine,
  splitLines,
  withoutFinalLineBreak,
} from './lines.ts';
export { explainAt } from './explain/explain-at.ts';
export { fieldExplanations } from './explain/tables.ts';
export { companionFieldExplanations } from './companions.ts';
export type { Explanation } from './explain/explain-at.ts';
export type { FieldExplanation } from './explain/field-explanation.ts';
export { analyseTrace, inconclusiveLeakVerdict, measureCycles } from './analyse.ts';
export type {
  CpuWindow,
  CycleMeasures,
  GogcEstimate,
  LeakVerdict,
  MemoryLimitRegime,
  PauseSummary,
  RunAnalysis,
  TraceAnalysis,
  Verdict,
} from './analyse.ts';
export { cycleView, traceView } from './serialise.ts';
