/**
 * One trace input of the workbench (A, yours; B, to compare with), over the markup of
 * TraceSlot.astro: where the trace comes from (paste, file, drop, sample, link), reading
 * progress, its text, status, problems and run. The workbench element owns two of these.
 */
import { renderProblemList } from '../cell/view.ts';
import { explainAt, lineCount, parseTrace } from '../gctrace/index.ts';
import { pageParseLineLimit, wantsMonaco } from '../editor/choose-editor.ts';
import { textareaEditor, type EditorTrace, type TraceEditor } from '../editor/trace-editor.ts';
import { classifyLink, isWebPage, pageNotTraceMessage } from '../workbench/link.ts';
import type { Pager } from '../workbench/pager.ts';
import type { TraceState } from '../workbench/protocol.ts';
import { decodeShare } from '../workbench/share.ts';
import { saveBig, saveText, type SaveOutcome } from '../workbench/storage.ts';
import type { ChartRange } from '../workbench/chart-range.ts';
import type { WorkbenchWorker } from '../workbench/worker-client.ts';
import {
  bigFileNotice,
  moreProblemsText,
  noGcLineText,
  progressText,
  runOptionText,
  runReasonText,
  saveNotice,
  statusText,
} from '../workbench/wording.ts';
import { pageElement as el } from '../site/dom.ts';

/** Problems listed under the text; the status line counts them all. */
const problemsListed = 50;
/**
 * Lines of a live trace a plain textarea holds before its text goes to pages: every line added
 * lays the whole text out again, which Monaco (up to `pageParseLineLimit` lines) does not.
 */
const liveTextareaLines = 500;

/** What a slot asks of the workbench around it. */
export interface TraceSlotHost {
  readonly worker: WorkbenchWorker;
  /** Traces up to this many bytes are edited in place; longer ones are shown in pages. */
  readonly editableBytes: number;
  readonly pageSize: number;
  /** A load has started: the page is busy until it is read. */
  loadStarted(slot: TraceSlot): void;
  /** More of the trace was read; `preview` is a first look at its charts. */
  partlyRead(slot: TraceSlot, preview: ChartRange | null): void;
  /** The trace was read to the end. */
  read(slot: TraceSlot): void;
  /** The reader picked another run. */
  runChanged(slot: TraceSlot): void;
  /** The slot has no trace any more. */
  cleared(slot: TraceSlot): void;
  /** Charts, findings and the comparison should follow what the slots hold now. */
  refresh(): void;
  /** Marks the page busy at once, before a file or sample has even arrived. */
  busy(): void;
}

export class TraceSlot {
  readonly key: 'a' | 'b';
  readonly scope: HTMLElement;
  /** The worker's id for the trace, while there is one. */
  id: string | null = null;
  name = '';
  /** The text, when small enough to edit here; null for a big file (shown in pages). */
  text: string | null = null;
  state: TraceState | null = null;
  run = 0;
  /**
   * The trace read completely before the load under way: it stays in the worker until the new
   * one is read, so that cancelling the new one brings it back whole.
   */
  private previous: {
    id: string;
    name: string;
    text: string | null;
    state: TraceState;
    run: number;
  } | null = null;
  /** The run to show once the trace is read (a share link names one), instead of the longest. */
  private wantedRun: number | null = null;
  /** The trace comes live from `gctrace watch`: its text is read-only and grows at its end. */
  live = false;
  /** While live: the reader picked a run (otherwise the longest is shown as it changes). */
  private runChosen = false;
  /** While live: text appended to the dataset and not yet to the text shown. */
  private liveText: string[] = [];
  /** Problems listed at the last render, so an unchanged list is not built again. */
  private problemsShown = -1;
  private loads = 0;
  private saveTimer = 0;
  private readonly host: TraceSlotHost;
  private readonly pager: Pager | null;
  private readonly textarea: HTMLTextAreaElement;
  private editor: TraceEditor;
  /** What shows the editable text: the textarea, or Monaco's host once it has loaded. */
  private editorElement: HTMLElement;
  private monacoRequested = false;

