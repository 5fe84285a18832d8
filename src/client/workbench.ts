/**
 * <trace-workbench>: makes the workbench page live. Bring a trace (paste, file, drop, link or
 * sample), read it in the worker, pick a run, zoom, compare with a second trace, share it in a
 * link and export what it shows. Configured by data-editable-bytes and data-page-size.
 */
import { renderFindings } from '../cell/view.ts';
import { chartCss } from '../charts/index.ts';
import { ChartPanel, download } from '../workbench/chart-panel.ts';
import { cyclesFileName, exportBaseName, findingsFileName } from '../workbench/file-names.ts';
import { Pager } from '../workbench/pager.ts';
import type { Domain } from '../workbench/protocol.ts';
import {
  differenceRows,
  findingsMarkdown,
  sampleSentence,
  summaryFindings,
  summaryVerdict,
} from '../workbench/report.ts';
import { LiveSession } from '../workbench/live-session.ts';
import { liveEventsUrl } from '../workbench/live-stream.ts';
import { decodeShare, encodeShare, maxFragmentChars, type SharedView } from '../workbench/share.ts';
import { loadBig, loadSaved } from '../workbench/storage.ts';
import type { RangeSummary } from '../workbench/summary.ts';
import { unionDomain, type ChartRange } from '../workbench/chart-range.ts';
import { WorkbenchWorker } from '../workbench/worker-client.ts';
import {
  compareNoGcLineText,
  compareWaitText,
  differencesCaption,
  shareable,
  shareRefusal,
  linkErrorText,
  rangeNote,
} from '../workbench/wording.ts';
import {
  panned,
  rangeInputValue,
  typedRange,
  zoomedOut,
  zoomStateText,
} from '../workbench/zoom.ts';
import { pageElement as el } from '../site/dom.ts';
import { TraceSlot, type TraceSlotHost } from './trace-slot.ts';

class WorkbenchElement extends HTMLElement implements TraceSlotHost {
  worker!: WorkbenchWorker;
  editableBytes = 0;
  pageSize = 0;
  private a!: TraceSlot;
  private b!: TraceSlot;
  private panel!: ChartPanel;
  private compareA!: ChartPanel;
  private compareB!: ChartPanel;
  private zoom: Domain | null = null;
  /** The line of the cycle last picked in a chart or a list: a share link keeps it. */
  private selectedLine: number | null = null;
  /** What a share link asks to show once your trace is read: its range and selected cycle. */
  private pendingView: { zoom: Domain | null; line: number | null } | null = null;
  private summaryA: RangeSummary | null = null;
  private refreshes = 0;
  private firstChartsMarked = false;
  /** The trace watched live, on a page opened as `?live=TOKEN` by `gctrace watch`. */
  private live: LiveSession | null = null;

