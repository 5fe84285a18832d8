/**
 * <trace-cell>: makes a build-time-rendered trace cell live. Every edit re-parses the trace and
 * updates status, charts and findings; edits are kept in localStorage; Monaco replaces the
 * textarea once the cell is near the viewport (or focused), except on touch screens.
 */
import type { Chart, ChartCycle, ChartKind } from '../charts/index.ts';
import { editorLineCount, explainAt, lineCount } from '../gctrace/index.ts';
import type { ExplainOptions } from '../gctrace/index.ts';
import {
  buildCellModel,
  buildCellModelOrReason,
  type CellModel,
  type CellView,
} from '../cell/model.ts';
import {
  cellKey,
  cellStore,
  readableStorage,
  type CellStore,
  type SaveResult,
} from '../cell/storage.ts';
import {
  chartCaption,
  chartFunctions,
  renderChartsTable,
  renderFindings,
  renderProblems,
  renderStatus,
} from '../cell/view.ts';
import { textareaEditor, type EditorTrace, type TraceEditor } from '../editor/trace-editor.ts';
import { cellWorker, workerAvailable, type CellWorker } from '../cell/worker-client.ts';
import { pageParseLineLimit, wantsMonaco } from '../editor/choose-editor.ts';
import { appendBatcher, type AppendBatcher } from '../cell/append-batcher.ts';
import { onceNear } from './once-near.ts';

const tabId = Math.random().toString(36).slice(2);

/** Runs work when the browser is idle, so it never competes with the first paint or scroll. */
function idle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 300);
}

/** One chart of a cell: the live chart once drawn, its figure, and what it last drew. */
interface ChartSlot {
  chart: Chart | null;
  figure: HTMLElement;
  caption: HTMLElement;
  /** Near the viewport. */
  visible: boolean;
  /** The data and highlight it last drew; equal ones need no redraw. */
  drawn: { cycles: readonly ChartCycle[]; highlight: ReadonlySet<number> } | null;
}

class TraceCellElement extends HTMLElement {
  private editor!: TraceEditor;
  private store!: CellStore;
  private original = '';
  /** What the cell shows now, and the model behind it when it was built on the page. */
  private model: CellView | null = null;
  private localModel: CellModel | null = null;
  private worker: CellWorker | null = null;
  /** The parts of the cell drawn for the view shown, so an unchanged part is left alone. */
  private drawnParts = { status: '', problems: '', findings: '', captions: -1 };
  /** Each chart, and whether it is near the viewport and which model it last drew. */
  private charts = new Map<ChartKind, ChartSlot>();
  /** The charts' data table, and the cycles it has every row of (null: the built summary). */
  private dataTable: { details: HTMLDetailsElement; shows: readonly ChartCycle[] | null } | null =
    null;
  private highlight = new Set<number>();
  private beforeReset: string | null = null;
  private saveTimer = 0;
  private monacoRequested = false;
  private conflict = false;
  /**
   * The learner typed in this cell in this tab. A tab that only ever showed a saved or another
   * tab's version takes another tab's edit without asking: it has nothing of its own to lose.
   */
  private editedHere = false;
  /**
   * True while the cell still shows exactly what the build rendered: nothing needs redrawing,
   * so a page with several cells does no work at load beyond wiring its controls.
   */
  private pristine = true;