  constructor(key: 'a' | 'b', scope: HTMLElement, host: TraceSlotHost, pager: Pager | null) {
    this.key = key;
    this.scope = scope;
    this.host = host;
    this.pager = pager;
    this.textarea = this.find<HTMLTextAreaElement>('textarea');
    this.editorElement = this.textarea;
    this.editor = textareaEditor(this.textarea);
    this.wireEditor();
    this.wireSources();
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.scope.querySelector<T>(selector)!;
  }

  // ---------------------------------------------------------------- messages

  notice(text: string): void {
    this.find('[data-notice]').replaceChildren(el('p', {}, text));
  }

  showError(text: string): void {
    this.find('[data-error]').replaceChildren(...(text ? [el('p', {}, text)] : []));
  }

  private reportSave(outcome: SaveOutcome): void {
    const text = saveNotice(outcome);
    if (text !== null) this.notice(text);
  }

  // ---------------------------------------------------------------- loading

  /** Forgets the trace kept for a cancel. */
  private dropPrevious(): void {
    if (this.previous !== null) this.host.worker.drop(this.previous.id);
    this.previous = null;
  }

  /**
   * Before another trace replaces this one: a trace read whole is kept until the new one is
   * (a cancel brings it back); one still being read is dropped.
   */
  private holdCurrent(): void {
    if (this.id === null) return;
    if (this.state?.final && !this.live) {
      this.dropPrevious();
      this.previous = {
        id: this.id,
        name: this.name,
        text: this.text,
        state: this.state,
        run: this.run,
      };
    } else this.host.worker.drop(this.id);
    this.id = null;
  }

  /** Sends a source to the worker; `onRead` runs once it is read to the end. */
  private startLoad(source: Blob, name: string, onRead?: () => void): void {
    const worker = this.host.worker;
    this.holdCurrent();
    const id = `${this.key}-${++this.loads}`;
    this.id = id;
    this.name = name;
    this.state = null;
    const progress = this.find('[data-progress]');
    const bar = progress.querySelector('progress')!;
    const progressLine = this.find('[data-progress-text]');
    progress.hidden = false;
    bar.removeAttribute('value');
    progressLine.textContent = 'Reading the trace…';
    this.showError('');
    this.host.loadStarted(this);
    worker.load(id, source, name, {
      progress: (bytes, total, lines, cycles) => {
        if (this.id !== id) return;
        bar.max = total || 1;
        bar.value = bytes;
        progressLine.textContent = progressText(bytes, total, lines, cycles);
      },
      state: (state, preview) => {
        if (this.id !== id) return;
        this.state = state;
        if (this.text === null) this.pager?.ensureShown();
        if (state.final) {
          progress.hidden = true;
          const wanted = this.wantedRun;
          this.wantedRun = null;
          this.run = wanted !== null && wanted < state.runs.length ? wanted : state.mainRun;
          // Nothing to chart: say what was read and how to capture a trace instead.
          // (Only then: an error shown beside the trace, a damaged link's, stays.)
          const noGcLine = noGcLineText(state);
          if (noGcLine !== null) this.showError(noGcLine);
          this.dropPrevious();
          onRead?.();
          this.render();
          this.host.read(this);
        } else {
          this.render();
          this.host.partlyRead(this, preview);
        }
      },
      cancelled: () => {
        if (this.id !== id) return;
        progress.hidden = true;
        this.restorePrevious(name);
      },
      failed: (message) => {
        if (this.id !== id) return;
        progress.hidden = true;
        this.dropPrevious();
        this.showError(message);
      },
    });
  }

