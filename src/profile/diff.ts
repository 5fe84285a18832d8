/**
 * Two profiles compared the way `go tool pprof -diff_base BASE LATER` compares them: one profile
 * holding the later profile's samples as they are and the base's with every value negated, so
 * that each row's flat and cum are what grew (or, negative, shrank) between the two.
 */
import type { Profile } from './types.ts';

/** Why two profiles cannot be compared, or null when they can. */
export function diffProblem(base: Profile, later: Profile): string | null {
  if (base.kind !== later.kind)
    return `The base is a ${base.kind} profile and the later one a ${later.kind} profile: compare two profiles of the same kind.`;
  const types = (p: Profile) => p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ');
  if (types(base) !== types(later))
    return `The two profiles measure different things (${types(base)} against ${types(later)}).`;
  return null;
}

/** `later` minus `base`, sample by sample; `diffProblem` says whether they fit. */
export function diffProfiles(base: Profile, later: Profile): Profile {
  // Location ids are only unique within one file: the base's get ids of their own.
  // A loop, not Math.max(...ids): a large profile has more ids than a call takes arguments.
  let offset = 1;
  for (const s of later.samples) for (const l of s.locations) if (l.id >= offset) offset = l.id + 1;
  const moved = new Map<
    number,
    { id: number; frames: (typeof base.samples)[number]['locations'][number]['frames'] }
  >();
  const baseSamples = base.samples.map((s) => ({
    locations: s.locations.map((l) => {
      let copy = moved.get(l.id);
      if (!copy) {
        copy = { id: l.id + offset, frames: l.frames };
        moved.set(l.id, copy);
      }
      return copy;
    }),
    values: s.values.map((v) => -v),
    fromBase: true,
  }));
  return { ...later, samples: [...later.samples, ...baseSamples] };
}
