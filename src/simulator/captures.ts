/**
 * The real runs the simulator can be compared with: captures of content/programs/gogc-demo, whose
 * settings are read from their provenance (content/traces/**.json). gogc-demo keeps `-live` MB in
 * 1 KiB blocks and allocates `-rate` MB/s of garbage for `-d`, calling runtime.GC() every
 * `-gc-every`: exactly what the simulator's sliders describe, with no leak.
 */
import { versionLabel } from './releases.ts';
import { normaliseSettings, type SimSettings } from './settings.ts';

/** The program whose runs the simulator can stand in for. */
export const comparableProgram = 'content/programs/gogc-demo/main.go';

/** What the simulator reads from a capture's provenance. */
export interface CaptureProvenance {
  goVersion: string;
  gomaxprocs: number | null;
  gogc: string | null;
  gomemlimit: string | null;
  godebug: string | null;
  program: string | null;
  command: string | null;
}

/** A real run the simulator can be set to. */
export interface KnownCapture {
  /** Its id among the samples (`go1.24/gogc-50`, `gogc-100`) or `simulator/<name>`. */
  id: string;
  /** The Go release that printed it, as `go version` says it (`go1.24.4`). */
  goVersion: string;
  settings: SimSettings;
  /** The command it was run with, from its provenance. */
  command: string;
  /**
   * Captured on a machine kept busy by other work (the go1.NN/ folders: load average 20 to 37 on
   * 2 CPUs, content/traces/RELEASES.md), which stretches pauses and marking and makes the program
   * fall behind and catch up in bursts.
   */
  busyMachine: boolean;
}

/** Seconds in a Go duration such as `10s`, `1.5s` or `500ms`; null if it is not one. */
export function goDurationSeconds(text: string): number | null {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6 };
  let total = 0;
  let rest = text;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(h|ms|us|µs|m|s)/.exec(rest);
    if (m === null) return null;
    total += Number(m[1]) * units[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return text === '' ? null : total;
}

/** MiB in a GOMEMLIMIT value (`60MiB`, `1GiB`, `67108864`); null if it is not one. */
export function memoryLimitMiB(text: string): number | null {
  const m = /^(\d+)(B|KiB|MiB|GiB|TiB)?$/.exec(text.trim());
  if (m === null) return null;
  const shift = { B: -20, KiB: -10, MiB: 0, GiB: 10, TiB: 20 }[m[2] ?? 'B']!;
  return Number(m[1]) * 2 ** shift;
}

/** The flags after `./gogc-demo` in a capture's command, as name → value (`-q` → `true`). */
function programFlags(command: string): Map<string, string> | null {
  const words = command.split(/\s+/);
  const at = words.findIndex((w) => /(^|\/)gogc-demo$/.test(w));
  if (at < 0) return null;
  const flags = new Map<string, string>();
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i]!;
    if (/^\d*[<>]/.test(word)) break; // the redirection of standard error ends the arguments
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(word);
    if (m === null) return null;
    if (m[2] !== undefined) flags.set(m[1]!, m[2]);
    else if (m[1] === 'q') flags.set('q', 'true');
    else flags.set(m[1]!, words[++i] ?? '');
  }
  return flags;
}

/** The Go 1.x minor release of `go1.24.4`; null for anything else. */
export function goMinorOf(goVersion: string): number | null {
  const m = /^go1\.(\d+)(?:\.\d+)?/.exec(goVersion);
  return m === null ? null : Number(m[1]);
}

/**
 * The simulator settings of a gogc-demo capture, or null when it is another program, prints more
 * than the gc lines (`gcpacertrace`, `gctrace=2`) or was run with settings the sliders cannot take.
 */
