/**
 * A goroutine profile read as groups: goroutines with the same stack, counted, largest group
 * first, as `/debug/pprof/goroutine?debug=1` prints them. A group that keeps growing from one
 * profile to the next is the signature of goroutines that never finish.
 */
import type { Frame, Profile } from './types.ts';

export interface GoroutineGroup {
  /** Goroutines with this stack. */
  count: number;
  /** The stack, leaf first, every frame (protobuf profiles keep the runtime's own). */
  frames: Frame[];
  /** The first frame of the program itself (not runtime or internal): where it waits. */
  where: Frame;
  /** What the runtime frames say the goroutines are doing, or '' when the stack does not say. */
  waiting: string;
  /** Identifies the stack across profiles, whatever their form. */
  key: string;
}

/** A group in two profiles: how many goroutines it had then and has now. */
export interface GoroutineGrowth extends GoroutineGroup {
  before: number;
  change: number;
}

/** The runtime's frames, hidden from the program's own code in debug=1 text. */
export function isRuntimeFrame(frame: Frame): boolean {
  return /^(runtime|internal\/[\w/]+|runtime\/internal\/\w+)\./.test(frame.name);
}

/** What a goroutine blocked in these runtime functions waits for (runtime/chan.go, select.go…). */
const waits: [RegExp, string][] = [
  [/^runtime\.chanrecv\d?$/, 'waiting to receive from a channel'],
  [/^runtime\.chansend\d?$/, 'waiting to send on a channel'],
  [/^runtime\.selectgo$/, 'waiting in a select'],
  [/^runtime\.block$/, 'blocked forever (an empty select)'],
  [/^sync\.runtime_SemacquireMutex$|^sync\.\(\*Mutex\)\.Lock$/, 'waiting for a mutex'],
  [/^sync\.\(\*RWMutex\)\.R?Lock$/, 'waiting for a read-write mutex'],
  [/^sync\.\(\*WaitGroup\)\.Wait$|^sync\.runtime_SemacquireWaitGroup$/, 'waiting on a WaitGroup'],
  [/^sync\.\(\*Cond\)\.Wait$/, 'waiting on a sync.Cond'],
  [/^time\.Sleep$/, 'sleeping in time.Sleep'],
  [/^internal\/poll\.runtime_pollWait$/, 'waiting for network or file I/O'],
];

function waitingOf(frames: readonly Frame[]): string {
  for (const frame of frames) {
    for (const [pattern, words] of waits) if (pattern.test(frame.name)) return words;
  }
  return '';
}

/** The goroutines of a goroutine profile grouped by stack, largest group first. */
export function goroutineGroups(profile: Profile): { total: number; groups: GoroutineGroup[] } {
  const byKey = new Map<string, GoroutineGroup>();
  let total = 0;
  for (const sample of profile.samples) {
    const count = sample.values[0] ?? 0;
    total += count;
    const frames = sample.locations.flatMap((l) => l.frames);
    const own = frames.filter((f) => !isRuntimeFrame(f));
    const keyFrames = own.length > 0 ? own : frames;
    const key = keyFrames.map((f) => `${f.name} ${f.file}:${f.line}`).join('\n');
    const group = byKey.get(key);
    if (group) {
      group.count += count;
      continue;
    }
    byKey.set(key, {
      count,
      frames,
      where: keyFrames[0] ?? { name: '(no stack)', file: '', line: 0 },
      waiting: waitingOf(frames),
      key,
    });
  }
  const groups = [...byKey.values()].sort(
    (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return { total, groups };
}

/** The groups of `later` with their counts in `base`; the one that grew most first. */
export function goroutineGrowth(base: Profile, later: Profile): GoroutineGrowth[] {
  const before = new Map(goroutineGroups(base).groups.map((g) => [g.key, g]));
  const rows: GoroutineGrowth[] = goroutineGroups(later).groups.map((g) => {
    const was = before.get(g.key)?.count ?? 0;
    before.delete(g.key);
    return { ...g, before: was, change: g.count - was };
  });
  // Stacks that were there and are gone.
  for (const g of before.values()) rows.push({ ...g, before: g.count, count: 0, change: -g.count });
  return rows.sort((a, b) => b.change - a.change || b.count - a.count);
}