  connectedCallback(): void {
    if (this.worker) return;
    this.editableBytes = Number(this.dataset.editableBytes);
    this.pageSize = Number(this.dataset.pageSize);
    this.worker = new WorkbenchWorker();
    const style = document.createElement('style');
    style.textContent = chartCss;
    document.head.append(style);

    const pager = new Pager(this.find('[data-pager]'), this.pageSize, (first, count) =>
      this.a.id === null ? Promise.resolve([]) : this.worker.page(this.a.id, first, count),
    );
    this.a = new TraceSlot('a', this.find('[data-slot="a"]'), this, pager);
    this.b = new TraceSlot('b', this.find('[data-slot="b"]'), this, null);
    const panelOptions = {
      onZoom: (domain: Domain) => this.setZoom(domain),
      onLine: (line: number) => this.selectLine(line),
      onExportError: (message: string) => this.showError(message),
    };
    this.panel = new ChartPanel(this.find('[data-charts]'), {
      ...panelOptions,
      idPrefix: 'wb',
      kinds: ['heap', 'pause', 'cpu', 'alloc'],
      label: '',
      fileBase: () => this.fileBase(this.a),
    });
    this.compareA = new ChartPanel(this.find('[data-compare-charts="a"]'), {
      ...panelOptions,
      idPrefix: 'wb-compare-a',
      kinds: ['heap', 'pause'],
      label: 'A',
      fileBase: () => this.fileBase(this.a),
    });
    this.compareB = new ChartPanel(this.find('[data-compare-charts="b"]'), {
      ...panelOptions,
      idPrefix: 'wb-compare-b',
      kinds: ['heap', 'pause'],
      label: 'B',
      fileBase: () => this.fileBase(this.b),
      // B's lines are not on the page to reveal.
      onLine: () => undefined,
    });

    this.wireZoom();
    this.wireLines();
    this.wireActions();
    // Opening a share link in a tab already on this page changes only the hash.
    window.addEventListener('hashchange', () => void this.openSharedLink());
    this.dataset.script = 'ready';
    void this.start();
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private showError(text: string): void {
    this.find('[data-error]').replaceChildren(...(text ? [el('p', {}, text)] : []));
  }

  // ---------------------------------------------------------------- what the slots report

  loadStarted(slot: TraceSlot): void {
    if (slot !== this.a) return;
    performance.mark('workbench:load-start');
    this.firstChartsMarked = false;
    this.refreshes++;
    this.selectedLine = null;
    delete this.dataset.selectedLine;
    delete this.dataset.ready;
    delete this.dataset.firstCharts;
    this.summaryA = null;
    this.find('[data-findings]').replaceChildren(
      el('p', { class: 'wb-hint' }, 'Reading the trace…'),
    );
    this.find('[data-sample-note]').textContent = '';
  }

  partlyRead(slot: TraceSlot, preview: ChartRange | null): void {
    if (slot === this.a && preview) void this.drawPreview(preview);
  }

  read(slot: TraceSlot): void {
    if (slot !== this.a) {
      void this.refresh();
      return;
    }
    const view = this.pendingView;
    this.pendingView = null;
    this.zoom = view?.zoom ?? null;
    performance.mark('workbench:loaded');
    void this.refresh().then(() => {
      if (view?.line) this.selectLine(view.line, { focus: false });
    });
  }

  /** Shows a cycle's line in your trace and remembers it as the selected cycle. */
  private selectLine(line: number, options?: { focus?: boolean }): void {
    this.selectedLine = line;
    this.dataset.selectedLine = String(line);
    this.a.revealLine(line, options);
  }

  runChanged(slot: TraceSlot): void {
    if (slot === this.a) this.zoom = null;
    void this.refresh();
  }

  cleared(slot: TraceSlot): void {
    if (slot === this.a) {
      this.find('[data-results]').hidden = true;
      this.dispatchEvent(new CustomEvent('traceview', { detail: null }));
    }
    void this.refresh();
  }

  busy(): void {
    delete this.dataset.ready;
  }

  // ---------------------------------------------------------------- charts and findings

  private async drawPreview(view: ChartRange): Promise<void> {
    this.dataset.loading = 'true';
    this.find('[data-results]').hidden = false;
    const drawn = await this.panel.show(view);
    if (drawn) this.markFirstCharts();
  }

  private markFirstCharts(): void {
    if (this.firstChartsMarked) return;
    this.firstChartsMarked = true;
    performance.mark('workbench:first-charts');
    this.dataset.firstCharts = 'true';
  }

  /** Redraws charts, findings and the comparison for the current runs and range. */
  async refresh(): Promise<void> {
    const generation = ++this.refreshes;
    const stale = () => generation !== this.refreshes;
    const a = this.a;
    this.dataset.refreshing = 'true';
    try {
      // A live trace is drawn as it grows; any other once it is read.
      // A trace with no gc line has no run to chart: the slot says what it holds instead.
      if (a.id !== null && a.state?.final && a.state.runs.length === 0 && !a.live) {
        this.find('[data-results]').hidden = true;
      } else if (
        a.id !== null &&
        a.state &&
        (a.state.final || (a.live && a.state.cycleCount > 0))
      ) {
        const [view, summary] = await Promise.all([
          this.worker.view(a.id, a.run, this.zoom),
          this.worker.summary(a.id, a.run, this.zoom),
        ]);
        if (stale()) return;
        this.summaryA = summary;
        this.renderZoomInputs(view.domain);
        const drawn = await this.panel.show(view);
        if (drawn) this.markFirstCharts();
        if (stale()) return;
        // The profile panel places its profiles on this time axis.
        this.dispatchEvent(new CustomEvent('traceview', { detail: view }));
        this.renderSummary(summary);
        this.find('[data-results]').hidden = false;
      }
      await this.refreshCompare(stale);
    } catch (error) {
      if (!stale()) this.showError((error as Error).message);
    } finally {
      if (!stale()) {
        delete this.dataset.refreshing;
        delete this.dataset.loading;
        this.dataset.ready = 'true';
      }
    }
  }

  private renderSummary(summary: RangeSummary): void {
    const host = this.find('[data-findings]');
    host.replaceChildren(
      renderFindings(document, {
        verdict: summaryVerdict(summary),
        findings: summaryFindings(summary),
      }),
    );
    const notes: string[] = [];
    const sample = sampleSentence(summary);
    if (sample) notes.push(sample);
    if (summary.domain) notes.push(rangeNote(summary.domain, summary.stats.cycles));
    this.find('[data-sample-note]').textContent = notes.join(' ');
    host.dataset.verdict = summary.analysis.leak.verdict;
  }

  private renderZoomInputs(domain: Domain): void {
    // A live trace redraws often: a box being typed in keeps what is typed.
    for (const [selector, value] of [
      ['[data-zoom-from]', domain[0]],
      ['[data-zoom-to]', domain[1]],
    ] as const) {
      const input = this.find<HTMLInputElement>(selector);
      const text = rangeInputValue(value);
      if (document.activeElement !== input && input.value !== text) input.value = text;
    }
    // Written only when it changes: the status region would say it again otherwise.
    const state = this.find('[data-zoom-state]');
    const text = zoomStateText(domain, this.zoom !== null);
    if (state.textContent !== text) state.textContent = text;
  }

  private async refreshCompare(stale: () => boolean): Promise<void> {
    const { a, b, worker, zoom } = this;
    const table = this.find('[data-compare-table]');
    const charts = this.find('[data-compare-body]');
    if (a.id === null || b.id === null || !a.state?.final || !b.state?.final) {
      charts.hidden = true;
      table.replaceChildren(
        el('p', { class: 'wb-hint' }, compareWaitText(a.id !== null, b.id !== null)),
      );
      return;
    }
    if (a.state.runs.length === 0 || b.state.runs.length === 0) {
      charts.hidden = true;
      table.replaceChildren(el('p', { class: 'wb-hint' }, compareNoGcLineText(a.state, b.state)));
      return;
    }
    let domain = zoom;
    if (domain === null) {
      const [fullA, fullB] = await Promise.all([
        worker.view(a.id, a.run, null),
        worker.view(b.id, b.run, null),
      ]);
      domain = unionDomain(fullA.domain, fullB.domain);
    }
    const summaryA = this.summaryA;
    const [viewA, viewB, sumA, sumB] = await Promise.all([
      worker.view(a.id, a.run, domain),
      worker.view(b.id, b.run, domain),
      summaryA && summaryA.domain === zoom ? summaryA : worker.summary(a.id, a.run, zoom),
      worker.summary(b.id, b.run, zoom),
    ]);
    if (stale()) return;
    charts.hidden = false;
    await this.compareA.show(viewA);
    await this.compareB.show(viewB);
    if (stale()) return;
    this.renderDifferences(sumA, sumB);
  }

  private renderDifferences(sumA: RangeSummary, sumB: RangeSummary): void {
    const table = el('table', { class: 'chart-table wb-diff' });
    table.append(el('caption', {}, differencesCaption(this.a, this.b, this.zoom)));
    const head = el('tr');
    for (const label of ['Measure', 'A', 'B', 'B − A'])
      head.append(el('th', { scope: 'col' }, label));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const row of differenceRows(sumA, sumB)) {
      const tr = el('tr');
      tr.append(
        el('th', { scope: 'row' }, row.label),
        el('td', {}, row.a),
        el('td', {}, row.b),
        el('td', {}, row.change),
      );
      body.append(tr);
    }
    table.append(thead, body);
    const notes = [sampleSentence(sumA), sampleSentence(sumB)].filter((n): n is string => !!n);
    const scroller = el('div', { class: 'wb-scroll', tabindex: '0', role: 'region' });
    scroller.setAttribute('aria-label', 'Differences between trace A and trace B');
    scroller.append(table);
    this.find('[data-compare-table]').replaceChildren(
      scroller,
      ...notes.map((n) => el('p', { class: 'wb-hint' }, n)),
    );
  }