export function captureSettings(p: CaptureProvenance): SimSettings | null {
  if (p.program !== comparableProgram || p.godebug !== 'gctrace=1' || p.command === null) {
    return null;
  }
  const flags = programFlags(p.command);
  const goMinor = goMinorOf(p.goVersion);
  if (flags === null || goMinor === null || p.gomaxprocs === null) return null;
  const number = (name: string, fallback: number) =>
    flags.has(name) ? Number(flags.get(name)) : fallback;
  const seconds = (name: string, fallback: number) =>
    flags.has(name) ? goDurationSeconds(flags.get(name)!) : fallback;
  const gogcText = (p.gogc ?? '100').trim().toLowerCase();
  const settings: SimSettings = {
    allocMBps: number('rate', 256),
    liveMB: number('live', 32),
    leakMBps: 0,
    gogc: gogcText === 'off' || Number(gogcText) < 0 ? null : Number(gogcText),
    limitMB: p.gomemlimit === null ? null : memoryLimitMiB(p.gomemlimit),
    procs: p.gomaxprocs,
    durationS: seconds('d', 10) ?? NaN,
    gcEveryS: seconds('gc-every', 0) ?? NaN,
    goMinor,
  };
  // Only runs the sliders can be set to exactly: normalising must change nothing.
  const normal = normaliseSettings(settings);
  return sameSettings(normal, settings) ? normal : null;
}

/** True when `a` and `b` describe the same run. */
export function sameSettings(a: SimSettings, b: SimSettings): boolean {
  return (Object.keys(a) as (keyof SimSettings)[]).every((key) => a[key] === b[key]);
}

/** The captures with exactly `settings`, quiet runs first. */
export function capturesFor(settings: SimSettings, known: readonly KnownCapture[]): KnownCapture[] {
  return known
    .filter((c) => sameSettings(c.settings, settings))
    .sort((a, b) => Number(a.busyMachine) - Number(b.busyMachine) || a.id.localeCompare(b.id));
}

/** Builds the list of comparable captures from `[id, provenance]` pairs, in id order. */
export function knownCaptures(
  entries: readonly (readonly [string, CaptureProvenance])[],
): KnownCapture[] {
  const known: KnownCapture[] = [];
  for (const [id, provenance] of entries) {
    const settings = captureSettings(provenance);
    if (settings === null) continue;
    known.push({
      id,
      goVersion: provenance.goVersion,
      settings,
      command: provenance.command ?? '',
      busyMachine: /^go1\.\d+\//.test(id),
    });
  }
  return known.sort((a, b) => a.id.localeCompare(b.id));
}

/** The settings a capture was run with, in words ("GOGC=50", "GOMEMLIMIT=64MiB, GOGC=off"). */
export function settingsWords(settings: SimSettings): string {
  const words: string[] = [];
  if (settings.limitMB !== null) words.push(`GOMEMLIMIT=${settings.limitMB}MiB`);
  words.push(`GOGC=${settings.gogc ?? 'off'}`);
  if (settings.gcEveryS > 0) words.push(`runtime.GC() every ${settings.gcEveryS} s`);
  return words.join(', ');
}

/** "the real Go 1.24 run of gogc-demo under GOGC=50" */
export function captureTitle(capture: KnownCapture): string {
  return `The real Go ${versionLabel(capture.settings.goMinor)} run of gogc-demo under ${settingsWords(capture.settings)}`;
}

/** The option a capture is offered as: "go1.24.4, content/traces/go1.24/gogc-50 (busy machine)". */
export function captureLabel(capture: KnownCapture): string {
  return `${capture.goVersion}, content/traces/${capture.id}${capture.busyMachine ? ' (busy machine)' : ''}`;
}

/** The captures to point to when none has the chosen settings: the release's own, or else one per release. */
export function capturesToSuggest(goMinor: number, known: readonly KnownCapture[]): KnownCapture[] {
  const own = known.filter((c) => c.settings.goMinor === goMinor && c.busyMachine);
  if (own.length > 0) return own;
  const byRelease = new Map<number, KnownCapture>();
  for (const c of known) {
    if (
      c.settings.gogc === 100 &&
      c.settings.limitMB === null &&
      !byRelease.has(c.settings.goMinor)
    )
      byRelease.set(c.settings.goMinor, c);
  }
  return [...byRelease.values()].sort((a, b) => b.settings.goMinor - a.settings.goMinor);
}
