/**
 * Go profiles: read heap and goroutine profiles (protobuf or text), their top table as
 * `go tool pprof -top` computes it, a comparison like `-diff_base`, goroutines grouped by stack,
 * and the stacks as a tree for a flame graph. Pure: no DOM; runs in the page, a worker or Node.
 */
export { diffProblem, diffProfiles } from './diff.ts';
export { goFixed, outputUnit, percentage, scale, scaledLabel } from './format.ts';
export { goroutineGroups, goroutineGrowth, isRuntimeFrame } from './goroutines.ts';
export type { GoroutineGroup, GoroutineGrowth } from './goroutines.ts';
export { stackTree } from './hierarchy.ts';
export type { StackNode, TreeOptions } from './hierarchy.ts';
export { kindOf } from './kind.ts';
export { readProfile } from './read.ts';
export { readTextProfile } from './text.ts';
export { formatValue, profileTotal, sampleTypeIndex, topTable, topText } from './top.ts';
export type { Granularity, TopOptions, TopRow, TopTable } from './top.ts';
export type * from './types.ts';
