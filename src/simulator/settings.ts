/**
 * The simulator's settings, their ranges, and their encoding in the page URL
 * (`?alloc=256&live=32&leak=0&gogc=100&limit=&procs=2&duration=10&gcevery=0&go=1.19`).
 */
import { firstMinor, lastMinor } from './releases.ts';

/** Everything the learner can set; `null` means "off" (GOGC) or "not set" (GOMEMLIMIT). */
export interface SimSettings {
  /** Garbage allocation rate, MB/s. */
  allocMBps: number;
  /** Live heap the program builds at start and keeps, MB. */
  liveMB: number;
  /** Memory that stays reachable forever, added every second, MB/s. */
  leakMBps: number;
  /** GOGC in percent, or null for GOGC=off. */
  gogc: number | null;
  /** GOMEMLIMIT in MB, or null when not set. */
  limitMB: number | null;
  /** GOMAXPROCS. */
  procs: number;
  /** How long the program runs after building its live heap, s. */
  durationS: number;
  /** The program calls runtime.GC() this often, s; 0 for never. */
  gcEveryS: number;
  /** Go release as its minor number: 19 means Go 1.19. */
  goMinor: number;
}

/** Range of a numeric setting as shown by its slider. */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** Slider ranges. GOGC's slider has one position past `max` that means off; GOMEMLIMIT's `min` means not set. */
export const ranges = {
  allocMBps: { min: 0, max: 2048, step: 8 },
  liveMB: { min: 0, max: 1024, step: 1 },
  leakMBps: { min: 0, max: 16, step: 0.25 },
  gogc: { min: 10, max: 500, step: 10 },
  limitMB: { min: 0, max: 4096, step: 4 },
  procs: { min: 1, max: 64, step: 1 },
  durationS: { min: 1, max: 60, step: 1 },
  gcEveryS: { min: 0, max: 10, step: 0.5 },
  goMinor: { min: firstMinor, max: lastMinor, step: 1 },
} as const satisfies Record<keyof SimSettings, SliderRange>;

/** The settings of the captured runs of content/programs/gogc-demo (live 32 MB, 256 MB/s, GOGC=100). */
export const defaultSettings: Readonly<SimSettings> = Object.freeze({
  allocMBps: 256,
  liveMB: 32,
  leakMBps: 0,
  gogc: 100,
  limitMB: null,
  procs: 2,
  durationS: 10,
  gcEveryS: 0,
  goMinor: 19,
});

/** URL query keys, in the order they are written. */
export const queryKeys = {
  allocMBps: 'alloc',
  liveMB: 'live',
  leakMBps: 'leak',
  gogc: 'gogc',
  limitMB: 'limit',
  procs: 'procs',
  durationS: 'duration',
  gcEveryS: 'gcevery',
  goMinor: 'go',
} as const satisfies Record<keyof SimSettings, string>;

/** Clamps `value` into `range` and snaps it to the slider's step, so the URL and the slider always agree. */
export function snap(value: number, range: SliderRange): number {
  const clamped = Math.min(range.max, Math.max(range.min, value));
  const steps = Math.round((clamped - range.min) / range.step);
  // Rounding to 1e-9 keeps 0.1-style steps free of binary noise (0.30000000000000004).
  return Math.min(range.max, Math.round((range.min + steps * range.step) * 1e9) / 1e9);
}

/** Returns valid settings: every number clamped and snapped, GOGC null or in range, limit null or in range. */
export function normaliseSettings(settings: Partial<SimSettings>): SimSettings {
  const pick = (key: Exclude<keyof SimSettings, 'gogc' | 'limitMB'>): number => {
    const v = settings[key];
    return snap(
      typeof v === 'number' && Number.isFinite(v) ? v : defaultSettings[key],
      ranges[key],
    );
  };
  const gogcIn = settings.gogc === undefined ? defaultSettings.gogc : settings.gogc;
  const gogc =
    gogcIn === null || !Number.isFinite(gogcIn) || gogcIn < 0 ? null : snap(gogcIn, ranges.gogc);
  const limitIn = settings.limitMB === undefined ? defaultSettings.limitMB : settings.limitMB;
  const limitMB =
    limitIn === null || !Number.isFinite(limitIn) || limitIn <= 0
      ? null
      : Math.max(ranges.limitMB.step, snap(limitIn, ranges.limitMB));
  return {
    allocMBps: pick('allocMBps'),
    liveMB: pick('liveMB'),
    leakMBps: pick('leakMBps'),
    gogc,
    limitMB,
    procs: pick('procs'),
    durationS: pick('durationS'),
    gcEveryS: pick('gcEveryS'),
    goMinor: pick('goMinor'),
  };
}

function readNumber(text: string | null): number | undefined {
  if (text === null) return undefined;
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/**
 * Reads settings from a URL query (`location.search`, with or without `?`). Missing or unreadable
 * values fall back to the defaults; out-of-range ones are clamped. `gogc=off` (or any negative
 * value, as the runtime reads GOGC) is off; an empty or zero `limit` means no limit.
 */
export function decodeSettings(query: string | URLSearchParams): SimSettings {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const gogcText = params.get(queryKeys.gogc)?.trim().toLowerCase() ?? null;
  const gogcNumber = readNumber(gogcText);
  const limitText = params.get(queryKeys.limitMB);
  const limitNumber = readNumber(limitText);
  const goText = params.get(queryKeys.goMinor)?.trim() ?? null;
  const goMatch = goText === null ? null : /^(?:go)?1\.(\d{1,2})(?:\.\d+)?$/i.exec(goText);
  return normaliseSettings({
    allocMBps: readNumber(params.get(queryKeys.allocMBps)),
    liveMB: readNumber(params.get(queryKeys.liveMB)),
    leakMBps: readNumber(params.get(queryKeys.leakMBps)),
    gogc:
      gogcText === 'off' || (gogcNumber !== undefined && gogcNumber < 0)
        ? null
        : (gogcNumber ?? undefined),
    limitMB: limitText !== null && limitText.trim() === '' ? null : limitNumber,
    procs: readNumber(params.get(queryKeys.procs)),
    durationS: readNumber(params.get(queryKeys.durationS)),
    gcEveryS: readNumber(params.get(queryKeys.gcEveryS)),
    goMinor: goMatch ? Number(goMatch[1]) : undefined,
  });
}

/** Writes settings as a URL query without the leading `?`; decoding the result gives the same settings. */
export function encodeSettings(settings: SimSettings): string {
  const s = normaliseSettings(settings);
  const params = new URLSearchParams();
  params.set(queryKeys.allocMBps, String(s.allocMBps));
  params.set(queryKeys.liveMB, String(s.liveMB));
  params.set(queryKeys.leakMBps, String(s.leakMBps));
  params.set(queryKeys.gogc, s.gogc === null ? 'off' : String(s.gogc));
  params.set(queryKeys.limitMB, s.limitMB === null ? '' : String(s.limitMB));
  params.set(queryKeys.procs, String(s.procs));
  params.set(queryKeys.durationS, String(s.durationS));
  params.set(queryKeys.gcEveryS, String(s.gcEveryS));
  params.set(queryKeys.goMinor, `1.${s.goMinor}`);
  return params.toString();
}
