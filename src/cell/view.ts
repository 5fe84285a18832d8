/**
 * Builds the parts of a trace cell that change with the trace: status line, problem list,
 * chart figures, their data table, and findings. The same code renders them at build time
 * (with jsdom's document) and in the browser, so the page looks the same before and after
 * JavaScript, and updates never shift the layout.
 */
import {
  allocChart,
  chartsTable,
  chartTable,
  cpuChart,
  heapChart,
  pauseChart,
} from '../charts/index.ts';
import type { Chart, ChartCycle, ChartKind, ChartOptions, ChartTable } from '../charts/index.ts';
import type { CellView, Finding } from './model.ts';
import { plural, statusLine, type Diagnostic } from '../gctrace/index.ts';
import { element } from '../site/dom.ts';

export const chartFunctions: Record<
  ChartKind,
  (data: readonly ChartCycle[], options?: ChartOptions) => Chart
> = { heap: heapChart, pause: pauseChart, cpu: cpuChart, alloc: allocChart };

/** Figure captions: what the chart shows and over how many cycles. */
export function chartCaption(kind: ChartKind, cycles: number): string {
  const what = {
    heap: 'Heap',
    pause: 'Stop-the-world pause',
    cpu: 'GC CPU',
    alloc: 'Allocation rate',
  }[kind];
  return `${what} over ${plural(cycles, 'GC cycle')}`;
}

/** "12 cycles · 2 problems · Go 1.18 and later" */
export function renderStatus(doc: Document, model: CellView): HTMLElement {
  const status = element(doc, 'p', { class: 'cell-status', role: 'status' });
  status.textContent = statusLine({
    cycles: model.cycleCount,
    problems: model.problemCount,
    era: model.era,
    runs: model.runCount,
  });
  status.dataset.cycles = String(model.cycleCount);
  status.dataset.problems = String(model.problemCount);
  return status;
}

/** Up to `limit` diagnostics as a list a keyboard or screen-reader user can reach; each jumps to its line. */
export function renderProblemList(
  doc: Document,
  problems: readonly Diagnostic[],
  limit: number,
): HTMLUListElement {
  const list = element(doc, 'ul', { 'aria-label': 'Problems in this trace' });
  for (const problem of problems.slice(0, limit)) {
    const item = element(doc, 'li', { class: `problem ${problem.severity}` });
    const jump = element(
      doc,
      'button',
      { type: 'button', class: 'line-link', 'data-line': String(problem.line) },
      `Line ${problem.line}, column ${problem.column}`,
    );
    item.append(jump, doc.createTextNode(`: ${problem.message}`));
    list.append(item);
  }
  return list;
}

/** The cell's problems: the list, and how many more the editor marks. */
export function renderProblems(doc: Document, model: CellView, limit = 50): HTMLElement {
  const wrapper = element(doc, 'div', { class: 'cell-problems' });
  if (model.problems.length === 0) return wrapper;
  wrapper.append(renderProblemList(doc, model.problems, limit));
  if (model.problems.length > limit) {
    wrapper.append(
      element(doc, 'p', {}, `and ${model.problems.length - limit} more (shown in the editor).`),
    );
  }
  return wrapper;
}

/** A chart's data as a table, for reading the numbers and for screen readers. */
export function renderTable(
  doc: Document,
  kind: ChartKind,
  data: readonly ChartCycle[],
): HTMLTableElement {
  return tableElement(doc, chartTable(data, kind));
}

/** A table's caption, header row and rows, each row headed by its first cell. */
function tableElement(doc: Document, table: ChartTable): HTMLTableElement {
  const node = element(doc, 'table', { class: 'chart-table' });
  node.append(element(doc, 'caption', {}, table.caption));
  const head = element(doc, 'thead');
  const headRow = element(doc, 'tr');
  for (const column of table.headers) headRow.append(element(doc, 'th', { scope: 'col' }, column));
  head.append(headRow);
  const body = element(doc, 'tbody');
  for (const row of table.rows) {
    const tr = element(doc, 'tr');
    row.forEach((cell, index) =>
      tr.append(
        element(doc, index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, String(cell)),
      ),
    );
    body.append(tr);
  }
  node.append(head, body);
  return node;
}

/**
 * Rows of a cell's data table in the page as built: past this many cycles it holds a summary, and
 * the page fills in every cycle when the table is opened (the trace above has them all anyway).
 */
export const builtTableRows = 24;

/**
 * The data of a cell's charts as one table, with a row per cycle up to `rowLimit` cycles and a
 * summary of that many rows past it (see `chartsTable`).
 */
