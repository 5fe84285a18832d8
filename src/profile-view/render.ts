/**
 * A profile report drawn into a document (the page's, or jsdom's at build time): the sentence,
 * the flame graph and the top table that is its text form, or the goroutine groups.
 */
import { flameChart, type FlameChart } from '../charts/flame-chart.ts';
import { formatValue, percentage, type GoroutineGrowth } from '../profile/index.ts';
import { element } from '../site/dom.ts';
import { shortFile, type ProfileReport } from './report.ts';

/** Table rows shown at most; the flame graph and the CLI have the rest. */
export const tableRowLimit = 200;

export interface RenderedReport {
  root: HTMLElement;
  flame: FlameChart | null;
}

/** Draws `report`; `idPrefix` keeps ids unique on a page with several panels. */
export function renderReport(
  doc: Document,
  report: ProfileReport,
  idPrefix: string,
  options: { width?: number; onFocus?: (id: string | null) => void } = {},
): RenderedReport {
  const root = element(doc, 'div', { class: 'pv-report', 'data-kind': report.kind });
  const headline = element(
    doc,
    'p',
    { class: 'pv-headline', 'data-headline': '' },
    report.headline,
  );
  root.append(headline);
  if (report.note) root.append(element(doc, 'p', { class: 'pv-note' }, report.note));
  if (report.goroutines) root.append(renderGroups(doc, report.goroutines, report.diff));

  const valueText = (v: number) => formatValue(report.table, v);
  let flame: FlameChart | null = null;
  if (report.tree.value > 0) {
    const figure = element(doc, 'figure', { class: 'pv-flame' });
    const what = report.diff ? `What grew (${report.sampleType})` : `Stacks (${report.sampleType})`;
    flame = flameChart(report.tree, {
      document: doc,
      idPrefix: `${idPrefix}-flame`,
      title: `${what}: flame graph, callers above callees`,
      formatValue: valueText,
      total: report.diff ? report.tree.value : report.table.total,
      width: options.width ? Math.max(280, options.width) : 640,
      onFocus: options.onFocus,
    });
    const caption = element(
      doc,
      'figcaption',
      {},
      `${what}. Each row is one call deeper; a frame's width is its share${report.diff ? ' of the growth (paths that shrank are left out; the table lists them)' : ''}. Tab into the graph, move with the arrow keys, Enter or a click zooms in, Escape zooms out.`,
    );
    figure.append(flame.node, caption);
    root.append(figure);
  }
  root.append(renderTable(doc, report, idPrefix));
  return { root, flame };
}

function renderTable(doc: Document, report: ProfileReport, idPrefix: string): HTMLElement {
  const { table } = report;
  const scroller = element(doc, 'div', {
    class: 'pv-scroll',
    tabindex: '0',
    role: 'region',
    'aria-labelledby': `${idPrefix}-table-caption`,
  });
  const t = element(doc, 'table', { class: 'pv-table', 'data-top-table': '' });
  const shown = table.rows.slice(0, tableRowLimit);
  const more = table.rows.length - shown.length;
  const captionText =
    `Top ${report.granularity === 'lines' ? 'lines' : 'functions'} by flat ${report.sampleType}` +
    `${report.diff ? ', later minus base' : ''}: ${valueText(table.shown)} of ${valueText(table.total)} total` +
    (table.droppedRows > 0
      ? `; ${table.droppedRows} rows under ${valueText(table.dropCutoff)} left out, as pprof does`
      : '') +
    (more > 0 ? `; the first ${shown.length} of ${table.rows.length} rows` : '') +
    '.';
  function valueText(v: number) {
    return formatValue(table, v);
  }
  t.append(element(doc, 'caption', { id: `${idPrefix}-table-caption` }, captionText));
  const head = element(doc, 'tr');
  // By function, pprof names no file or line; by line, each row is one.
  const byLine = report.granularity === 'lines';
  const columns = [
    ['flat', 'num'],
    ['flat %', 'num'],
    ['sum %', 'num'],
    ['cum', 'num'],
    ['cum %', 'num'],
    ['function', ''],
    ...(byLine ? [['file:line', '']] : []),
  ] as const;
  for (const [label, cls] of columns) {
    head.append(element(doc, 'th', { scope: 'col', ...(cls ? { class: cls } : {}) }, label));
  }
  const thead = element(doc, 'thead');
  thead.append(head);
  const body = element(doc, 'tbody');
  let sum = 0;
  for (const row of shown) {
    sum += row.flat;
    const tr = element(doc, 'tr', { 'data-function': row.function });
    if (row.flat < 0) tr.classList.add('is-negative');
    const place = row.line > 0 ? `${shortFile(row.file)}:${row.line}` : '';
    tr.append(
      element(doc, 'td', { class: 'num' }, valueText(row.flat)),
      element(doc, 'td', { class: 'num' }, percentage(row.flat, table.total).trim()),
      element(doc, 'td', { class: 'num' }, percentage(sum, table.total).trim()),
      element(doc, 'td', { class: 'num' }, valueText(row.cum)),
      element(doc, 'td', { class: 'num' }, percentage(row.cum, table.total).trim()),
      element(
        doc,
        'th',
        { scope: 'row', class: 'pv-fn' },
        `${row.function}${row.inline ? ` ${row.inline}` : ''}`,
      ),
    );
    if (byLine)
      tr.append(
        element(doc, 'td', { class: 'pv-file', ...(row.file ? { title: row.file } : {}) }, place),
      );
    body.append(tr);
  }
  t.append(thead, body);
  scroller.append(t);
  return scroller;
}

function renderGroups(
  doc: Document,
  goroutines: NonNullable<ProfileReport['goroutines']>,
  diff: boolean,
): HTMLElement {
  const box = element(doc, 'div', { class: 'pv-groups' });
  box.append(
    element(
      doc,
      'h4',
      {},
      diff ? 'Goroutines grouped by stack, by growth' : 'Goroutines grouped by stack',
    ),
  );
  const list = element(doc, 'ol', { class: 'pv-group-list', 'data-groups': '' });
  for (const group of goroutines.groups.slice(0, 50)) list.append(renderGroup(doc, group, diff));
  box.append(list);
  return box;
}

function renderGroup(doc: Document, group: GoroutineGrowth, diff: boolean): HTMLElement {
  const li = element(doc, 'li', { class: 'pv-group' });
  const count = diff
    ? `${group.before} → ${group.count} (${group.change >= 0 ? '+' : ''}${group.change})`
    : `${group.count}`;
  const summary = element(doc, 'p', { class: 'pv-group-head' });
  summary.append(
    element(doc, 'strong', { class: 'pv-count' }, count),
    doc.createTextNode(' goroutines in '),
    element(doc, 'code', {}, group.where.name),
    doc.createTextNode(
      ` ${shortFile(group.where.file)}:${group.where.line}${group.waiting ? `, ${group.waiting}` : ''}`,
    ),
  );
  const details = element(doc, 'details');
  details.append(element(doc, 'summary', {}, `Whole stack (${group.frames.length} frames)`));
  const pre = element(doc, 'pre', { class: 'pv-stack' });
  pre.textContent = group.frames.map((f) => `${f.name}\n\t${f.file}:${f.line}`).join('\n');
  details.append(pre);
  li.append(summary, details);
  return li;
}
