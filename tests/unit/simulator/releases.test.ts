// Each Go release the simulator offers, held against that release's runtime source (the rules
// table) and its real captures in content/traces/go1.NN/ (the line, the goals cycle by cycle, and
// whole runs of gogc-demo).
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/gctrace/index.ts';
import { loadCaptureText } from '../../../src/client/capture-texts.ts';
import { comparableProgram } from '../../../src/simulator/captures.ts';
import { compareWithCapture, failedChecks, figureChecks } from '../../../src/simulator/compare.ts';
import {
  defaultSettings,
  eraForMinor,
  firstMinor,
  lastMinor,
  ranges,
  releaseRules,
  rulesFor,
  rulesSentence,
  simulate,
  versionGroups,
  type ReleaseRules,
} from '../../../src/simulator/index.ts';
import { checkGoalRules, shareWithin, worstError } from '../../../src/simulator/rule-check.ts';
import { captureText, knownOnDisk, releaseCaptures } from './on-disk.ts';

/** The releases whose source was read and whose captures are in content/traces/go1.NN/. */
const checkedReleases = [19, 21, 22, 23, 24, 25, 26, 27];
/** The settings every release was captured with (scripts/capture-traces.sh). */
const capturedSettings = [
  'gogc-50',
  'gogc-100',
  'gogc-200',
  'gogc-off',
  'gomemlimit-60mib-gogc100',
  'gomemlimit-64mib-gogcoff',
];

/** A gc line with every number replaced by #: what is left is the line's format. */
const shape = (line: string) => line.replace(/\d+(\.\d+)?/g, '#');

describe('the rules table', () => {
  it('covers every release from Go 1.5 to 1.27 once, in order', () => {
    expect(firstMinor).toBe(5);
    expect(lastMinor).toBe(27);
    for (let minor = firstMinor; minor <= lastMinor; minor++) {
      expect(releaseRules.filter((r) => minor >= r.minors[0] && minor <= r.minors[1])).toHaveLength(
        1,
      );
    }
    expect(ranges.goMinor).toMatchObject({ min: firstMinor, max: lastMinor });
  });

  it('says which rows were read in the source and checked against runs', () => {
    for (const minor of checkedReleases) expect(rulesFor(minor).provenance).toBe('source-and-runs');
    expect(rulesFor(20).provenance).toBe('neighbour');
    // 1.20 is simulated with 1.19's rules, apart from where they come from.
    const rules = Object.keys(rulesFor(19)) as (keyof ReleaseRules)[];
    for (const key of rules.filter((k) => !['provenance', 'minors'].includes(k))) {
      expect(rulesFor(20)[key]).toEqual(rulesFor(19)[key]);
    }
    for (const minor of [5, 12, 18]) expect(rulesFor(minor).provenance).toBe('format-guide');
    expect(rulesSentence(24)).toBe(
      'Go 1.24: rules read in Go 1.24’s runtime source and checked against real runs of gogc-demo captured with it.',
    );
    expect(rulesSentence(20)).toMatch(/^Go 1\.20: not read here .* Go 1\.19’s rules/);
    expect(rulesSentence(12)).toMatch(
      /^Go 1\.12: rules from the gctrace format guide, not checked/,
    );
  });

  it('offers every release in the picker, newest first, grouped by the line they print', () => {
    const offered = versionGroups.flatMap((g) => g.minors);
    expect(offered).toEqual(
      Array.from({ length: lastMinor - firstMinor + 1 }, (_, i) => lastMinor - i),
    );
    for (const group of versionGroups) {
      expect(new Set(group.minors.map(eraForMinor)).size).toBe(1);
    }
    expect(versionGroups[0]!.label).toBe(
      'Go 1.26 to 1.27: stacks, globals, and the goroutine leak check',
    );
  });

  it('has the non-heap memory each row was fitted to: the GOGC=off captures, by least squares', () => {
    const mib = 1n << 20n;
    const maxInt64 = (1n << 63n) - 1n;
    // memoryLimitHeapGoal with a limit of maxInt64, in the release's source, for `nonHeap` bytes.
    const printed = (threePercent: boolean, nonHeap: bigint) => {
      let goal = maxInt64 - nonHeap;
      let headroom = threePercent ? (goal / 100n) * 3n : mib;
      if (headroom < mib) headroom = mib;
      goal -= headroom;
      return goal >> 20n;
    };
    for (const row of releaseRules.filter((r) => r.provenance === 'source-and-runs')) {
      const threePercent = row.memoryLimit!.headroom === 'three-percent';
      const points: [number, number][] = [];
      for (const minor of checkedReleases.filter((m) => m >= row.minors[0] && m <= row.minors[1])) {
        let peak = 0;
        for (const c of parseTrace(captureText(`go1.${minor}/gogc-off`)).cycles) {
          peak = Math.max(peak, c.heapMB[0]!, c.heapMB[1]!);
          // The non-heap memory the printed goal stands for, to 1/64 MiB: the middle of its range.
          const fits: number[] = [];
          for (let k = 0; k < 200 * 64; k++) {
            if (printed(threePercent, (BigInt(k) * mib) / 64n) === BigInt(c.goalMB!))
              fits.push(k / 64);
          }
          expect(fits.length).toBeGreaterThan(0);
          points.push([peak, (fits[0]! + fits[fits.length - 1]!) / 2]);
        }
      }
      const n = points.length;
      const sx = points.reduce((a, [x]) => a + x, 0);
      const sy = points.reduce((a, [, y]) => a + y, 0);
      const sxx = points.reduce((a, [x]) => a + x * x, 0);
      const sxy = points.reduce((a, [x, y]) => a + x * y, 0);
      const share = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      const base = (sy - share * sx) / n;
      // The table keeps the fit rounded to 0.1 MB and to a tenth of a percent (or finer).
      expect(row.memoryLimit!.nonHeap.baseMB).toBeCloseTo(base, 0);
      expect(Math.abs(row.memoryLimit!.nonHeap.baseMB - base)).toBeLessThan(0.2);
      expect(Math.abs(row.memoryLimit!.nonHeap.perPeakHeap - share)).toBeLessThan(0.0006);
    }
  });
});