  /** After a cancelled read of `name`: the trace read before it comes back whole, or none. */
  private restorePrevious(name: string): void {
    const previous = this.previous;
    this.previous = null;
    // Said first: putting the previous text back in the editor can take a moment.
    this.notice(
      previous === null
        ? `Reading ${name} was cancelled; no trace is loaded.`
        : `Reading ${name} was cancelled; the previous trace (${previous.name}) is shown.`,
    );
    if (previous === null) {
      // Emptied as Clear empties it, but the trace kept for a reload stays: the cancelled read
      // may be that trace's, restored at load.
      this.emptyText();
      this.forget();
      return;
    }
    this.host.worker.drop(this.id!);
    this.id = previous.id;
    this.name = previous.name;
    this.state = previous.state;
    this.run = previous.run;
    this.text = previous.text;
    if (previous.text !== null) {
      this.editor.setValue(previous.text);
      this.textarea.value = previous.text;
      this.showEditorTrace(previous.text);
      // The cancelled file was never kept: the trace shown is the one to find after a reload.
      if (this.key === 'a') saveText(this.key, previous.text, previous.name);
    } else this.pager?.ensureShown();
    this.showEditable(previous.text !== null);
    this.render();
    this.host.read(this);
  }

  /** Loads text: edited in place when small, in pages when not. */
  loadText(text: string, name: string, options: { save: boolean; run?: number | null }): void {
    this.holdCurrent();
    this.wantedRun = options.run ?? null;
    if (text.length <= this.host.editableBytes) {
      this.text = text;
      if (this.editor.getValue() !== text) this.editor.setValue(text);
      // The textarea keeps the text even behind Monaco: it is what the page holds before scripts.
      if (this.textarea.value !== text) this.textarea.value = text;
      this.showEditable(true);
      this.showEditorTrace(text);
      if (options.save) this.reportSave(saveText(this.key, text, name));
    } else {
      this.text = null;
      this.showEditable(false);
    }
    this.startLoad(new Blob([text], { type: 'text/plain' }), name);
  }

  private showEditable(editable: boolean): void {
    this.editorElement.hidden = !editable;
    if (this.pager) {
      this.pager.element.hidden = editable;
      if (!editable) this.pager.reset();
    }
  }

  async loadFile(file: File): Promise<void> {
    if (file.size <= this.host.editableBytes) {
      try {
        this.loadText(await file.text(), file.name, { save: true });
      } catch (error) {
        this.showError(`The file could not be read: ${(error as Error).message}`);
        this.host.refresh();
      }
      return;
    }
    this.holdCurrent();
    this.text = null;
    this.editor.setValue('');
    this.textarea.value = '';
    this.showEditable(false);
    const pageSize = this.host.pageSize;
    this.notice(bigFileNotice(file.name, file.size, pageSize));
    // Only your own trace is kept across a reload when it is a big file, once it is read: a
    // cancelled read leaves the trace kept before.
    this.startLoad(file, file.name, () => {
      if (this.key !== 'a') return;
      void saveBig(this.key, file).then((outcome) => {
        if (outcome !== 'saved')
          this.notice(bigFileNotice(file.name, file.size, pageSize, outcome));
      });
    });
  }