  connectedCallback(): void {
    if (this.editor) return;
    const textarea = this.querySelector<HTMLTextAreaElement>('textarea.trace-text')!;
    this.original = textarea.defaultValue;
    this.store = cellStore(
      readableStorage(),
      cellKey(location.pathname, this.dataset.cellId!),
      tabId,
    );

    const saved = this.store.load();
    if (saved && saved.text !== this.original) textarea.value = saved.text;
    else textarea.value = this.original;
    if (!this.store.available) {
      this.notice(
        'Your browser is not keeping data for this site, so edits here last only until you leave the page.',
      );
    }

    const monacoDue = wantsMonaco() && !this.hasAttribute('data-plain-editor');
    // Where the text box stays the editor (a touch screen), a panel explains the field at the
    // caret in place of hovers.
    this.editor = textareaEditor(
      textarea,
      monacoDue ? undefined : this.querySelector<HTMLElement>('[data-explain-panel]')!,
    );
    this.wireEditor();
    // The caret's explanation needs the parse at once, not at the next idle moment.
    textarea.addEventListener(
      'focus',
      () => {
        this.showTraceText();
        this.ensureModel();
      },
      { once: true },
    );
    this.adoptCharts();
    const edited = textarea.value !== this.original;
    if (edited) this.update(textarea.value);
    // As the cell nears the viewport its text box lays out its trace (trace-cell.css), and where
    // Monaco is due the parse behind its explanations and the live charts is built at an idle
    // moment, so the cells far down a long lesson cost its loading nothing. Where the text box
    // stays the editor (a phone), the parse waits for the reader to reach for the cell (focus, a
    // chart, the table): built as the cell neared the viewport, it was the largest task of a
    // phone's page load, for nothing the page shows until then.
    onceNear(
      this,
      () => {
        this.showTraceText();
        if (monacoDue && !edited) idle(() => this.ensureModel());
      },
      '600px 0px',
    );
    this.wireButtons();
    this.wireStorageEvents();
    // The printed handout shows the trace as text, which the page writes (the built page has it
    // once, in the textarea), kept up to date with the learner's edits.
    const print = document.createElement('pre');
    print.className = 'trace-print';
    print.setAttribute('aria-hidden', 'true');
    print.textContent = textarea.value;
    this.querySelector('[data-editor-box]')!.after(print);
    window.addEventListener('beforeprint', () => {
      print.textContent = this.editor.getValue();
    });
    if (monacoDue) this.loadMonacoWhenNear(textarea);
  }

  /**
   * Gives the cell a new original trace (the simulator and the replay use this): the editor shows
   * it, nothing is saved, and Reset returns to it.
   */
  setOriginal(text: string): void {
    this.original = text;
    this.beforeReset = null;
    this.dropPendingSave();
    this.editor.setValue(text);
    this.update(text);
    this.store.clear();
  }

  /** Lets the text box lay out and show its trace (kept hidden until the cell nears the view). */
  private showTraceText(): void {
    this.toggleAttribute('data-text-shown', true);
  }

  /** Scrolls the editor to the last line without taking the focus (for the replay). */
  revealLastLine(): void {
    this.showTraceText();
    const text = this.editor.getValue();
    this.editor.revealLine(editorLineCount(text), { focus: false });
  }

  /** The trace text the cell shows now (while a program runs, all it has printed so far). */
  get value(): string {
    return this.running ? this.runValue : this.editor.getValue();
  }

  /** What the cell shows of its trace now: status, chart data, findings and verdict. */
  get view(): CellView {
    return this.ensureModel();
  }

  // ---------------------------------------------------------------- a program's run streaming in

  /** True while a program's output streams into the cell; the editor is read-only meanwhile. */
  private running = false;
  private runText: AppendBatcher | null = null;
  /** The run's text is not empty yet: the next line needs no line break before it. */
  private runHasText = false;
  private runSaveTimer = 0;
  /** Monaco was due while a run streamed in: it comes when the run ends. */
  private monacoAfterRun = false;
  /**
   * Monaco steps aside while a run streams in: the plain text box shows the lines (appending to
   * it costs the page far less than re-rendering the editor every frame), and Monaco takes the
   * whole trace once, when the run ends.
   */
  private monacoDuringRun: TraceEditor | null = null;
  /** The run's text so far, kept here so that a frame never reads the whole text back. */
  private runValue = '';
  /** Lines in the text box while a run streams in: it holds the last ones only (see below). */
  private runShownLines = 0;
  /** A chart redraw is waiting for its own task while a run streams in. */
  private chartsPending = false;

