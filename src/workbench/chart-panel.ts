/**
 * A column of charts for one trace: heap, pause, GC CPU and allocation rate, all on the same x
 * range. Drag across any chart to zoom (the page then redraws every chart); each chart can be
 * saved as SVG or PNG, and its numbers read in a table when there are few enough.
 */
import { chartCss, chartWithTooltips, type Chart, type ChartKind } from '../charts/index.ts';
import { kinds } from '../charts/kinds.ts';
import { chartCaption, chartFunctions, renderTable } from '../cell/view.ts';
import type { Domain } from './protocol.ts';
import type { ChartCycle } from '../charts/index.ts';
import { unpackCycles, type PackedCycles } from '../charts/packed-cycles.ts';
import type { ChartRange } from './chart-range.ts';
import { chartFileName } from './file-names.ts';
import { defaultHeight, defaultWidth, plotSpan } from '../charts/layout.ts';
import { pageElement as el } from '../site/dom.ts';

/** Where the plot lies in the viewBox of the panel's charts, drawn at their default size. */
const plot = plotSpan(defaultWidth);
/** Tables list at most this many cycles. */
const tableLimit = 1000;

/**
 * Lets the page handle input and paint before going on: `scheduler.yield()` where there is one
 * (the rest of the drawing then goes before other waiting tasks), a new task otherwise.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export interface ChartPanelOptions {
  idPrefix: string;
  kinds: ChartKind[];
  /** Short name of the trace for captions ("A", "B"), or '' for the only one. */
  label: string;
  /** The start of the names of the files its charts are saved to (see `exportBaseName`). */
  fileBase(): string;
  onZoom(domain: Domain): void;
  onLine(line: number): void;
  onExportError(message: string): void;
}

interface Slot {
  kind: ChartKind;
  chart: Chart;
  figure: HTMLElement;
  caption: HTMLElement;
  details: HTMLDetailsElement;
  brush: HTMLElement;
}