  /** A workbench share link (its trace) or the address of a text file (fetched from the browser). */
  private async loadLink(address: string): Promise<void> {
    const link = classifyLink(address, location.href);
    if (link.kind === 'refused') {
      this.showError(link.message);
      return;
    }
    if (link.kind === 'share') {
      try {
        const shared = await decodeShare(link.hash);
        if (shared !== null)
          this.loadText(shared.text, shared.name || 'shared link', { save: true });
      } catch (error) {
        this.showError((error as Error).message);
      }
      return;
    }
    try {
      const response = await fetch(link.url, { credentials: 'omit' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const blob = await response.blob();
      if (isWebPage(response.headers.get('content-type'), await blob.slice(0, 512).text())) {
        this.showError(pageNotTraceMessage);
        return;
      }
      if (blob.size <= this.host.editableBytes)
        this.loadText(await blob.text(), link.name, { save: true });
      else await this.loadFile(new File([blob], link.name));
    } catch (error) {
      this.showError(
        `The trace at that link could not be fetched (${(error as Error).message}). The server may not allow other sites to read it; download the file and open it instead.`,
      );
    }
  }

  /** Empties the slot and forgets its saved text (a live trace was never saved: that stays). */
  clear(): void {
    const wasLive = this.holdsLiveTrace;
    if (wasLive) this.closeLive();
    this.emptyText();
    if (!wasLive) saveText(this.key, '', '');
    this.forget();
  }

  /** Shows an empty text to edit (not pages). */
  private emptyText(): void {
    this.editor.setValue('');
    this.textarea.value = '';
    this.showEditable(true);
  }

  private forget(): void {
    this.showError('');
    this.dropPrevious();
    if (this.id !== null) this.host.worker.drop(this.id);
    this.id = null;
    this.state = null;
    this.text = '';
    this.render();
    this.find('[data-problem-list]').replaceChildren();
    this.host.cleared(this);
  }

  /** Scrolls the text to a line: in the editor, or in the pages of a big file. */
  revealLine(line: number, options?: { focus?: boolean }): void {
    if (this.text !== null) this.editor.revealLine(line, options);
    else void this.pager?.showLine(line);
  }

  // ---------------------------------------------------------------- live

  /**
   * Starts a live trace (from `gctrace watch`) in this slot. The saved trace is left alone: the
   * stream, not this browser, holds the live one, and sends it whole again after a reload.
   */
  startLive(name: string): void {
    if (this.id !== null) this.host.worker.drop(this.id);
    this.dropPrevious();
    this.id = `${this.key}-live-${++this.loads}`;
    this.name = name;
    this.state = null;
    this.live = true;
    this.runChosen = false;
    this.liveText = [];
    this.problemsShown = -1;
    this.find('[data-problem-list]').replaceChildren();
    this.text = '';
    this.editor.setValue('');
    this.textarea.value = '';
    this.editor.setReadOnly(true);
    this.showEditable(true);
    // The counts change with every batch: the live bar, not these, says what a listener needs.
    this.find('[data-status]').setAttribute('aria-live', 'off');
    this.pager?.element.querySelector('[data-pager-status]')?.setAttribute('aria-live', 'off');
    this.scope.dataset.liveTrace = 'true';
    this.setSourcesShown(false);
    this.render();
  }

  /** Hands whole lines of the live trace to the worker; resolves with what it then holds. */
  async appendLive(lines: string[], end: boolean): Promise<{ lines: number; cycles: number }> {
    const id = this.id;
    if (!this.live || id === null) throw new Error('The live trace was closed.');
    const text = lines.length > 0 ? lines.join('\n') + '\n' : '';
    const state = await this.host.worker.append(id, this.name, text, end);
    if (this.id !== id) throw new Error('The live trace was replaced.');
    this.state = state;
    if (!this.runChosen) this.run = state.mainRun;
    if (text !== '') this.liveText.push(text);
    return { lines: state.lineCount, cycles: state.cycleCount };
  }

  /**
   * Shows the live trace as the worker now holds it: the text (in the editor while it is small,
   * then a page at a time, the end kept in view when it was), the status, problems and runs.
   */
  showLive(): void {
    const state = this.state;
    if (!this.live || state === null) return;
    const added = this.liveText.join('');
    this.liveText = [];
    if (this.text !== null) {
      const length = this.text.length + added.length;
      const lineLimit = this.editor.kind === 'monaco' ? pageParseLineLimit : liveTextareaLines;
      if (state.lineCount > lineLimit || length > this.host.editableBytes) {
        // Past this size the editor would slow the page down: the text is shown in pages.
        this.text = null;
        this.showEditable(false);
      } else if (added !== '') {
        this.text += added;
        this.editor.append(added);
        // The textarea stays the page's copy of the text, whichever editor is showing it.
        if (this.editor.kind !== 'textarea') this.textarea.value = this.text;
        this.showEditorTrace(this.text);
      }
    }
    if (this.text === null) void this.pager?.showEnd(state.lineCount);
    this.render();
  }

  /** The live trace is over: it stays, read-only, a trace like any other. */
  endLive(): void {
    if (!this.live) return;
    this.live = false;
    this.find('[data-status]').removeAttribute('aria-live');
    this.pager?.element.querySelector('[data-pager-status]')?.setAttribute('aria-live', 'polite');
  }

  /** The slot holds a trace from `gctrace watch`, running or ended, until it is cleared. */
  get holdsLiveTrace(): boolean {
    return this.scope.dataset.liveTrace === 'true';
  }

  /** Leaves live mode altogether: the slot takes traces from anywhere again. */
  private closeLive(): void {
    this.endLive();
    this.editor.setReadOnly(false);
    this.setSourcesShown(true);
    delete this.scope.dataset.liveTrace;
  }

  /** The ways to bring a trace (and the hint about them), which a live trace does without. */
  private setSourcesShown(shown: boolean): void {
    for (const node of this.scope.querySelectorAll<HTMLElement>('.wb-sources, [data-source-hint]'))
      node.hidden = !shown;
  }

  // ---------------------------------------------------------------- rendering

  /** Status line, problems and run picker for the trace as read so far. */
  render(): void {
    const state = this.state;
    const status = this.find('[data-status]');
    if (!state) {
      status.textContent =
        this.id === null
          ? 'No trace yet.'
          : this.live
            ? 'Waiting for the first lines…'
            : 'Reading…';
      status.dataset.cycles = '0';
      return;
    }
    status.textContent = statusText(state, this.run);
    status.dataset.cycles = String(state.cycleCount);
    status.dataset.problems = String(state.problemCount);
    status.dataset.final = String(state.final);
    status.dataset.elapsedMs = String(state.elapsedMs);
    status.dataset.heldBytes = String(state.heldBytes);
    this.renderProblems(state);
    this.renderRuns(state);
  }

  private renderProblems(state: TraceState): void {
    // A live trace renders often; its list changes only when problems are added.
    if (this.live && state.problemCount === this.problemsShown) return;
    this.problemsShown = state.problemCount;
    const host = this.find('[data-problem-list]');
    host.replaceChildren();
    if (state.problems.length === 0) return;
    host.append(renderProblemList(document, state.problems, problemsListed));
    const more = moreProblemsText(state, Math.min(problemsListed, state.problems.length));
    if (more !== null) host.append(el('p', { class: 'wb-hint' }, more));
  }

  private renderRuns(state: TraceState): void {
    const select = this.find<HTMLSelectElement>('[data-run]');
    select.closest<HTMLElement>('.wb-run')!.hidden = state.runs.length < 2;
    // The options are kept and their words updated, so a live trace's growing counts do not
    // rebuild a list the reader may have open.
    const options = select.options;
    while (options.length > state.runs.length) options[options.length - 1]!.remove();
    state.runs.forEach((run, i) => {
      const text = runOptionText(run, state.mainRun);
      const option = options[i] ?? select.appendChild(el('option', { value: String(run.index) }));
      if (option.textContent !== text) option.textContent = text;
      option.value = String(run.index);
      option.selected = run.index === this.run;
    });
    this.find('[data-run-reason]').textContent = runReasonText(state.runs[this.run]?.startReason);
  }

  // ---------------------------------------------------------------- editor

  private wireEditor(): void {
    this.editor.onChange((text) => {
      // The textarea stays the page's copy of the text, whichever editor is showing it.
      if (this.editor.kind !== 'textarea') this.textarea.value = text;
      // Busy from the keystroke on, not only once the pause in typing has passed.
      this.host.busy();
      window.clearTimeout(this.saveTimer);
      this.saveTimer = window.setTimeout(() => this.edited(), 300);
    });
  }

  private edited(): void {
    const text = this.editor.getValue();
    this.text = text;
    const name = this.name || 'pasted trace';
    this.reportSave(saveText(this.key, text, name));
    this.showEditorTrace(text);
    if (text.trim() === '') {
      this.forget();
      return;
    }
    this.startLoad(new Blob([text], { type: 'text/plain' }), name);
  }

  /**
   * Gives the editor its hovers and markers from a parse made here, for a small trace; a bigger
   * one is read only by the worker and its problems are listed under the text.
   */
  private showEditorTrace(text: string): void {
    const small = lineCount(text, pageParseLineLimit + 1) <= pageParseLineLimit;
    if (small && text.trim() !== '') this.loadMonacoSoon();
    if (this.editor.kind === 'textarea') return;
    this.editor.showTrace(small ? parsedTrace(text) : noTrace);
  }

  /** Swaps Monaco in for the textarea at an idle moment, on screens that want it. */
  private loadMonacoSoon(): void {
    if (this.monacoRequested || !wantsMonaco()) return;
    this.monacoRequested = true;
    const load = () => void this.swapInMonaco();
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 1500 });
    else setTimeout(load, 200);
  }