  /**
   * Empties the cell for a program's run and makes the editor read-only until `endRun`. An edit
   * of the learner's that the run replaces can be brought back afterwards.
   */
  beginRun(): void {
    if (this.running) return;
    this.showTraceText();
    const replaced = this.editor.getValue();
    this.running = true;
    this.dataset.running = '';
    this.dropPendingSave();
    // Twenty updates a second at most: the charts still grow smoothly, and a lesson page full of
    // cells has time to lay itself out between them.
    this.runText ??= appendBatcher((text) => this.showRunText(text), { minGapMs: 50 });
    this.runText.clear();
    this.runHasText = false;
    this.runValue = '';
    this.runShownLines = 0;
    if (this.editor.kind === 'monaco') {
      this.monacoDuringRun = this.editor;
      this.editor = textareaEditor(this.showTextBox(true));
    }
    this.editor.setReadOnly(true);
    this.editor.setValue('');
    this.update('');
    for (const action of ['reset', 'undo-reset']) {
      this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.disabled = true;
    }
    this.replacedByRun = replaced !== this.original && replaced.trim() !== '' ? replaced : null;
    this.notice(
      `The program is running: its trace streams in here, and the editor is read-only until it ends or you press Stop. While it runs the box shows its last ${runTailLines} lines; it holds all of them when the run ends.`,
    );
    if (!this.pagehideWired) {
      this.pagehideWired = true;
      // A reload in the middle of a run keeps what has arrived.
      window.addEventListener('pagehide', () => {
        if (this.running) this.save(this.runValue);
      });
    }
  }

  private pagehideWired = false;

  /** Adds whole lines at the end of the trace, as if pasted there; shown at most once a frame. */
  appendLines(lines: readonly string[]): void {
    if (!this.running || lines.length === 0) return;
    const text = (this.runHasText ? '\n' : '') + lines.join('\n');
    this.runHasText = true;
    this.runText!.push(text);
  }

  /** The run is over: the last lines are shown, the trace saved, and the editor editable again. */
  endRun(): void {
    if (!this.running) return;
    this.runText!.flush();
    this.running = false;
    delete this.dataset.running;
    this.editor.setReadOnly(false);
    if (this.runShownLines < lineTotal(this.runValue)) {
      // The text box showed the last lines only: now it holds the whole trace.
      this.editor.setValue(this.runValue);
      if (!this.monacoDuringRun) this.revealLastLine();
    }
    if (this.monacoDuringRun) {
      this.editor.dispose();
      this.showTextBox(false);
      this.editor = this.monacoDuringRun;
      this.monacoDuringRun = null;
      this.editor.setValue(this.runValue);
      this.editor.showTrace(this.editorTrace!);
      this.revealLastLine();
    }
    for (const action of ['reset', 'undo-reset']) {
      this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.disabled = false;
    }
    window.clearTimeout(this.runSaveTimer);
    this.runSaveTimer = 0;
    this.save(this.runValue);
    this.offerReplacedEdit();
    if (this.monacoAfterRun) {
      this.monacoAfterRun = false;
      void this.swapInMonaco(this.querySelector<HTMLTextAreaElement>('textarea.trace-text')!);
    }
  }

  private replacedByRun: string | null = null;

  /** Shows the plain text box in Monaco's place (or Monaco again), and returns the text box. */
  private showTextBox(show: boolean): HTMLTextAreaElement {
    const textarea = this.querySelector<HTMLTextAreaElement>('textarea.trace-text')!;
    textarea.hidden = !show;
    this.querySelector<HTMLElement>('.monaco-host')!.hidden = show;
    return textarea;
  }

  /**
   * Shows a batch of a run's lines. The text box keeps the last `runTailLines` lines only: the
   * browser lays out a text box's whole text on every change, and a long run's megabyte would
   * cost it a long pause each frame. The cell's trace, parsed and charted, is always all of it.
   */
  private showRunText(text: string): void {
    this.runValue += text;
    this.runShownLines += lineTotal(text) - (this.runShownLines === 0 ? 0 : 1);
    if (this.runShownLines > 2 * runTailLines) {
      this.editor.setValue(lastLines(this.runValue, runTailLines));
      this.runShownLines = runTailLines;
      // Appending nothing keeps a view that followed the end at the end.
      this.editor.append('');
    } else {
      this.editor.append(text);
    }
    this.update(this.runValue);
    // Saved every few seconds (and when the page goes away), so a reload keeps what has arrived.
    if (this.runSaveTimer === 0) {
      this.runSaveTimer = window.setTimeout(() => {
        this.runSaveTimer = 0;
        if (this.running) this.save(this.runValue);
      }, 5000);
    }
  }

