import { describe, expect, it } from 'vitest';
import {
  chartFileName,
  cyclesFileName,
  exportBaseName,
  findingsFileName,
} from '../../../src/workbench/file-names.ts';

describe('export file names', () => {
  it('drop the extension and replace unsafe characters', () => {
    expect(exportBaseName('leaking-map.txt', 0, 1)).toBe('leaking-map');
    expect(exportBaseName('my trace (prod).log', 0, 1)).toBe('my-trace-prod-');
    expect(exportBaseName('shared link', 0, 1)).toBe('shared-link');
    expect(exportBaseName('v1.2.out', 0, 1)).toBe('v1.2');
  });

  it('name an unnamed trace "trace"', () => {
    expect(exportBaseName('', 0, 0)).toBe('trace');
  });

  it('add the run, counted from 1, only when there are several', () => {
    expect(exportBaseName('go-run.txt', 2, 4)).toBe('go-run-run3');
    expect(exportBaseName('go-run.txt', 0, 1)).toBe('go-run');
  });

  it('end in what the file holds', () => {
    expect(cyclesFileName('steady', 'csv')).toBe('steady-cycles.csv');
    expect(cyclesFileName('steady-run2', 'json')).toBe('steady-run2-cycles.json');
    expect(findingsFileName('steady')).toBe('steady-findings.md');
    expect(chartFileName(exportBaseName('myserver.log', 0, 1), 'heap', 'svg')).toBe(
      'myserver-heap.svg',
    );
    expect(chartFileName('go-run-run3', 'pause', 'png')).toBe('go-run-run3-pause.png');
  });
});
