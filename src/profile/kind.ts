import type { ProfileKind, SampleType } from './types.ts';

/** The kind a profile's sample types make it (runtime/pprof's names). */
export function kindOf(sampleTypes: readonly SampleType[]): ProfileKind {
  const types = sampleTypes.map((t) => t.type);
  if (types.includes('inuse_space') || types.includes('alloc_space')) return 'heap';
  if (types.length === 1 && /^goroutine(leak)?$/.test(types[0]!)) return 'goroutine';
  if (
    types.includes('cpu') ||
    (types.includes('samples') && sampleTypes.some((t) => t.unit === 'nanoseconds'))
  )
    return 'cpu';
  return 'other';
}