  /** Says that the run replaced the learner's edit, with a button that brings it back. */
  private offerReplacedEdit(): void {
    const replaced = this.replacedByRun;
    this.replacedByRun = null;
    const box = this.querySelector<HTMLElement>('[data-notice]')!;
    if (replaced === null) {
      box.replaceChildren();
      return;
    }
    const message = document.createElement('p');
    message.textContent = 'This run replaced the trace you had edited.';
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.className = 'button';
    restore.textContent = 'Bring back my edited trace';
    restore.addEventListener('click', () => {
      if (this.running) return;
      this.editor.setValue(replaced);
      this.update(replaced);
      this.save(replaced);
      box.replaceChildren();
    });
    box.replaceChildren(message, restore);
  }

  private wireEditor(): void {
    this.editor.onChange((text) => {
      this.editedHere = true;
      this.update(text);
      this.scheduleSave(text);
    });
    this.editor.onSelectLines((first, last) => {
      const model = this.ensureModel();
      const highlight = new Set(
        model.chartCycles.filter((c) => c.line >= first && c.line <= last).map((c) => c.line),
      );
      // Typing moves the caret along a line: the same cycles stay highlighted, and redrawing
      // every chart for them would double the work of each keystroke.
      if (
        highlight.size === this.highlight.size &&
        [...highlight].every((line) => this.highlight.has(line))
      ) {
        return;
      }
      this.highlight = highlight;
      this.pristine = false;
      // A single caret on a non-cycle line highlights nothing; that is the usual case.
      for (const slot of this.charts.values()) slot.drawn = null;
      this.drawVisibleCharts();
    });
  }