  // ---------------------------------------------------------------- zoom

  private setZoom(domain: Domain | null): void {
    this.zoom = domain;
    void this.refresh();
  }

  private wireZoom(): void {
    const shown = () => this.panel.currentView?.domain ?? null;
    this.find('[data-zoom-form]').addEventListener('submit', (event) => {
      event.preventDefault();
      const range = typedRange(
        this.find<HTMLInputElement>('[data-zoom-from]').value,
        this.find<HTMLInputElement>('[data-zoom-to]').value,
      );
      if (range === null) {
        this.find('[data-zoom-state]').textContent =
          'Give a start time smaller than the end time, in seconds.';
        return;
      }
      this.setZoom(range);
    });
    this.find('[data-action="zoom-out"]').addEventListener('click', () => {
      const domain = shown();
      if (domain && this.zoom !== null) this.setZoom(zoomedOut(domain));
    });
    this.find('[data-action="zoom-reset"]').addEventListener('click', () => this.setZoom(null));
    for (const [action, direction] of [
      ['pan-left', -1],
      ['pan-right', 1],
    ] as const) {
      this.find(`[data-action="${action}"]`).addEventListener('click', () => {
        const domain = shown();
        if (domain) this.setZoom(panned(domain, direction));
      });
    }
  }

  /** A line button in your trace's problems or in the findings shows that line of your trace. */
  private wireLines(): void {
    this.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('button[data-line]');
      if (!target) return;
      if (!this.a.scope.contains(target) && !this.find('[data-results]').contains(target)) return;
      const line = Number(target.dataset.line);
      if (line > 0) this.selectLine(line);
    });
  }

  // ---------------------------------------------------------------- clear, share and export

  private wireActions(): void {
    this.find('[data-action="clear"]').addEventListener('click', () => {
      const previous = this.a.text;
      this.live?.close();
      this.a.clear();
      if (previous) this.offerRestore(previous, 'Cleared. Bring back the trace you had?');
    });
    this.find('[data-action="share"]').addEventListener('click', () => void this.share());
    const fileBase = () => this.fileBase(this.a);
    for (const format of ['csv', 'json'] as const) {
      this.find(`[data-action="export-${format}"]`).addEventListener('click', async () => {
        const a = this.a;
        if (a.id === null) return;
        try {
          const blob = await this.worker.export(a.id, a.run, this.zoom, format);
          download(blob, cyclesFileName(fileBase(), format));
        } catch (error) {
          this.showError(`The export failed: ${(error as Error).message}`);
        }
      });
    }
    this.find('[data-action="export-markdown"]').addEventListener('click', () => {
      const a = this.a;
      if (!this.summaryA || !a.state) return;
      const text = findingsMarkdown({
        source: a.name || 'pasted trace',
        run: a.run,
        runCount: a.state.runs.length,
        summary: this.summaryA,
        problems: a.state.problemCount,
        lines: a.state.lineCount,
      });
      download(new Blob([text], { type: 'text/markdown' }), findingsFileName(fileBase()));
    });
  }

  /** The start of the names of a trace's exported files: its name, and its run if it has several. */
  private fileBase(slot: TraceSlot): string {
    return exportBaseName(slot.name, slot.run, slot.state?.runs.length ?? 0);
  }

  private offerRestore(text: string, message: string): void {
    const box = this.find('[data-notice]');
    const p = el('p', {}, message + ' ');
    const button = el('button', { type: 'button', class: 'button' }, 'Bring it back');
    button.addEventListener('click', () => {
      this.a.loadText(text, 'your earlier trace', { save: true });
      box.replaceChildren(el('p', {}, 'Your earlier trace is back.'));
    });
    p.append(button);
    box.replaceChildren(p);
  }

  private async share(): Promise<void> {
    const out = this.find('[data-share-output]');
    const input = out.querySelector('input')!;
    const message = this.find('[data-share-message]');
    const what = shareable(this.a);
    if (what !== 'text' || this.a.text === null) {
      out.hidden = true;
      message.textContent = shareRefusal(what === 'text' ? 'big-file' : what, maxFragmentChars);
      return;
    }
    const { a, b } = this;
    const view: SharedView = {
      text: this.a.text,
      name: a.name,
      run: a.run,
      zoom: this.zoom,
      line: this.selectedLine,
      // A big second trace (shown in pages) does not travel in a link.
      compare: b.id !== null && b.text ? { text: b.text, name: b.name, run: b.run } : null,
    };
    const result = await encodeShare(view);
    if (!result.ok) {
      out.hidden = true;
      message.textContent = result.message;
      return;
    }
    const link = `${location.origin}${location.pathname}#${result.fragment}`;
    out.hidden = false;
    input.value = link;
    input.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // Without clipboard access the link is still there to copy by hand.
    }
    message.textContent = `${copied ? 'Link copied' : 'Link ready'}: ${Math.ceil(link.length / 1024)} KB, with ${view.compare ? 'both traces' : 'the trace'} compressed inside it, and the run, range and selected cycle shown now. Nothing is sent to any server.`;
  }

  // ---------------------------------------------------------------- start

  /**
   * Brings back what the page held: a shared link first, then your saved trace and B's. A page
   * opened by `gctrace watch` shows the watched trace instead of yours (which stays saved).
   */
  private async start(): Promise<void> {
    const { a, b } = this;
    const saved = loadSaved('a');
    const savedB = loadSaved('b');
    if (savedB && savedB.text) b.loadText(savedB.text, savedB.name, { save: false });
    const liveUrl = liveEventsUrl(location.href);
    if (liveUrl !== null) {
      this.startLive(liveUrl);
      return;
    }
    const { shared, error } = await this.readHash();
    if (shared !== null) {
      this.openShared(
        shared,
        saved?.text ?? null,
        'This page opened a shared trace. Your own trace is kept:',
      );
      return;
    }
    // Loading a trace clears the slot's error: the link's error is shown after it.
    const showLinkError = (shown: 'saved' | 'nothing') => {
      if (error !== null) this.showError(linkErrorText(error, shown));
    };
    if (saved?.big) {
      const file = await loadBig('a');
      if (file) {
        await a.loadFile(file);
        showLinkError('saved');
        return;
      }
    }
    if (saved?.text) a.loadText(saved.text, saved.name, { save: false });
    else a.render();
    showLinkError(saved?.text ? 'saved' : 'nothing');
    void this.refresh();
  }

  /**
   * The share link in the address, or why it cannot be opened. An anchor of this page (the skip
   * link's #main) is no share link.
   */
  private async readHash(): Promise<{ shared: SharedView | null; error: string | null }> {
    const hash = location.hash;
    let id = hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not an anchor's name either: left as it is.
    }
    if (id !== '' && document.getElementById(id)) return { shared: null, error: null };
    try {
      return { shared: await decodeShare(hash), error: null };
    } catch (error) {
      return { shared: null, error: (error as Error).message };
    }
  }

  // ---------------------------------------------------------------- live

  private startLive(url: string): void {
    const a = this.a;
    a.startLive('live trace');
    this.loadStarted(a);
    this.live = new LiveSession(url, this.find('[data-live]'), {
      append: (lines, end) => a.appendLive(lines, end),
      show: (lastLine) => this.showLive(lastLine),
      ended: () => a.endLive(),
      failed: (message) => this.showError(message),
    });
    this.live.start();
  }

  /** Shows the live trace up to `lastLine`: text, status, charts and findings. */
  private async showLive(lastLine: number): Promise<void> {
    const a = this.a;
    a.showLive();
    if ((a.state?.cycleCount ?? 0) > 0) await this.refresh();
    else if (a.state?.final)
      a.notice(
        'No gc line arrived, so there is nothing to chart. Was GODEBUG=gctrace=1 set and standard error passed on, and did the program run long enough to collect garbage?',
      );
    // What the page shows now, for the tests and the latency benchmark.
    this.dataset.liveLine = String(lastLine);
    performance.mark('workbench:live-shown', { detail: { line: lastLine } });
  }

  /** Shows a shared trace and its view, offering back `previous` (what it replaces). */
  private openShared(shared: SharedView, previous: string | null, message: string): void {
    if (previous && previous !== shared.text) this.offerRestore(previous, message);
    this.pendingView = { zoom: shared.zoom ?? null, line: shared.line ?? null };
    if (shared.compare)
      this.b.loadText(shared.compare.text, shared.compare.name || 'shared second trace', {
        save: true,
        run: shared.compare.run ?? null,
      });
    this.a.loadText(shared.text, shared.name || 'shared link', {
      save: true,
      run: shared.run ?? null,
    });
    history.replaceState(null, '', location.pathname + location.search);
  }

  private async openSharedLink(): Promise<void> {
    const a = this.a;
    // The live trace keeps its slot until it is cleared.
    if (a.holdsLiveTrace) return;
    const { shared, error } = await this.readHash();
    if (error !== null)
      this.showError(linkErrorText(error, a.id !== null || a.text ? 'current' : 'nothing'));
    if (shared !== null) this.openShared(shared, a.text, 'A shared trace replaced yours:');
  }
}

customElements.define('trace-workbench', WorkbenchElement);

export type { WorkbenchElement };
