/** A Go profile as the rest of the site sees it: plain data, read from protobuf or text. */

/** One function call in a stack: what pprof shows as "main.remember sessions.go:23". */
export interface Frame {
  /** The function's full name, as Go prints it: "main.remember", "runtime.gopark". */
  name: string;
  /** Its file as recorded in the binary ("gctracelab/heap-profiles/sessions.go"), or ''. */
  file: string;
  /** The line in that file, 0 when unknown. */
  line: number;
}

/**
 * A place in the program: one address, which may stand for several frames when calls were
 * inlined. `frames[0]` is the innermost (the inlined callee), the last one the function the
 * code really sits in, as in profile.proto's Location.line.
 */
export interface ProfileLocation {
  id: number;
  frames: Frame[];
}

/** One stack and its values, one per sample type. */
export interface ProfileSample {
  /** Leaf first, as in profile.proto. */
  locations: ProfileLocation[];
  values: number[];
  /** True for a sample that came from the base profile of a comparison (values negated). */
  fromBase?: boolean;
}

/** What a sample's values measure: "inuse_space" in "bytes", "goroutine" in "count". */
export interface SampleType {
  type: string;
  unit: string;
}

/** What kind of profile a file holds, from its sample types. */
export type ProfileKind = 'heap' | 'goroutine' | 'cpu' | 'other';

/** How the file was written. */
export type ProfileFormat = 'gzipped protobuf' | 'protobuf' | 'text (debug=1)';

export interface Profile {
  kind: ProfileKind;
  format: ProfileFormat;
  sampleTypes: SampleType[];
  /** The sample type pprof shows first: the profile's default, else the last one. */
  defaultSampleType: string;
  samples: ProfileSample[];
  /** When it was written (Unix nanoseconds), or null when the file does not say. */
  timeNanos: number | null;
  /** MemProfileRate for a heap profile, the sampling period of others; 0 when not given. */
  period: number;
  /** The name of the profile in a text goroutine profile ("goroutine", "goroutineleak"). */
  textName?: string;
  /** The total a text goroutine profile states on its first line. */
  textTotal?: number;
}

/** Why a file could not be read as the profile expected. */
export type ProfileProblemKind =
  | 'empty'
  | 'truncated-gzip'
  | 'bad-gzip'
  | 'not-a-profile'
  | 'looks-like-trace'
  | 'wrong-kind'
  | 'no-samples'
  | 'bad-text';

export interface ProfileProblem {
  kind: ProfileProblemKind;
  /** A plain sentence naming what was expected and what was found. */
  message: string;
  /** 1-based line and column in a text profile, when the problem has a place there. */
  line?: number;
  column?: number;
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; problem: ProfileProblem };

/** What the reader should accept: one kind, or either kind a leak hunt uses. */
export type ExpectedKind = 'heap' | 'goroutine' | 'heap or goroutine';
