/**
 * Reads a Go profile from the bytes of a file: gzipped or plain protobuf (profile.proto, as
 * runtime/pprof, `go test -memprofile` and /debug/pprof/… write it, decoded by pprof-format), or
 * the text of a goroutine profile (`?debug=1`). Never throws: a file that is not the profile
 * expected comes back as a problem that says what was expected and what was found.
 */
import { Profile as ProtoProfile } from 'pprof-format';
import { gunzip, isGzip } from './gunzip.ts';
import { kindOf } from './kind.ts';
import { readTextProfile, textProfileHeader } from './text.ts';
import type {
  ExpectedKind,
  Profile,
  ProfileKind,
  ProfileLocation,
  ProfileProblem,
  ProfileResult,
  SampleType,
} from './types.ts';

/** What each expectation is, in words. */
const expectedWords: Record<ExpectedKind, string> = {
  heap: 'a heap profile (inuse_space, inuse_objects, alloc_space, alloc_objects), as written by pprof.WriteHeapProfile, go test -memprofile or /debug/pprof/heap',
  goroutine:
    'a goroutine profile, as written by /debug/pprof/goroutine (protobuf, or text with ?debug=1)',
  'heap or goroutine':
    'a Go heap profile (pprof.WriteHeapProfile, go test -memprofile, /debug/pprof/heap) or goroutine profile (/debug/pprof/goroutine, protobuf or ?debug=1 text)',
};

/** Reads `bytes` as a profile of the kind expected. */
export async function readProfile(
  bytes: Uint8Array,
  expect: ExpectedKind = 'heap or goroutine',
): Promise<ProfileResult> {
  const wanted = expectedWords[expect];
  if (bytes.length === 0) return fail('empty', `The file is empty. Expected ${wanted}.`);
  let data = bytes;
  let gzipped = false;
  if (isGzip(bytes)) {
    const result = await gunzip(bytes);
    if (!result.ok) {
      return result.truncated
        ? fail(
            'truncated-gzip',
            `The gzip data stops early: ${bytes.length} bytes were read and they end before the gzip trailer (${result.produced} bytes unpacked so far). The file was probably cut off while downloading or copying; take it again. Expected ${wanted}.`,
          )
        : fail(
            'bad-gzip',
            `The file starts like gzip but cannot be unpacked (${result.reason}). Expected ${wanted}.`,
          );
    }
    data = result.bytes;
    gzipped = true;
    if (data.length === 0)
      return fail('empty', `The gzip data unpacks to nothing. Expected ${wanted}.`);
  }

  const text = textProfileHeader(data);
  if (text) return checked(readTextProfile(decodeUtf8(data)), expect);
  const decoded = decodeProto(data, gzipped);
  if (!decoded) {
    const found = notAProfile(data, gzipped);
    return fail(found.kind, `${found.message} Expected ${wanted}.`);
  }
  return checked({ ok: true, profile: decoded }, expect);
}

function fail(kind: ProfileProblem['kind'], message: string): ProfileResult {
  return { ok: false, problem: { kind, message } };
}

const kindWords: Record<ProfileKind, string> = {
  heap: 'a heap profile',
  goroutine: 'a goroutine profile',
  cpu: 'a CPU profile',
  other: 'a profile of another kind',
};

function checked(result: ProfileResult, expect: ExpectedKind): ProfileResult {
  if (!result.ok) return result;
  const profile = result.profile;
  const accepted = expect === 'heap or goroutine' ? ['heap', 'goroutine'] : [expect];
  if (!accepted.includes(profile.kind)) {
    const types = profile.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ');
    return fail(
      'wrong-kind',
      `This is ${kindWords[profile.kind]} (sample types: ${types || 'none'}). Expected ${expectedWords[expect]}.`,
    );
  }
  if (profile.samples.length === 0) {
    return fail(
      'no-samples',
      `This ${kindWords[profile.kind].replace(/^a /, '')} has no samples, so there is nothing to show: no stack was recorded. A heap profile taken right at the start of a program, or with runtime.MemProfileRate = 0, is empty. Expected ${expectedWords[expect]} with at least one sample.`,
    );
  }
  return result;
}

const num = (v: number | bigint): number => Number(v);

