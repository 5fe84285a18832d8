import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildCellModel,
  buildCellModelOrReason,
  runFindings,
  type CellModel,
} from '../../../src/cell/model.ts';
import { packChartCycles, unpackCycles } from '../../../src/charts/packed-cycles.ts';

// A real capture: content/programs/leaking-map, Go 1.19.8 (tests/fixtures/README.md).
const trace = readFileSync('tests/fixtures/go1.19-leaking-map-clean.txt', 'utf8');

describe('buildCellModel()', () => {
  it('calls the leaking map a leak and charts every cycle of its run', () => {
    const model = buildCellModel(trace);
    expect(model.verdict.status).toBe('growing');
    expect(model.chartCycles.length).toBe(model.cycleCount);
    expect(model.verdict.reason).toMatch(/^[A-Z].*[.)]$/);
  });

  it('reuses the analysis and chart data when an edit changes no cycle', () => {
    const first = buildCellModel(trace);
    const typing = buildCellModel(`${trace}\nprogram output being typed`, undefined, first);
    expect(typing.analysis).toBe(first.analysis);
    expect(typing.chartCycles).toBe(first.chartCycles);
    expect(typing.parsed.lineCount).toBeGreaterThan(first.parsed.lineCount);
  });

  it('analyses again when an edit changes a cycle', () => {
    const first = buildCellModel(trace);
    const edited = trace.replace(/^(gc 1 @[^,]*, [^,]*, )(\d+)->/m, (_m, head, start) => {
      return `${head}${Number(start) + 100}->`;
    });
    expect(edited).not.toBe(trace);
    const after = buildCellModel(edited, undefined, first);
    expect(after.analysis).not.toBe(first.analysis);
    expect(after.chartCycles[0]!.heapStart).toBe(first.chartCycles[0]!.heapStart + 100);
  });
});

describe('buildCellModelOrReason()', () => {
  it('gives the model buildCellModel gives', () => {
    const built = buildCellModelOrReason(trace);
    expect('model' in built && built.model.verdict).toEqual(buildCellModel(trace).verdict);
  });

  it('gives the error, named, where building throws, instead of throwing', () => {
    // A previous model missing its parse: reading on from it fails.
    const broken = {} as CellModel;
    expect(() => buildCellModel(trace, undefined, broken)).toThrow(TypeError);
    const built = buildCellModelOrReason(trace, undefined, broken);
    expect(built).toEqual({ reason: expect.stringMatching(/^TypeError: \S/) });
  });
});

describe('chart cycles sent from the worker as columns', () => {
  it('unpack to exactly the cycles that were packed, nulls and flags included', () => {
    for (const name of [
      'content/traces/leaking-map.txt',
      'content/traces/gogc-off.txt',
      'tests/fixtures/issue-go1.4.2.txt',
    ]) {
      const text = readFileSync(name, 'utf8');
      const cycles = buildCellModel(text).chartCycles;
      expect(cycles.length).toBeGreaterThan(0);
      expect(unpackCycles(packChartCycles(cycles))).toEqual(cycles);
    }
  });
});

describe('runFindings()', () => {
  const model = buildCellModel(trace);
  const run = model.analysis.runs[model.runIndex]!;
  const value = (findings: ReturnType<typeof runFindings>, label: string) =>
    findings.find((f) => f.label === label)?.value;

  it('gives duration and peak heap in seconds and MB for a run of seconds and megabytes', () => {
    const findings = runFindings(run, []);
    expect(value(findings, 'Duration')).toMatch(/^\d+(\.\d+)? s$/);
    expect(value(findings, 'Peak heap')).toBe(`${run.peakHeapMB} MB`);
  });

  it('says how often a slow run collects in words that do not round to 0 GC/s', () => {
    const idle = buildCellModel(readFileSync('content/traces/idle-periodic.txt', 'utf8'));
    const findings = runFindings(idle.analysis.runs[idle.runIndex]!, []);
    expect(findings.find((f) => f.label === 'Duration')?.detail).toBe('1 GC every 9.2 s');
    expect(runFindings(run, []).find((f) => f.label === 'Duration')?.detail).toMatch(/^\d+ GC\/s$/);
  });

  it('gives a long run in hours and a big heap in GB, as the charts do', () => {
    // The same run as if it had lasted 50,000 s and peaked at 300,000 MB.
    const long = { ...run, durationSeconds: 50_000, peakHeapMB: 300_000 };
    const findings = runFindings(long, []);
    expect(value(findings, 'Duration')).toBe('13.9 h');
    expect(value(findings, 'Peak heap')).toBe('293 GB');
  });
});