describe.each(checkedReleases)('Go 1.%i', (minor) => {
  const captures = releaseCaptures(minor);
  const known = knownOnDisk().filter((c) => c.settings.goMinor === minor);

  it('has a real run of gogc-demo for each captured setting', () => {
    for (const name of capturedSettings) {
      expect(known.map((c) => c.id)).toContain(`go1.${minor}/${name}`);
    }
  });

  it("prints the release's gc line, as its real runs do, (forced) included", () => {
    const realShapes = new Set(
      captures.flatMap((c) =>
        captureText(c.id)
          .split('\n')
          .filter((line) => line.startsWith('gc '))
          .map(shape),
      ),
    );
    const model = simulate({ ...defaultSettings, goMinor: minor, gcEveryS: 2 });
    expect(model.era).toBe(minor >= 26 ? 'go1.26+' : 'go1.18+');
    const lines = model.text.split('\n');
    expect(lines.some((line) => line.endsWith(' 2 P (forced)'))).toBe(true);
    for (const line of lines) expect(realShapes).toContain(shape(line));
  });

  it('sets every GOGC goal of every real run by the release’s rule, to the MB', () => {
    let checked = 0;
    for (const c of captures) {
      const checks = checkGoalRules(c.cycles, {
        goMinor: minor,
        gogc: c.gogc,
        limitMB: c.limitMB,
        checkLimit: c.program === comparableProgram,
      });
      for (const check of checks.filter((k) => k.rule === 'gogc' || k.rule === 'minimum')) {
        checked += check.cycles;
        expect(worstError(check), `${c.id}: ${check.rule}`).toBe(0);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('works out the "no goal" figure of GOGC=off to within 3 MB in every cycle, 1 MB in the first', () => {
    const off = captures.find((c) => c.id === `go1.${minor}/gogc-off`)!;
    const [check] = checkGoalRules(off.cycles, {
      goMinor: minor,
      gogc: null,
      limitMB: null,
      checkLimit: true,
    });
    expect(check!.rule).toBe('no-goal');
    expect(Math.abs(check!.errors[0]!)).toBeLessThanOrEqual(1);
    expect(Math.abs(worstError(check!))).toBeLessThanOrEqual(3);
  });

  it('works out the memory-limit goal of gogc-demo: 90 % of cycles within 3 MB, none more than 6 MB off', () => {
    for (const name of ['gomemlimit-60mib-gogc100', 'gomemlimit-64mib-gogcoff']) {
      const c = captures.find((k) => k.id === `go1.${minor}/${name}`)!;
      const check = checkGoalRules(c.cycles, {
        goMinor: minor,
        gogc: c.gogc,
        limitMB: c.limitMB,
        checkLimit: true,
      }).find((k) => k.rule === 'limit')!;
      expect(check.cycles).toBeGreaterThan(50);
      // 3 MB: the non-heap memory is a line fitted through the GOGC=off runs, up to 2.7 MB off them.
      expect(shareWithin(check, 3)).toBeGreaterThanOrEqual(0.9);
      expect(Math.abs(worstError(check))).toBeLessThanOrEqual(6);
    }
  });

  it('comes as close to each real run of gogc-demo as the machine it ran on allows', async () => {
    for (const capture of known) {
      const text = await loadCaptureText(capture.id);
      expect(text).toBe(captureText(capture.id).replace(/\n$/, ''));
      // Several seeds: the bands must hold for the model, not for one lucky jitter.
      for (const seed of [1, 2, 3]) {
        const comparison = compareWithCapture(capture.settings, text, seed);
        const failed = failedChecks(
          figureChecks(capture.busyMachine, capture.settings),
          comparison,
        );
        expect(
          failed.map((f) => `${capture.id} seed ${seed}: ${f.key} ${comparison.error[f.key]}`),
        ).toEqual([]);
      }
    }
  });
});