  private async swapInMonaco(): Promise<void> {
    // A live trace that grew past the editor is shown in pages: no editor is needed for it.
    const paged = () => {
      if (!this.live || this.text !== null) return false;
      this.monacoRequested = false;
      return true;
    };
    if (paged()) return;
    try {
      const { createMonacoEditor } = await import('../editor/monaco-editor.ts');
      if (paged()) return;
      const textarea = this.textarea;
      const hadFocus = document.activeElement === textarea;
      const host = el('div', { class: 'monaco-host' });
      host.hidden = textarea.hidden;
      textarea.after(host);
      const editor = createMonacoEditor(
        host,
        textarea.value,
        textarea.getAttribute('aria-label') ?? 'Trace',
      );
      this.editor.dispose();
      textarea.hidden = true;
      editor.setReadOnly(textarea.readOnly);
      // A live trace is followed from its end.
      if (this.live) editor.revealLine(editor.getValue().split('\n').length, { focus: false });
      this.editor = editor;
      this.editorElement = host;
      this.scope.dataset.editor = 'monaco';
      this.wireEditor();
      this.showEditorTrace(editor.getValue());
      if (hadFocus) editor.focus();
    } catch (error) {
      // The textarea keeps working; say why the richer editor is missing.
      this.notice(
        'The full editor could not load (are you offline?). You can still edit the trace here.',
      );
      console.warn(error);
    }
  }

