import { describe, expect, it } from 'vitest';
import { gcRateText, statusLine, verdictSentence } from '../../../src/gctrace/index.ts';
import { buildCellModel } from '../../../src/cell/model.ts';
import { findingsMarkdown } from '../../../src/workbench/report.ts';
import { readFileSync } from 'node:fs';
import { TraceDataset } from '../../../src/workbench/dataset.ts';
import { analyseCycles, combine, rangeStats } from '../../../src/workbench/summary.ts';

describe('verdict text', () => {
  it('turns the analysis clause into a sentence', () => {
    expect(verdictSentence('the live heap stays flat')).toBe('The live heap stays flat.');
    expect(verdictSentence('only 3 cycles (2 forced)')).toBe('Only 3 cycles (2 forced)');
    expect(verdictSentence('  ')).toBe('');
  });

  it('reads the same in a cell and in the workbench report', () => {
    const text = readFileSync('content/traces/leaking-map.txt', 'utf8');
    const cell = buildCellModel(text);
    const dataset = new TraceDataset();
    dataset.push(text);
    dataset.finish();
    const run = dataset.runs[0]!;
    const summary = combine(
      rangeStats(run.columns, null),
      analyseCycles(run.sample.cycles, 0),
      0,
      run.era,
      run.sample.cycles.length,
      null,
    );
    const report = findingsMarkdown({
      source: 'leak.txt',
      run: 0,
      runCount: 1,
      summary,
      problems: 0,
      lines: dataset.lineCount,
    });
    expect(cell.verdict.reason).toMatch(/^[A-Z]/);
    expect(report).toContain(`**${cell.verdict.title}.** ${cell.verdict.reason}\n`);
  });
});

describe('status line', () => {
  it('counts cycles, problems and runs and names the era', () => {
    expect(statusLine({ cycles: 1, problems: 0, era: 'go1.18+', runs: 1 })).toBe(
      '1 cycle · 0 problems · Go 1.18+ lines',
    );
    expect(
      statusLine({ lines: 12000, cycles: 1234, problems: 2, era: null, runs: 3, reading: true }),
    ).toBe('12,000 lines · 1,234 cycles · 2 problems · no gc lines yet · 3 runs · still reading');
  });
});

describe('gcRateText()', () => {
  it('counts per second from one a second up, with two significant digits', () => {
    expect(gcRateText(14.727)).toBe('15 GC/s');
    expect(gcRateText(6.181)).toBe('6.2 GC/s');
    expect(gcRateText(1)).toBe('1 GC/s');
    expect(gcRateText(156.4)).toBe('156 GC/s');
  });

  it('gives the time between collections below one a second, where a rate would round to 0', () => {
    expect(gcRateText(0.025)).toBe('1 GC every 40 s');
    expect(gcRateText(0.10826)).toBe('1 GC every 9.2 s');
    expect(gcRateText(1 / 3000)).toBe('1 GC every 50 min');
    expect(gcRateText(0)).toBe('no GC');
  });
});
