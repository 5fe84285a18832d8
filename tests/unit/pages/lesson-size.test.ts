// The trace cells of every lesson page, rendered by the code <TraceCell> renders them with, held
// to a size budget: the built page stays readable without JavaScript, and small.
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildCellModel } from '../../../src/cell/model.ts';
import { builtTableRows, renderBuiltCell } from '../../../src/cell/view.ts';
import { chartCss } from '../../../src/charts/index.ts';
import { cellsOf, lessons, type CellProps } from './lesson-cells.ts';

/**
 * What the lesson cells of a page may weigh: bytes and gzip bytes of their markup, and elements.
 * Set from the sizes the cells had when their charts became one path per series and their tables
 * one summary per cell (a quarter of the bytes and a sixth of the elements they had before), with
 * about 15% to spare. A cell that needs more should earn it: see what grew before raising one.
 */
const budgets: Record<string, { bytes: number; gzip: number; elements: number }> = {
  // Lessons 1 and 9 gained two cells each that run a program (empty until run: their charts'
  // frames, about 85 elements a cell); lessons 5 and 7 had room for theirs.
  'what-a-leak-is': { bytes: 74_000, gzip: 14_200, elements: 880 },
  'godebug-and-gctrace': { bytes: 21_000, gzip: 4_900, elements: 350 },
  'reading-one-line': { bytes: 61_000, gzip: 12_300, elements: 610 },
  'running-a-trace': { bytes: 67_000, gzip: 13_400, elements: 710 },
  // Lesson 5 split in two: the trend stayed, the heap profiles and the trace of the profiled run
  // moved to lesson 6.
  'spotting-a-leak': { bytes: 186_000, gzip: 33_200, elements: 2_040 },
  'finding-where-it-leaks': { bytes: 49_000, gzip: 11_000, elements: 490 },
  // Lesson 7 split in two: GOGC stayed, GOGC=off and the memory limit moved to lesson 8 with a
  // run cell of their own.
  'goal-gogc-memory-limit': { bytes: 150_000, gzip: 22_400, elements: 2_010 },
  'gogc-off-and-the-memory-limit': { bytes: 71_500, gzip: 11_800, elements: 910 },
  'across-go-versions': { bytes: 63_000, gzip: 7_900, elements: 810 },
  exercises: { bytes: 27_000, gzip: 6_100, elements: 370 },
};

/** The markup of a page's cells that comes from code: status, findings, charts and the trace. */
function cellsMarkup(cells: readonly CellProps[]): string {
  const doc = new JSDOM('').window.document;
  let html = cells.length > 0 ? `<style>${chartCss}</style>` : '';
  for (const cell of cells) {
    const built = renderBuiltCell(doc, buildCellModel(cell.text), cell.charts, `cell-${cell.id}`);
    const textarea = doc.createElement('textarea');
    textarea.textContent = cell.text;
    html += textarea.outerHTML + built.status + built.findings + built.charts;
  }
  return html;
}

describe('lesson pages as built', () => {
  it('have a size budget each', () => {
    expect(lessons.map((l) => l.slug).sort()).toEqual(Object.keys(budgets).sort());
  });

  it.each(lessons)('$slug: its cells stay within their budget', ({ folder, slug }) => {
    const html = cellsMarkup(cellsOf(folder));
    const measured = {
      bytes: Buffer.byteLength(html),
      gzip: gzipSync(html).length,
      elements: JSDOM.fragment(html).querySelectorAll('*').length,
    };
    const budget = budgets[slug];
    for (const key of ['bytes', 'gzip', 'elements'] as const) {
      expect(measured[key], `${slug} ${key}: ${JSON.stringify(measured)}`).toBeLessThanOrEqual(
        budget[key],
      );
    }
  });

  it.each(lessons)('$slug: each cell reads without JavaScript', ({ folder }) => {
    const doc = new JSDOM('').window.document;
    for (const cell of cellsOf(folder)) {
      const model = buildCellModel(cell.text);
      const built = renderBuiltCell(doc, model, cell.charts, `cell-${cell.id}`);
      const charts = JSDOM.fragment(built.charts);
      // Every chart drawn, captioned and described, without one element per cycle.
      const figures = [...charts.querySelectorAll('figure')];
      expect(figures.map((f) => f.getAttribute('data-kind'))).toEqual(cell.charts);
      for (const figure of figures) {
        expect(figure.querySelector('figcaption')?.textContent).toMatch(/over \d+ GC cycles?$/);
        const svg = figure.querySelector('svg')!;
        expect(svg.querySelector('desc')?.textContent).not.toBe('');
        expect(svg.querySelectorAll('g.cycle')).toHaveLength(0);
        if (model.chartCycles.length > 0) expect(svg.querySelector('path.marks')).not.toBeNull();
      }
      // The numbers as text: every cycle up to the limit, a summary past it.
      const rows = charts.querySelectorAll('details.chart-data table tbody tr').length;
      const cycles = model.chartCycles.length;
      if (cycles <= builtTableRows) expect(rows).toBe(cycles);
      else expect(rows).toBeGreaterThan(builtTableRows - 6);
      expect(rows).toBeLessThanOrEqual(builtTableRows);
      expect(JSDOM.fragment(built.findings).querySelector('.verdict-title')?.textContent).not.toBe(
        '',
      );
    }
  });
});