  // ---------------------------------------------------------------- sources

  private wireSources(): void {
    const file = this.find<HTMLInputElement>('input[type="file"]');
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) {
        this.host.busy();
        void this.loadFile(chosen);
      }
      file.value = '';
    });
    const sample = this.find<HTMLSelectElement>('[data-sample]');
    sample.addEventListener('change', async () => {
      const url = sample.value;
      if (!url) return;
      this.host.busy();
      const name = sample.selectedOptions[0]?.textContent ?? 'sample';
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.loadText(await response.text(), name, { save: true });
      } catch (error) {
        this.showError(`The sample could not be loaded: ${(error as Error).message}`);
        this.host.refresh();
      }
      sample.value = '';
    });
    const runSelect = this.find<HTMLSelectElement>('[data-run]');
    runSelect.addEventListener('change', () => {
      this.host.busy();
      this.run = Number(runSelect.value);
      this.runChosen = true;
      if (this.state) this.renderRuns(this.state);
      this.host.runChanged(this);
    });
    this.find('[data-action="cancel"]').addEventListener('click', () => {
      if (this.id !== null) this.host.worker.cancel(this.id);
    });
    const zone = this.scope;
    zone.addEventListener('dragover', (event) => {
      // A live trace keeps its slot until it is cleared.
      if (this.holdsLiveTrace || !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      zone.classList.add('is-dropping');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('is-dropping'));
    zone.addEventListener('drop', (event) => {
      const dropped = event.dataTransfer?.files[0];
      zone.classList.remove('is-dropping');
      if (!dropped || this.holdsLiveTrace) return;
      event.preventDefault();
      void this.loadFile(dropped);
    });
    const linkForm = this.scope.querySelector<HTMLFormElement>('[data-link-form]');
    linkForm?.addEventListener('submit', (event) => {
      event.preventDefault();
      const address = linkForm.querySelector('input')!.value.trim();
      if (!address) return;
      this.host.busy();
      void this.loadLink(address).finally(() => {
        if (this.id === null) this.host.refresh();
      });
    });
  }
}

/** Hovers and markers from a parse made on the page. */
function parsedTrace(text: string): EditorTrace {
  const parsed = parseTrace(text);
  return {
    diagnostics: parsed.diagnostics,
    explain: (line, column) => explainAt(parsed, line, column),
  };
}

const noTrace: EditorTrace = { diagnostics: [], explain: () => null };
