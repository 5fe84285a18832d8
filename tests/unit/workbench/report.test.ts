import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TraceDataset } from '../../../src/workbench/dataset.ts';
import { change, differenceRows, findingsMarkdown } from '../../../src/workbench/report.ts';
import {
  analyseCycles,
  combine,
  rangeStats,
  type RangeSummary,
} from '../../../src/workbench/summary.ts';

/** The workbench's findings for the whole first run of a sample trace. */
function summaryOf(name: string): { summary: RangeSummary; lines: number } {
  const dataset = new TraceDataset();
  dataset.push(readFileSync(`content/traces/${name}.txt`, 'utf8'));
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
  return { summary, lines: dataset.lineCount };
}

const row = (rows: ReturnType<typeof differenceRows>, label: string) =>
  rows.find((r) => r.label === label)!;

describe('differenceRows()', () => {
  const a = summaryOf('gogc-100').summary;
  const b = summaryOf('gogc-200').summary;
  const rows = differenceRows(a, b);

  it('gives no percentage for a slope that changes sign', () => {
    // GOGC=100's live heap creeps up a little, GOGC=200's down: a share of A would be −349%.
    expect(a.analysis.leak.slopeMBPerMinute).toBeGreaterThan(0);
    expect(b.analysis.leak.slopeMBPerMinute).toBeLessThan(0);
    expect(row(rows, 'Live-heap slope').change).toMatch(/^−[\d.]+ MB\/min$/);
  });

  it('never gives a drop below −100%', () => {
    for (const r of rows) {
      const percent = /\(([−+±])(\d+)%\)/.exec(r.change);
      if (percent?.[1] === '−') expect(Number(percent[2])).toBeLessThanOrEqual(100);
    }
    expect(change(10, 0)).toBe('−10 (−100%)');
    expect(change(0, 5)).toBe('+5');
    expect(change(-2, 3)).toBe('+5');
  });

  it('gives GC frequency as a rate that reads', () => {
    const frequency = row(rows, 'GC frequency');
    expect(frequency.a).toMatch(/^[\d.]+ GC\/s$/);
    expect(frequency.change).toMatch(/^[−+±][\d.]+ GC\/s \([−+±]\d+%\)$/);
  });
});

describe('findingsMarkdown()', () => {
  it('counts one problem in the singular', () => {
    const { summary, lines } = summaryOf('steady');
    const report = findingsMarkdown({
      source: 'steady.txt',
      run: 0,
      runCount: 1,
      summary,
      problems: 1,
      lines,
    });
    expect(report).toMatch(/lines read, 1 problem\./);
  });
});

describe('findingsMarkdown() evidence', () => {
  const { summary, lines } = summaryOf('leaking-map');
  const report = findingsMarkdown({
    source: 'leaking-map.txt',
    run: 0,
    runCount: 1,
    summary,
    problems: 0,
    lines,
  });
  const text = readFileSync('content/traces/leaking-map.txt', 'utf8').split('\n');
  const evidence = report.split('\n').filter((l) => l.startsWith('- line '));

  it('gives each cycle’s live heap as printed, and the discounted one only with what was taken off', () => {
    expect(evidence.length).toBe(summary.analysis.leak.evidence.length);
    for (const item of evidence) {
      const line = Number(/^- line (\d+)/.exec(item)![1]);
      const [, start, end, live] = /(\d+)->(\d+)->(\d+) MB/.exec(text[line - 1]!)!.map(Number);
      expect(item).toContain(`live heap ${live} MB as printed`);
      const during = Math.min(live!, Math.max(0, end! - start!));
      if (during > 0)
        expect(item).toContain(
          `, about ${live! - during} MB after discounting ${during} MB allocated during marking`,
        );
      else expect(item).toMatch(/as printed$/);
    }
    // Line 46 prints 4->5->2 MB: 2 MB live as printed, 1 MB after the 1 MB allocated meanwhile.
    expect(text[45]).toContain('4->5->2 MB');
    expect(evidence.find((l) => l.startsWith('- line 46 '))).toMatch(
      /live heap 2 MB as printed, about 1 MB after discounting 1 MB allocated during marking$/,
    );
  });

  it('says once why the trend discounts what was allocated during marking', () => {
    expect(
      report.match(/counts everything allocated while the collector was marking/g),
    ).toHaveLength(1);
  });
});