/** Saves a blob under a file name through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: filename });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chart as a standalone SVG file: its styles and every tooltip inside, light colours on white. */
export function standaloneSvg(node: SVGSVGElement): string {
  const copy = chartWithTooltips(node);
  const [, , width, height] = (
    copy.getAttribute('viewBox') ?? `0 0 ${defaultWidth} ${defaultHeight}`
  ).split(' ');
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  copy.setAttribute('style', 'color: #1c1e22; background: #ffffff');
  copy.querySelectorAll('.brush-hint').forEach((n) => n.remove());
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = chartCss;
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  copy.insertBefore(style, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** Renders standalone SVG text to a PNG at twice its size. */
export async function svgToPng(svg: string): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw to a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export class ChartPanel {
  readonly host: HTMLElement;
  private slots: Slot[] = [];
  private options: ChartPanelOptions;
  private range: ChartRange | null = null;
  /** The range's cycles, unpacked once per packed set (charts often share one). */
  private unpacked = new Map<PackedCycles, ChartCycle[]>();
  private drawing = 0;

  constructor(host: HTMLElement, options: ChartPanelOptions) {
    this.host = host;
    this.options = options;
    for (const kind of options.kinds) this.slots.push(this.build(kind));
  }

  private build(kind: ChartKind): Slot {
    const prefix = `${this.options.idPrefix}-${kind}`;
    const figure = el('figure', {
      class: `cell-chart chart-${kind}`,
      'data-kind': kind,
      'aria-labelledby': `${prefix}-caption`,
    });
    const caption = el('figcaption', { id: `${prefix}-caption` }, chartCaption(kind, 0));
    const chart = chartFunctions[kind]([], { idPrefix: prefix });
    const frame = el('div', { class: 'wb-chart-frame' });
    const brush = el('div', { class: 'wb-brush', 'aria-hidden': 'true' });
    brush.hidden = true;
    frame.append(chart.node, brush);
    const actions = el('div', { class: 'wb-chart-actions' });
    const name = this.options.label ? ` (${this.options.label})` : '';
    const button = (format: string) => {
      const node = el('button', { type: 'button', class: 'button', 'data-export': format });
      // The visible words first, so the spoken name contains them; then which chart.
      node.append(
        `Save as ${format.toUpperCase()}`,
        el('span', { class: 'visually-hidden' }, `: the ${kind} chart${name}`),
      );
      return node;
    };
    const svgButton = button('svg');
    const pngButton = button('png');
    actions.append(svgButton, pngButton);
    const details = el('details', { class: 'chart-data' });
    details.append(el('summary', {}, 'Data table'));
    details.addEventListener('toggle', () => this.fillTable(slot));
    figure.append(caption, frame, actions, details);
    this.host.append(figure);
    const slot: Slot = { kind, chart, figure, caption, details, brush };
    // Named after the trace when saved, which may have been loaded after the panel was made.
    const file = (format: 'svg' | 'png') => chartFileName(this.options.fileBase(), kind, format);
    svgButton.addEventListener('click', () =>
      download(new Blob([standaloneSvg(chart.node)], { type: 'image/svg+xml' }), file('svg')),
    );
    pngButton.addEventListener('click', () => {
      svgToPng(standaloneSvg(chart.node))
        .then((png) => download(png, file('png')))
        .catch((error: Error) =>
          this.options.onExportError(`The PNG could not be made: ${error.message}.`),
        );
    });
    this.wireBrush(slot);
    return slot;
  }

  /** Pointer brushing: a drag selects a time range; a click on a cycle shows its line. */
  private wireBrush(slot: Slot): void {
    const svg = slot.chart.node;
    let startX: number | null = null;
    let pointer = -1;
    const toPlot = (clientX: number) => {
      const rect = svg.getBoundingClientRect();
      const scale = rect.width / defaultWidth;
      return { x: (clientX - rect.left) / scale - plot.left, scale, rect };
    };
    const toTime = (plotX: number) => {
      const domain = this.range?.domain ?? [0, 1];
      const clamped = Math.max(0, Math.min(plot.width, plotX));
      return domain[0] + (clamped / plot.width) * (domain[1] - domain[0]);
    };
    // A drag draws a range, never a text selection across the page: the browser's default of
    // a press (starting a selection) is cancelled, and the page is unselectable until release.
    const brushing = (on: boolean) => {
      document.documentElement.toggleAttribute('data-brushing', on);
    };
    svg.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || this.range === null) return;
      event.preventDefault();
      brushing(true);
      startX = toPlot(event.clientX).x;
      pointer = event.pointerId;
    });
    svg.addEventListener('pointermove', (event) => {
      if (startX === null || event.pointerId !== pointer) return;
      const { x, scale } = toPlot(event.clientX);
      if (Math.abs(x - startX) * scale < 4) return;
      if (!svg.hasPointerCapture(pointer)) svg.setPointerCapture(pointer);
      const left = Math.max(0, Math.min(startX, x));
      const right = Math.min(plot.width, Math.max(startX, x));
      slot.brush.hidden = false;
      slot.brush.style.left = `${((plot.left + left) / defaultWidth) * 100}%`;
      slot.brush.style.width = `${((right - left) / defaultWidth) * 100}%`;
    });
    const finish = (event: PointerEvent) => {
      if (startX === null || event.pointerId !== pointer) return;
      const { x, scale } = toPlot(event.clientX);
      const from = startX;
      startX = null;
      brushing(false);
      slot.brush.hidden = true;
      if (Math.abs(x - from) * scale < 4) {
        const target = (event.target as Element).closest('[data-line]');
        const line = Number(target?.getAttribute('data-line'));
        if (line > 0) this.options.onLine(line);
        return;
      }
      const a = toTime(Math.min(from, x));
      const b = toTime(Math.max(from, x));
      if (b > a) this.options.onZoom([a, b]);
    };
    svg.addEventListener('pointerup', finish);
    svg.addEventListener('pointercancel', () => {
      startX = null;
      brushing(false);
      slot.brush.hidden = true;
    });
  }

  private fillTable(slot: Slot): void {
    if (!slot.details.open) return;
    slot.details.querySelector('table, p')?.remove();
    const range = this.range;
    if (range === null || range.decimated || range.total > tableLimit) {
      slot.details.append(
        el(
          'p',
          { class: 'wb-hint' },
          `The table lists up to ${tableLimit.toLocaleString('en')} cycles: zoom in to fewer, or export the cycles as CSV.`,
        ),
      );
      return;
    }
    slot.details.append(renderTable(document, slot.kind, this.cyclesOf(slot.kind)));
  }

  private cyclesOf(kind: ChartKind): ChartCycle[] {
    const packed = this.range?.cycles[kind];
    if (packed === undefined) return [];
    let cycles = this.unpacked.get(packed);
    if (cycles === undefined) {
      cycles = unpackCycles(packed);
      this.unpacked.set(packed, cycles);
    }
    return cycles;
  }

  /**
   * Draws a range on every chart, each chart in a task of its own (and apart from the task that
   * brought the range), so the page stays responsive.
   */
  async show(range: ChartRange): Promise<boolean> {
    const drawing = ++this.drawing;
    this.range = range;
    this.unpacked = new Map();
    // Smaller charts first: the drawing code all charts share is then compiled on small work
    // before the heap chart's four series, which would otherwise pay for it in one long task.
    const work = (slot: Slot) =>
      (range.cycles[slot.kind]?.length ?? 0) * kinds[slot.kind].series.length;
    const order = [...this.slots].sort((a, b) => work(a) - work(b));
    for (const slot of order) {
      await nextTask();
      if (drawing !== this.drawing) return false;
      // Unpacking thousands of cycles is a task's worth of work of its own.
      const packed = range.cycles[slot.kind];
      const fresh = packed !== undefined && !this.unpacked.has(packed);
      const cycles = this.cyclesOf(slot.kind);
      if (fresh && cycles.length > 1000) {
        await nextTask();
        if (drawing !== this.drawing) return false;
      }
      const started = performance.now();
      slot.chart.update(cycles, { xDomain: range.domain, sampled: range.decimated });
      performance.measure(`workbench:chart:${slot.kind}`, { start: started });
      const title = slot.chart.node.querySelector('title');
      if (title && range.decimated)
        title.textContent = (title.textContent ?? '').replace(
          /over [\d,]+ GC cycles?/,
          `over ${range.total.toLocaleString('en')} GC cycles (each pixel column shows its lowest and highest values)`,
        );
      slot.caption.textContent =
        chartCaption(slot.kind, range.total).replace(
          /over (\d+)/,
          (_, n: string) => `over ${Number(n).toLocaleString('en')}`,
        ) + (this.options.label ? ` (${this.options.label})` : '');
      slot.figure.dataset.cycles = String(range.total);
      slot.figure.dataset.drawn = String(range.cycles[slot.kind]?.length ?? 0);
      this.fillTable(slot);
    }
    return drawing === this.drawing;
  }

  /** The range the charts show (the page's name for it). */
  get currentView(): ChartRange | null {
    return this.range;
  }
}