export function renderChartsTable(
  doc: Document,
  kinds: readonly ChartKind[],
  data: readonly ChartCycle[],
  rowLimit = Infinity,
): HTMLTableElement {
  const table = chartsTable(data, kinds, rowLimit);
  const node = tableElement(doc, table);
  node.dataset.rows = table.rows.length === table.cycles ? 'all' : 'summary';
  return node;
}

/** The cell's chart data behind a disclosure, closed: it is there to read, not in the way. */
export function renderChartData(
  doc: Document,
  kinds: readonly ChartKind[],
  data: readonly ChartCycle[],
  rowLimit = Infinity,
): HTMLDetailsElement {
  const details = element(doc, 'details', { class: 'chart-data' });
  details.append(element(doc, 'summary', {}, 'Data table'));
  details.append(renderChartsTable(doc, kinds, data, rowLimit));
  return details;
}

/**
 * One chart figure for the page's first view: its caption and the chart drawn as the smallest
 * markup (`interactive: false`), which the page swaps for a live chart when it is pointed at or
 * the trace changes. The cell's data table (`renderChartData`) holds the numbers.
 */
export function renderFigure(
  doc: Document,
  kind: ChartKind,
  model: CellView,
  idPrefix: string,
): HTMLElement {
  const captionId = `${idPrefix}-${kind}-caption`;
  const figure = element(doc, 'figure', {
    class: `cell-chart chart-${kind}`,
    'data-kind': kind,
    'aria-labelledby': captionId,
  });
  const caption = element(
    doc,
    'figcaption',
    { id: captionId },
    chartCaption(kind, model.chartCycles.length),
  );
  const chart = chartFunctions[kind](model.chartCycles, {
    document: doc,
    idPrefix: `${idPrefix}-${kind}`,
    interactive: false,
  });
  figure.append(caption, chart.node);
  return figure;
}

/** The HTML of each part of a cell the build writes: status row, findings and charts. */
export interface BuiltCell {
  /** Status line and problem list. */
  status: string;
  findings: string;
  /** The chart figures and their data table. */
  charts: string;
}

/**
 * A cell's parts for the page as built, from the same code the page redraws them with: the
 * charts drawn as the smallest markup (`renderFigure`) and one data table for all of them,
 * summarised past `builtTableRows` cycles.
 */
export function renderBuiltCell(
  doc: Document,
  model: CellView,
  kinds: readonly ChartKind[],
  idPrefix: string,
): BuiltCell {
  const figures = kinds.map((kind) => renderFigure(doc, kind, model, idPrefix).outerHTML);
  return {
    status: renderStatus(doc, model).outerHTML + renderProblems(doc, model).outerHTML,
    findings: renderFindings(doc, model).outerHTML,
    charts:
      figures.join('') + renderChartData(doc, kinds, model.chartCycles, builtTableRows).outerHTML,
  };
}

function findingRow(doc: Document, finding: Finding): HTMLElement {
  const row = element(doc, 'div', { class: 'finding' });
  row.append(element(doc, 'dt', {}, finding.label));
  const value = element(doc, 'dd', {}, finding.value);
  if (finding.detail) value.append(element(doc, 'span', { class: 'detail' }, ` ${finding.detail}`));
  row.append(value);
  return row;
}

/** Findings: the run's figures, then the leak verdict with its reason and evidence lines. */
export function renderFindings(
  doc: Document,
  model: Pick<CellView, 'verdict' | 'findings'>,
): HTMLElement {
  const section = element(doc, 'div', { class: 'cell-findings' });
  const verdict = model.verdict;
  const box = element(doc, 'div', {
    class: `verdict verdict-${verdict.status}`,
    'data-verdict': verdict.status,
  });
  box.append(element(doc, 'p', { class: 'verdict-title' }, verdict.title));
  box.append(element(doc, 'p', { class: 'verdict-reason' }, verdict.reason));
  if (verdict.evidence.length > 0) {
    const evidence = element(doc, 'p', { class: 'verdict-evidence' }, 'Evidence: ');
    verdict.evidence.forEach((line, index) => {
      if (index > 0) evidence.append(doc.createTextNode(', '));
      evidence.append(
        element(
          doc,
          'button',
          { type: 'button', class: 'line-link', 'data-line': String(line) },
          `line ${line}`,
        ),
      );
    });
    box.append(evidence);
  }
  const list = element(doc, 'dl', { class: 'finding-list' });
  for (const finding of model.findings) list.append(findingRow(doc, finding));
  section.append(box, list);
  return section;
}
