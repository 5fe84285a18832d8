import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../src/cli/summary-text.ts';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';

const parsed = parseTrace(readFileSync('content/traces/leaking-map.txt', 'utf8'));
const analysis = analyseTrace(parsed);

describe('summaryText() units', () => {
  it('gives a run of seconds and megabytes in s and MB', () => {
    const text = summaryText(parsed, analysis);
    expect(text).toMatch(/ {2}duration [\d.]+ s, \d+ GC\/s\n/);
    expect(text).toMatch(/ {2}peak heap \d+ MB, peak live heap \d+ MB\n/);
  });

  it('gives a long run in hours and big heaps in GB, both peaks in one unit', () => {
    // The same run as if it had lasted 50,000 s and peaked at 300,000 MB (live 9,000 MB).
    const run = analysis.runs[0]!;
    const long = {
      ...analysis,
      runs: [{ ...run, durationSeconds: 50_000, peakHeapMB: 300_000, peakLiveMB: 9000 }],
    };
    const text = summaryText(parsed, long);
    expect(text).toContain('  duration 13.9 h, ');
    expect(text).toContain('  peak heap 293 GB, peak live heap 8.8 GB\n');
  });
});
