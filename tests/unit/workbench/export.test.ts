import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TraceDataset } from '../../../src/workbench/dataset.ts';
import { csvColumns, cyclesCsv, cyclesJson } from '../../../src/workbench/export.ts';

function columnsOf(name: string) {
  const dataset = new TraceDataset();
  dataset.push(readFileSync(`content/traces/${name}.txt`, 'utf8'));
  dataset.finish();
  return dataset.runs[0]!.columns;
}

// A real capture whose pauses add up to floating-point noise (0.075 + 0.008 → 0.08299999999999999).
const columns = columnsOf('forced-misplaced');
const rows = cyclesCsv(columns, null)
  .join('')
  .trim()
  .split('\n')
  .slice(1)
  .map((r) => r.split(','));
const column = (name: (typeof csvColumns)[number]) =>
  rows.map((r) => r[csvColumns.indexOf(name)]!).filter((v) => v !== '');

const decimals = (v: string) => v.split('.')[1]?.length ?? 0;
const significant = (v: string) => v.replace(/^[0.]+/, '').replace('.', '').length;

describe('cycles CSV', () => {
  it('writes printed quantities to the thousandth the trace prints', () => {
    for (const name of ['seconds', 'pause_ms', 'heap_live_mb'] as const)
      for (const v of column(name)) expect(decimals(v), `${name} ${v}`).toBeLessThanOrEqual(3);
    expect(column('pause_ms')).toContain('0.083');
  });

  it('writes derived shares and rates to four significant digits', () => {
    for (const name of ['interval_gc_cpu_fraction', 'alloc_rate_mb_per_s'] as const)
      for (const v of column(name)) expect(significant(v), `${name} ${v}`).toBeLessThanOrEqual(4);
  });

  it('writes the same numbers in JSON', () => {
    const json = JSON.parse(cyclesJson(columns, null, { source: 'x', run: 1 }).join(''));
    const pauses = json.cycles.map((c: { pauseMs: number | null }) => c.pauseMs);
    expect(pauses.filter((p: number | null) => p !== null).map(String)).toEqual(column('pause_ms'));
  });
});