/** Decodes profile.proto; null when the bytes are not one. */
function decodeProto(data: Uint8Array, gzipped: boolean): Profile | null {
  let proto: ProtoProfile;
  try {
    proto = ProtoProfile.decode(data);
  } catch {
    return null;
  }
  const strings = proto.stringTable?.strings ?? [];
  // profile.proto: "string_table[0] must always be """; a random buffer rarely gets this far.
  if (strings.length === 0 || strings[0] !== '') return null;
  const str = (i: number | bigint): string | undefined => strings[num(i)];
  const sampleTypes: SampleType[] = [];
  for (const t of proto.sampleType) {
    const type = str(t.type);
    const unit = str(t.unit);
    if (type === undefined || unit === undefined) return null;
    sampleTypes.push({ type, unit });
  }
  if (sampleTypes.length === 0) return null;

  const functions = new Map<number, { name: string; file: string }>();
  for (const f of proto.function) {
    functions.set(num(f.id), { name: str(f.name) ?? '', file: str(f.filename) ?? '' });
  }
  const locations = new Map<number, ProfileLocation>();
  for (const l of proto.location) {
    const id = num(l.id);
    const frames = l.line.map((line) => {
      const fn = functions.get(num(line.functionId));
      return { name: fn?.name ?? '', file: fn?.file ?? '', line: num(line.line) };
    });
    // A location with no symbol information still stands for one frame (its address).
    if (frames.length === 0)
      frames.push({ name: `0x${BigInt(l.address).toString(16)}`, file: '', line: 0 });
    locations.set(id, { id, frames });
  }
  const samples = [];
  for (const s of proto.sample) {
    if (s.value.length !== sampleTypes.length) return null;
    const stack: ProfileLocation[] = [];
    for (const id of s.locationId) {
      const location = locations.get(num(id));
      if (!location) return null;
      stack.push(location);
    }
    samples.push({ locations: stack, values: s.value.map(num) });
  }
  const defaultIndex = num(proto.defaultSampleType);
  const defaultType = defaultIndex ? str(defaultIndex) : undefined;
  const timeNanos = num(proto.timeNanos);
  return {
    kind: kindOf(sampleTypes),
    format: gzipped ? 'gzipped protobuf' : 'protobuf',
    sampleTypes,
    defaultSampleType:
      defaultType && sampleTypes.some((t) => t.type === defaultType)
        ? defaultType
        : sampleTypes[sampleTypes.length - 1]!.type,
    samples,
    timeNanos: timeNanos > 0 ? timeNanos : null,
    period: num(proto.period),
  };
}

function decodeUtf8(data: Uint8Array): string {
  return new TextDecoder('utf-8').decode(data);
}

/** What bytes that are not a profile look like, in a sentence. */
function notAProfile(
  data: Uint8Array,
  gzipped: boolean,
): { kind: 'not-a-profile' | 'looks-like-trace'; message: string } {
  const head = data.subarray(0, 4096);
  let printable = 0;
  for (const b of head)
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc0) printable++;
  const inside = gzipped ? 'The gzip data unpacks to' : 'The file holds';
  if (printable / head.length > 0.95) {
    const text = decodeUtf8(head);
    if (/^gc \d+ @[\d.]+s /m.test(text))
      return {
        kind: 'looks-like-trace',
        message: `${inside} a GODEBUG=gctrace=1 trace, not a profile: open it as a trace instead.`,
      };
    const first = text.split(/\r?\n/, 1)[0]!.trim();
    if (/^heap profile: \d+: \d+ \[/.test(first))
      return {
        kind: 'not-a-profile',
        message: `${inside} a heap profile in its text form (?debug=1), which has no inlining or sample types to read: take it again without debug=1 (the gzipped protobuf).`,
      };
    const shown = first.length > 60 ? `${first.slice(0, 60)}…` : first;
    return {
      kind: 'not-a-profile',
      message: `${inside} text that is not a profile: line 1, column 1 starts "${shown}".`,
    };
  }
  const hex = Array.from(data.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return {
    kind: 'not-a-profile',
    message: `${inside} ${data.length} bytes that are not a protobuf profile (they start ${hex}).`,
  };
}
