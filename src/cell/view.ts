/**
 * Builds the parts of a trace cell that change with the trace: status line, problem list,
 * chart figures with their data tables, and findings. The same code renders them at build time
 * (with jsdom's document) and in the browser, so the page looks the same before and after
 * JavaScript, and updates never shift the layout.
 */
import { allocChart, chartTable, cpuChart, heapChart, pauseChart } from '../charts/index.ts';
import type { Chart, ChartCycle, ChartKind, ChartOptions } from '../charts/index.ts';
import type { CellView, Finding } from './model.ts';
import { statusLine, type Diagnostic } from '../gctrace/index.ts';
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
  return `${what} over ${cycles} GC cycle${cycles === 1 ? '' : 's'}`;
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
export function renderTable(doc: Document, kind: ChartKind, data: readonly ChartCycle[]) {
  const table = chartTable(data, kind);
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

/** One chart figure: caption, the SVG, and its data table behind a disclosure. */
export function renderFigure(
  doc: Document,
  kind: ChartKind,
  model: CellView,
  idPrefix: string,
): { figure: HTMLElement; chart: Chart } {
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
  });
  const details = element(doc, 'details', { class: 'chart-data' });
  details.append(element(doc, 'summary', {}, 'Data table'));
  details.append(renderTable(doc, kind, model.chartCycles));
  figure.append(caption, chart.node, details);
  return { figure, chart };
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
