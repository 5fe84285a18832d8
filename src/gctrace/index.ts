/** Public API of the gctrace engine: parse, explain, analyse and format GODEBUG=gctrace output. */
export type * from './types.ts';
export { parseTrace, lineKindNames } from './parse.ts';
export { eras, isLegacyEra, clockLayout, eraOfGoMinor, phaseTimes } from './eras.ts';
export type { ClockLayout, Era, ExplanationTableKey } from './eras.ts';
export { formatCycle, fmtNSAsMS, formatMs, formatSeconds, itoaDiv } from './format.ts';
export { lineFields, lineKindAt, lineStarts, lineText } from './fields.ts';
export {
  editorLineCount,
  lineCount,
  lineOfOffset,
  looksBinary,
  offsetOfLine,
  offsetOfLineFromEnd,
  splitLines,
  withoutFinalLineBreak,
} from './lines.ts';
export { explainAt } from './explain/explain-at.ts';
export { fieldExplanations } from './explain/tables.ts';
export { companionFieldExplanations } from './companions.ts';
export type { Explanation } from './explain/explain-at.ts';
export type { FieldExplanation } from './explain/field-explanation.ts';
export { analyseRun, analyseTrace, pauseSummary, runTiming } from './analyse.ts';
export type {
  CpuWindow,
  PauseSummary,
  RunAnalysis,
  RunIdentity,
  TimedSpan,
  TraceAnalysis,
} from './analyse.ts';
export { measureCycle, measureCycles } from './measures.ts';
export type { CycleMeasures } from './measures.ts';
export { cycleGoalSetters } from './gogc.ts';
export type { GogcEstimate } from './gogc.ts';
export { unknownGoalSetter } from './memory-limit.ts';
export type { CycleGoalSetter, GoalSetter, MemoryLimitRegime } from './memory-limit.ts';
export { inconclusiveLeakVerdict } from './leak.ts';
export type { LeakEvidence, LeakVerdict, Verdict } from './leak.ts';
export { cycleView, traceView } from './serialise.ts';
export {
  eraLabel,
  evidenceDiscountNote,
  evidenceLiveHeap,
  gcRateText,
  goalSetterTitles,
  statusLine,
  verdictSentence,
  verdictTitles,
} from './wording.ts';
export { maxOf, minOf } from './stats.ts';
export { mainRun, RunSplitter, sameFormatFamily, splitRuns } from './runs.ts';
export { readCanonicalStretch } from './canonical-stretch.ts';
export type { CanonicalStretch } from './canonical-stretch.ts';
export {
  fixedUnit,
  formatIn,
  formatNumber,
  formatSignificant,
  formatSize,
  formatTimeSpan,
  inUnit,
  plural,
  rateUnit,
  sizeUnit,
  timeUnit,
} from './units.ts';
export type { DisplayUnit } from './units.ts';
export type { SplitRun } from './runs.ts';
