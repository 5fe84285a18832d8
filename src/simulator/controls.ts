/**
 * How the settings appear as form controls: one slider per number (GOGC's last position is
 * "off", GOMEMLIMIT's first is "not set", runtime.GC()'s first is "never") and a release select.
 * Shared by the page, which renders the controls, and the client script, which reads them.
 */
import { eras, type EraId } from '../gctrace/index.ts';
import { eraForMinor, versionLabel } from './releases.ts';
import { ranges, type SimSettings, type SliderRange } from './settings.ts';

/** Settings shown as sliders. */
export type SliderKey = Exclude<keyof SimSettings, 'goMinor'>;

/** A slider's label, unit and one-line help. */
export interface SliderField {
  key: SliderKey;
  label: string;
  unit: string;
  hint: string;
}

/** The sliders, in page order. */
export const sliderFields: readonly SliderField[] = [
  {
    key: 'allocMBps',
    label: 'Allocation rate',
    unit: 'MB/s',
    hint: 'Short-lived garbage the program allocates every second.',
  },
  {
    key: 'liveMB',
    label: 'Live heap',
    unit: 'MB',
    hint: 'Data the program builds at start and keeps using.',
  },
  {
    key: 'leakMBps',
    label: 'Leak rate',
    unit: 'MB/s',
    hint: 'Memory added every second that stays reachable for ever: the leak.',
  },
  {
    key: 'gogc',
    label: 'GOGC',
    unit: '%',
    hint: 'How far the heap may grow past the live heap before the next cycle. The last position is off.',
  },
  {
    key: 'limitMB',
    label: 'GOMEMLIMIT',
    unit: 'MB',
    hint: 'Soft memory limit, Go 1.19 and later. The first position is not set.',
  },
  {
    key: 'procs',
    label: 'GOMAXPROCS',
    unit: 'P',
    hint: 'Processors that run Go code; the collector takes a quarter of them while marking.',
  },
  {
    key: 'durationS',
    label: 'Run time',
    unit: 's',
    hint: 'How long the program runs after building its live heap.',
  },
  {
    key: 'gcEveryS',
    label: 'runtime.GC() every',
    unit: 's',
    hint: 'The program calls runtime.GC() this often; each call runs a cycle printed with (forced). The first position is never.',
  },
];

/** The slider's own range: GOGC gets one extra step past its maximum, which means off. */
export function sliderRange(key: SliderKey): SliderRange {
  const r = ranges[key];
  return key === 'gogc' ? { ...r, max: r.max + r.step } : r;
}

/** Slider position for a setting. */
export function sliderValue(key: SliderKey, settings: SimSettings): number {
  if (key === 'gogc') return settings.gogc ?? sliderRange('gogc').max;
  if (key === 'limitMB') return settings.limitMB ?? ranges.limitMB.min;
  return settings[key];
}

/** The setting a slider position stands for. */
export function settingFromSlider(key: SliderKey, value: number): number | null {
  if (key === 'gogc') return value >= sliderRange('gogc').max ? null : value;
  if (key === 'limitMB') return value <= ranges.limitMB.min ? null : value;
  return value;
}

/** What the slider's output shows ("off", "not set", or the number). */
export function displayValue(key: SliderKey, settings: SimSettings): string {
  if (key === 'gogc') return settings.gogc === null ? 'off' : String(settings.gogc);
  if (key === 'limitMB') return settings.limitMB === null ? 'not set' : String(settings.limitMB);
  if (key === 'gcEveryS') return settings.gcEveryS === 0 ? 'never' : String(settings.gcEveryS);
  return String(settings[key]);
}

/** What a screen reader announces for the slider ("256 MB/s", "GOGC off"). */
export function valueText(field: SliderField, settings: SimSettings): string {
  const shown = displayValue(field.key, settings);
  if (shown === 'off' || shown === 'not set' || shown === 'never') return shown;
  return `${shown} ${field.unit}`;
}

/** A group of releases in the release select: those that print one gc line format. */
export interface VersionGroup {
  label: string;
  minors: readonly number[];
}

/** What sets each era's gc line apart, for the group labels. */
const formatLabels: Readonly<Partial<Record<EraId, string>>> = {
  'go1.5': 'five clock phases',
  'go1.6-1.17': 'three clock phases',
  'go1.18+': 'stacks and globals',
  'go1.26+': 'stacks, globals, and the goroutine leak check',
};

/** Release choices, newest first, grouped by the gc line format they print (src/gctrace/eras.ts). */
export const versionGroups: readonly VersionGroup[] = (() => {
  const groups: { era: EraId; minors: number[] }[] = [];
  for (let minor = ranges.goMinor.max; minor >= ranges.goMinor.min; minor--) {
    const era = eraForMinor(minor);
    if (groups.at(-1)?.era !== era) groups.push({ era, minors: [] });
    groups.at(-1)!.minors.push(minor);
  }
  return groups.map(({ era, minors }) => {
    const newest = minors[0]!;
    const oldest = minors[minors.length - 1]!;
    const range =
      newest === oldest
        ? `Go ${versionLabel(oldest)}`
        : `Go ${versionLabel(oldest)} to ${versionLabel(newest)}`;
    return { label: `${range}: ${formatLabels[era] ?? eras[era].label}`, minors };
  });
})();