  /**
   * Replaces each build-time SVG with a live chart of the same kind: when the trace changes, or
   * when the pointer comes over it (the built chart has no tooltips or click targets). Only
   * charts near the viewport redraw on a keystroke; the others catch up when they are scrolled to.
   */
  private adoptCharts(): void {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const slot = this.charts.get((entry.target as HTMLElement).dataset.kind as ChartKind);
          if (slot) slot.visible = entry.isIntersecting;
        }
        this.drawVisibleCharts();
      },
      { rootMargin: '150px 0px' },
    );
    for (const figure of this.querySelectorAll<HTMLElement>('figure.cell-chart')) {
      const kind = figure.dataset.kind as ChartKind;
      // The build-time SVG stays until the live chart first draws, so nothing flashes.
      const slot: ChartSlot = {
        chart: null,
        figure,
        caption: figure.querySelector<HTMLElement>('figcaption')!,
        visible: false,
        drawn: null,
      };
      this.charts.set(kind, slot);
      observer.observe(figure);
      figure.addEventListener('pointerenter', () => {
        if (slot.chart === null) this.drawChart(kind, slot, this.ensureModel());
      });
    }
    const details = this.querySelector<HTMLDetailsElement>('details.chart-data');
    if (details) {
      this.dataTable = { details, shows: null };
      details.addEventListener('toggle', () => this.refreshTable());
    }
    this.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement | SVGElement>('[data-line]');
      if (!target || !this.contains(target)) return;
      const line = Number(target.getAttribute('data-line'));
      if (line > 0) this.editor.revealLine(line);
    });
  }

  /** An open data table shows every cycle of the trace shown (the built one may be a summary). */
  private refreshTable(): void {
    const table = this.dataTable;
    if (!table?.details.open) return;
    const cycles = this.ensureModel().chartCycles;
    if (table.shows === cycles) return;
    table.details
      .querySelector('table')
      ?.replaceWith(renderChartsTable(document, [...this.charts.keys()], cycles));
    table.shows = cycles;
  }

  private requestId = 0;
  private shownId = 0;
  /** The text of the latest update, which the edited badge describes. */
  private latestText = '';

  /** Re-derives everything from the text: here for small traces, in a worker for big ones. */
  private update(text: string): void {
    const id = ++this.requestId;
    this.latestText = text;
    if (lineCount(text, pageParseLineLimit + 1) <= pageParseLineLimit || !workerAvailable()) {
      this.worker?.forget();
      this.shownId = id;
      const built = buildCellModelOrReason(text, undefined, this.localModel ?? undefined);
      if ('reason' in built) {
        this.cannotRead(built.reason);
        return;
      }
      this.localModel = built.model;
      this.show(built.model, localTrace(built.model, this.explainOptions()));
      return;
    }
    this.localModel = null;
    this.worker ??= cellWorker(
      this.dataset.cellId!,
      (viewId, view) => {
        // Views may arrive while later edits are still being parsed: show each one newer than
        // what is on screen, so the cell keeps up during fast typing instead of freezing.
        if (viewId <= this.shownId) return;
        this.shownId = viewId;
        this.show(view, this.workerTrace(view));
      },
      (message) => {
        this.notice(
          `The background reader of this page's traces stopped (${message}); this cell now reads its trace on the page, which may be slower.`,
        );
        this.update(this.editor.getValue());
      },
      (viewId, message) => {
        if (viewId > this.shownId) this.cannotRead(message);
      },
    );
    this.worker.build(id, text);
  }

  /** The Go release that printed the cell's sample (from its provenance), for release-aware hovers. */
  private explainOptions(): ExplainOptions {
    return { goRelease: this.dataset.goRelease ?? null };
  }

  private workerTrace(view: CellView): EditorTrace {
    const worker = this.worker!;
    return {
      diagnostics: view.diagnostics,
      explain: (line, column) => worker.explain(line, column, this.explainOptions()),
    };
  }

  /** The view of the text shown, computed now if the idle-time computation has not run yet. */
  private ensureModel(): CellView {
    if (!this.model) {
      const model = buildCellModel(this.editor.getValue());
      this.localModel = model;
      this.model = model;
      this.editorTrace = localTrace(model, this.explainOptions());
      this.editor.showTrace(this.editorTrace);
      this.dataset.model = 'built';
    }
    return this.model;
  }

  private editorTrace: EditorTrace | null = null;

  /** Puts a view on screen: charts first, then whatever else changed. */
  private show(view: CellView, trace: EditorTrace): void {
    if (this.dataset.readFailed) {
      delete this.dataset.readFailed;
      this.notice('');
    }
    this.pristine = false;
    const chartsChanged = this.model?.chartCycles !== view.chartCycles;
    this.model = view;
    this.dataset.model = 'built';
    this.editorTrace = trace;
    this.editor.showTrace(trace);
    if (this.running) {
      // While a run streams in, the charts are drawn in a task of their own, so that no single
      // task of the page parses, lays out and redraws a long trace all at once.
      if (!this.chartsPending) {
        this.chartsPending = true;
        setTimeout(() => {
          this.chartsPending = false;
          this.drawVisibleCharts();
        });
      }
    } else {
      // Charts first: they are what the learner watches while typing.
      this.drawVisibleCharts();
    }
    this.showParts(view, chartsChanged);
    // A view of an older text leaves the badge to the latest one.
    if (this.shownId === this.requestId) this.markEdited(this.latestText !== this.original);
    this.dispatchEvent(new CustomEvent('cellupdate', { detail: { cycles: view.cycleCount } }));
  }

  /** Status, problems, captions, tables and findings: each rebuilt only when it changed. */
  private showParts(view: CellView, chartsChanged: boolean): void {
    const parts = this.drawnParts;
    const status = [view.cycleCount, view.problemCount, view.eraLabel, view.runCount].join('|');
    const problems = view.problems
      .slice(0, 51)
      .map((p) => `${p.line}:${p.column}:${p.severity}:${p.message}`)
      .join('\n');
    if (status !== parts.status || problems !== parts.problems) {
      parts.status = status;
      parts.problems = problems;
      this.querySelector('[data-status-row]')!.replaceChildren(
        renderStatus(document, view),
        renderProblems(document, view),
      );
    }
    for (const [kind, slot] of this.charts) {
      if (parts.captions !== view.chartCycles.length) {
        slot.caption.textContent = chartCaption(kind, view.chartCycles.length);
      }
    }
    if (chartsChanged) this.refreshTable();
    parts.captions = view.chartCycles.length;
    this.showNoCycles(view.chartCycles.length === 0 && !this.running);
    const findings = JSON.stringify([view.verdict, view.findings]);
    if (findings !== parts.findings) {
      parts.findings = findings;
      this.querySelector('[data-findings-host]')!.replaceChildren(renderFindings(document, view));
    }
  }

  /**
   * A trace without a cycle has nothing to chart: the charts (empty, on a made-up time axis) give
   * way to a sentence, the page's own (`data-no-cycles`, the simulator's reason) or the cell's.
   */
  private showNoCycles(none: boolean): void {
    const host = this.querySelector<HTMLElement>('[data-charts-host]')!;
    const text =
      this.dataset.noCycles || 'This trace has no GC cycle yet, so there is nothing to chart.';
    let message = host.querySelector<HTMLElement>(':scope > .cell-no-cycles');
    for (const child of host.children) {
      if (child !== message) (child as HTMLElement).hidden = none;
    }
    if (!none) {
      message?.remove();
      return;
    }
    if (!message) {
      message = document.createElement('p');
      message.className = 'cell-no-cycles';
      host.prepend(message);
    }
    if (message.textContent !== text) message.textContent = text;
  }

  private drawVisibleCharts(): void {
    const model = this.model;
    if (!model || this.pristine) return;
    for (const [kind, slot] of this.charts) {
      if (
        !slot.visible ||
        (slot.drawn?.cycles === model.chartCycles && slot.drawn.highlight === this.highlight)
      ) {
        continue;
      }
      this.drawChart(kind, slot, model);
    }
  }

  /** Draws the live chart of `kind` for `model`, replacing the build-time one the first time. */
  private drawChart(kind: ChartKind, slot: ChartSlot, model: CellView): void {
    if (slot.chart === null) {
      slot.chart = chartFunctions[kind](model.chartCycles, {
        idPrefix: `cell-${this.dataset.cellId}-${kind}`,
        highlight: this.highlight,
      });
      slot.figure.querySelector('svg')?.replaceWith(slot.chart.node);
    } else {
      slot.chart.update(model.chartCycles, { highlight: this.highlight });
    }
    slot.drawn = { cycles: model.chartCycles, highlight: this.highlight };
  }

  private markEdited(edited: boolean): void {
    this.querySelector<HTMLElement>('[data-edited]')!.hidden = !edited;
    this.querySelector<HTMLElement>('[data-action="reset"]')!.hidden = !edited;
    if (edited) this.querySelector<HTMLElement>('[data-action="undo-reset"]')!.hidden = true;
  }

  private scheduleSave(text: string): void {
    window.clearTimeout(this.saveTimer);
    this.pendingSave = text;
    this.saveTimer = window.setTimeout(() => this.flushSave(), 300);
  }

  /** An edit typed in the last 300 ms, not saved yet. */
  private pendingSave: string | null = null;

  /** Saves the pending edit now (the page is going away or out of sight). */
  private flushSave(): void {
    window.clearTimeout(this.saveTimer);
    const text = this.pendingSave;
    if (text !== null && !this.running) this.save(text);
  }

  /** Forgets the pending edit: what replaced it (a reset, a run) is what counts. */
  private dropPendingSave(): void {
    window.clearTimeout(this.saveTimer);
    this.pendingSave = null;
  }

  private save(text: string): void {
    this.dropPendingSave();
    if (this.conflict) return;
    const result = text === this.original ? this.store.clear() : this.store.save(text);
    this.reportSave(result);
  }

  private reportSave(result: SaveResult): void {
    if (result.ok) return;
    if (result.reason === 'conflict') {
      this.showConflict(result.theirs.text);
    } else if (result.reason === 'full') {
      this.notice(
        'Browser storage is full, so this edit was not saved. It stays on the page until you leave.',
      );
    } else {
      this.notice(
        'Your browser is not keeping data for this site, so edits here last only until you leave the page.',
      );
    }
  }

  private wireButtons(): void {
    // The workbench opens with the trace as the cell shows it now, carried in a share link.
    const open = this.querySelector<HTMLAnchorElement>('[data-action="open-workbench"]');
    open?.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      void this.openInWorkbench(open);
    });
    // A new tab or window (Ctrl-click, middle click, the context menu) follows the link's own
    // address, so it is brought up to date as the pointer or the focus reaches the link.
    const prepare = () => void this.prepareWorkbenchLink(open!);
    open?.addEventListener('pointerenter', prepare);
    open?.addEventListener('focus', prepare);
    this.querySelector('[data-action="reset"]')!.addEventListener('click', () => {
      this.beforeReset = this.editor.getValue();
      this.dropPendingSave();
      this.editor.setValue(this.original);
      this.update(this.original);
      this.reportSave(this.store.clear());
      const undo = this.querySelector<HTMLButtonElement>('[data-action="undo-reset"]')!;
      undo.hidden = false;
      undo.focus();
      this.notice('The trace is back to the original. Undo reset brings your edit back.');
    });
    this.querySelector('[data-action="undo-reset"]')!.addEventListener('click', () => {
      if (this.beforeReset === null) return;
      const text = this.beforeReset;
      this.beforeReset = null;
      this.editor.setValue(text);
      this.update(text);
      this.save(text);
      this.querySelector<HTMLButtonElement>('[data-action="reset"]')!.focus();
      this.notice('Your edit is back.');
    });
  }

  /** Another tab saving this cell must not be overwritten, nor overwrite us, without a choice. */
  private wireStorageEvents(): void {
    // An edit typed just before the page is left, reloaded or hidden is saved at once.
    window.addEventListener('pagehide', () => this.flushSave());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flushSave();
    });
    const key = cellKey(location.pathname, this.dataset.cellId!);
    window.addEventListener('storage', (event) => {
      if (event.key !== key || this.running) return;
      let theirs = this.original;
      try {
        theirs = event.newValue
          ? (JSON.parse(event.newValue) as { text: string }).text
          : this.original;
      } catch {
        return;
      }
      const mine = this.editor.getValue();
      if (theirs === mine) return;
      if (mine === this.original || !this.editedHere) {
        // Nothing was edited here, so nothing is lost by taking the other tab's version.
        this.store.adopt();
        this.editor.setValue(theirs);
        this.update(theirs);
        this.notice('This trace was updated with the edit you made in another tab.');
      } else {
        this.showConflict(theirs);
      }
    });
  }

  private showConflict(theirs: string): void {
    this.conflict = true;
    const box = this.querySelector<HTMLElement>('[data-notice]')!;
    box.replaceChildren();
    const message = document.createElement('p');
    message.textContent =
      'This trace was changed in another tab. Which version do you want to keep?';
    const useTheirs = document.createElement('button');
    useTheirs.type = 'button';
    useTheirs.className = 'button';
    useTheirs.textContent = 'Use the other tab’s version';
    const keepMine = document.createElement('button');
    keepMine.type = 'button';
    keepMine.className = 'button';
    keepMine.textContent = 'Keep this version';
    useTheirs.addEventListener('click', () => {
      this.conflict = false;
      this.editedHere = false;
      this.store.adopt();
      this.editor.setValue(theirs);
      this.update(theirs);
      box.replaceChildren();
    });
    keepMine.addEventListener('click', () => {
      this.conflict = false;
      const text = this.editor.getValue();
      this.reportSave(text === this.original ? this.store.clear() : this.store.forceSave(text));
      box.replaceChildren();
    });
    box.append(message, useTheirs, keepMine);
  }

  private async openInWorkbench(link: HTMLAnchorElement): Promise<void> {
    const address = await this.workbenchAddress(link);
    if (address !== null) location.assign(address);
  }

  private async prepareWorkbenchLink(link: HTMLAnchorElement): Promise<void> {
    const address = await this.workbenchAddress(link);
    if (address !== null) link.href = address;
  }

  /** The workbench's address carrying the cell's text as it is now; null (said why) if too big. */
  private async workbenchAddress(link: HTMLAnchorElement): Promise<string | null> {
    const { encodeShare } = await import('../workbench/share.ts');
    const result = await encodeShare({
      text: this.value,
      name: this.querySelector('.cell-title')?.textContent?.trim() || null,
    });
    if (!result.ok) {
      this.notice(result.message);
      return null;
    }
    return `${link.pathname}#${result.fragment}`;
  }

  /** The trace could not be read: the cell says so and keeps the text; other cells are unaffected. */
  private cannotRead(message: string): void {
    this.notice(
      `This trace could not be read (${message}). Your text is kept; the charts and findings show the last trace that could be read.`,
    );
    this.dataset.readFailed = 'true';
  }

  private notice(text: string): void {
    const box = this.querySelector<HTMLElement>('[data-notice]')!;
    if (text === '') {
      box.replaceChildren();
      return;
    }
    const p = document.createElement('p');
    p.textContent = text;
    box.replaceChildren(p);
  }

  private loadMonacoWhenNear(textarea: HTMLTextAreaElement): void {
    const load = () => {
      if (this.monacoRequested) return;
      this.monacoRequested = true;
      void this.swapInMonaco(textarea);
    };
    const stopWatching = onceNear(
      this,
      () => {
        // Wait for an idle moment so the editor never competes with the reader's first scroll.
        if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 1500 });
        else setTimeout(load, 200);
      },
      '200px 0px',
    );
    textarea.addEventListener(
      'focus',
      () => {
        stopWatching();
        load();
      },
      { once: true },
    );
  }

  /** The keyboard help beside Monaco: a disclosure button; Escape closes it. */
  private wireKeysHelp(): void {
    const box = this.querySelector<HTMLElement>('[data-keys]')!;
    if (!box.hidden) return;
    box.hidden = false;
    const toggle = box.querySelector<HTMLButtonElement>('[data-action="keys"]')!;
    const help = box.querySelector<HTMLElement>('.keys-help')!;
    const open = (shown: boolean) => {
      help.hidden = !shown;
      toggle.setAttribute('aria-expanded', String(shown));
    };
    toggle.addEventListener('click', () => open(help.hidden));
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || help.hidden) return;
      event.preventDefault();
      open(false);
      toggle.focus();
    });
  }

  private async swapInMonaco(textarea: HTMLTextAreaElement): Promise<void> {
    // Building the editor takes the page for a moment: not while lines stream in.
    if (this.running) {
      this.monacoAfterRun = true;
      return;
    }
    try {
      const { createMonacoEditor } = await import('../editor/monaco-editor.ts');
      const box = this.querySelector<HTMLElement>('[data-editor-box]')!;
      const hadFocus = document.activeElement === textarea;
      const host = document.createElement('div');
      host.className = 'monaco-host';
      box.append(host);
      const editor = createMonacoEditor(
        host,
        textarea.value,
        textarea.getAttribute('aria-label') ?? 'Trace',
      );
      this.editor.dispose();
      textarea.hidden = true;
      this.editor = editor;
      if (this.running) editor.setReadOnly(true);
      this.dataset.editor = 'monaco';
      this.wireEditor();
      this.ensureModel();
      this.editor.showTrace(this.editorTrace!);
      if (hadFocus) editor.focus();
      this.wireKeysHelp();
    } catch (error) {
      // The textarea keeps working; say why the richer editor is missing.
      this.notice(
        'The full editor could not load (are you offline?). You can still edit the trace here.',
      );
      console.warn(error);
    }
  }
}

/** While a run streams in, the text box holds this many of its last lines. */
const runTailLines = 300;

/** Lines in a text (a text without line breaks is one line). */
function lineTotal(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The last `count` lines of a text. */
function lastLines(text: string, count: number): string {
  let start = text.length;
  for (let i = 0; i < count && start > 0; i++) start = text.lastIndexOf('\n', start - 1);
  return start <= 0 ? text : text.slice(start + 1);
}

/** Hovers and markers straight from a parse made on the page. */
function localTrace(model: CellModel, options: ExplainOptions): EditorTrace {
  return {
    diagnostics: model.diagnostics,
    explain: (line, column) => explainAt(model.parsed, line, column, options),
  };
}

customElements.define('trace-cell', TraceCellElement);

export type { TraceCellElement };
