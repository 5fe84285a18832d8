/**
 * The workbench page: bring a trace (paste, file, drop, link or sample), read it in the worker,
 * pick a run, zoom, compare with a second trace, share it in a link and export what it shows.
 */
import { renderFindings, renderProblemList } from '../cell/view.ts';
import { type CellVerdict } from '../cell/model.ts';
import { statusLine, verdictSentence, verdictTitles } from '../gctrace/index.ts';
import type { Domain, TraceState } from '../workbench/protocol.ts';
import {
  differenceRows,
  findingsMarkdown,
  sampleSentence,
  summaryFindings,
} from '../workbench/report.ts';
import { decodeShare, encodeShare, maxFragmentChars } from '../workbench/share.ts';
import type { RangeSummary } from '../workbench/summary.ts';
import { unionDomain, type ChartView } from '../workbench/view.ts';
import { chartCss } from '../charts/index.ts';
import { textareaEditor } from '../editor/trace-editor.ts';
import { ChartPanel, download } from '../workbench/chart-panel.ts';
import { WorkbenchWorker } from '../workbench/worker-client.ts';
import { loadBig, loadSaved, saveBig, saveText, type SaveOutcome } from '../workbench/storage.ts';
import { Pager } from '../workbench/pager.ts';
import { pageElement as el } from '../site/dom.ts';

/** Traces up to this many characters are edited in place; longer ones are shown in pages. */
const editableLimit = 1 << 20;
const pageSize = 500;

const root = document.querySelector<HTMLElement>('[data-workbench]')!;
const $ = <T extends HTMLElement = HTMLElement>(selector: string, scope: ParentNode = root) =>
  scope.querySelector<T>(selector)!;

const worker = new WorkbenchWorker();
const style = document.createElement('style');
style.textContent = chartCss;
document.head.append(style);

// Formatting the first number loads the locale's data (tens of milliseconds): better while the
// page starts than in the middle of reading a trace. Later toLocaleString('en') calls reuse it.
const numberFormat = new Intl.NumberFormat('en');
const number = (n: number) => numberFormat.format(n);
const megabytes = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;

/** One trace on the page (the main one, and the one to compare with). */
interface Slot {
  key: 'a' | 'b';
  scope: HTMLElement;
  textarea: HTMLTextAreaElement;
  id: string | null;
  name: string;
  /** The text, when small enough to edit here; null for a big file (shown in pages). */
  text: string | null;
  state: TraceState | null;
  run: number;
  loads: number;
  saveTimer: number;
}

function slot(key: 'a' | 'b'): Slot {
  const scope = $(`[data-slot="${key}"]`);
  return {
    key,
    scope,
    textarea: $<HTMLTextAreaElement>('textarea', scope),
    id: null,
    name: '',
    text: null,
    state: null,
    run: 0,
    loads: 0,
    saveTimer: 0,
  };
}

const a = slot('a');
const b = slot('b');
const editorA = textareaEditor(a.textarea);
let zoom: Domain | null = null;
let summaryA: RangeSummary | null = null;
let refreshes = 0;
let firstChartsMarked = false;

const panel = new ChartPanel($('[data-charts]'), {
  idPrefix: 'wb',
  kinds: ['heap', 'pause', 'cpu', 'alloc'],
  label: '',
  onZoom: (domain) => setZoom(domain),
  onLine: (line) => revealLine(line),
  onExportError: (message) => showError(message),
});
const compareA = new ChartPanel($('[data-compare-charts="a"]'), {
  idPrefix: 'wb-compare-a',
  kinds: ['heap', 'pause'],
  label: 'A',
  onZoom: (domain) => setZoom(domain),
  onLine: (line) => revealLine(line),
  onExportError: (message) => showError(message),
});
const compareB = new ChartPanel($('[data-compare-charts="b"]'), {
  idPrefix: 'wb-compare-b',
  kinds: ['heap', 'pause'],
  label: 'B',
  onZoom: (domain) => setZoom(domain),
  onLine: () => undefined,
  onExportError: (message) => showError(message),
});

const pager = new Pager($('[data-pager]'), pageSize, (first, count) =>
  a.id === null ? Promise.resolve([]) : worker.page(a.id, first, count),
);

function notice(text: string, target: HTMLElement = $('[data-notice]')): void {
  const p = el('p', {}, text);
  target.replaceChildren(p);
}

function showError(text: string, target: HTMLElement = $('[data-error]')): void {
  target.replaceChildren(...(text ? [el('p', {}, text)] : []));
}

function reportSave(outcome: SaveOutcome, target?: HTMLElement): void {
  if (outcome === 'saved') return;
  notice(
    outcome === 'too-big'
      ? 'This trace is too big to keep in the browser’s storage; it stays on the page until you leave. Keep your file.'
      : 'Your browser is not keeping data for this site, so this trace lasts only until you leave the page.',
    target,
  );
}

// ---------------------------------------------------------------- loading

/** Shows loading progress for a slot. */
function progressUi(s: Slot) {
  const box = $('[data-progress]', s.scope);
  const bar = $<HTMLProgressElement>('progress', box);
  const text = $('[data-progress-text]', box);
  return {
    start() {
      box.hidden = false;
      bar.removeAttribute('value');
      text.textContent = 'Reading the trace…';
    },
    update(bytes: number, total: number, lines: number, cycles: number) {
      bar.max = total || 1;
      bar.value = bytes;
      text.textContent = `Read ${megabytes(bytes)} of ${megabytes(total)}: ${number(lines)} lines, ${number(cycles)} cycles`;
    },
    done() {
      box.hidden = true;
    },
  };
}

/** Sends a source to the worker for slot `s`. */
function startLoad(s: Slot, source: Blob, name: string): void {
  if (s.id !== null) worker.drop(s.id);
  const id = `${s.key}-${++s.loads}`;
  s.id = id;
  s.name = name;
  s.state = null;
  const progress = progressUi(s);
  progress.start();
  showError('', $('[data-error]', s.scope));
  if (s.key === 'a') {
    performance.mark('workbench:load-start');
    firstChartsMarked = false;
    refreshes++;
    delete root.dataset.ready;
    delete root.dataset.firstCharts;
    summaryA = null;
    $('[data-findings]').replaceChildren(el('p', { class: 'wb-hint' }, 'Reading the trace…'));
    $('[data-sample-note]').textContent = '';
  }
  worker.load(id, source, name, {
    progress: (bytes, total, lines, cycles) => {
      if (s.id === id) progress.update(bytes, total, lines, cycles);
    },
    state: (state, preview) => {
      if (s.id !== id) return;
      s.state = state;
      if (s.key === 'a' && s.text === null) pager.ensureShown();
      if (state.final) {
        progress.done();
        s.run = state.mainRun;
        if (s.key === 'a') {
          zoom = null;
          performance.mark('workbench:loaded');
        }
        renderState(s);
        void refresh();
      } else {
        renderState(s);
        if (s.key === 'a' && preview) void drawPreview(preview);
      }
    },
    cancelled: () => {
      if (s.id !== id) return;
      progress.done();
      s.id = null;
      s.state = null;
      notice(
        'Reading stopped. What was on the page before is unchanged in your file; open it again to read it.',
        $('[data-notice]', s.scope),
      );
      renderState(s);
    },
    failed: (message) => {
      if (s.id !== id) return;
      progress.done();
      showError(message, $('[data-error]', s.scope));
    },
  });
}

async function drawPreview(view: ChartView): Promise<void> {
  root.dataset.loading = 'true';
  $('[data-results]').hidden = false;
  const drawn = await panel.show(view);
  if (drawn) markFirstCharts();
}

function markFirstCharts(): void {
  if (firstChartsMarked) return;
  firstChartsMarked = true;
  performance.mark('workbench:first-charts');
  root.dataset.firstCharts = 'true';
}

/** Loads text into a slot: edited in place when small, in pages when not. */
function loadText(s: Slot, text: string, name: string, options: { save: boolean }): void {
  if (text.length <= editableLimit) {
    s.text = text;
    if (s.textarea.value !== text) s.textarea.value = text;
    showEditable(s, true);
    if (options.save) reportSave(saveText(s.key, text, name), $('[data-notice]', s.scope));
  } else {
    s.text = null;
    showEditable(s, false);
  }
  startLoad(s, new Blob([text], { type: 'text/plain' }), name);
}

function showEditable(s: Slot, editable: boolean): void {
  s.textarea.hidden = !editable;
  if (s.key === 'a') {
    pager.element.hidden = editable;
    if (!editable) pager.reset();
  }
}

async function loadFile(s: Slot, file: File): Promise<void> {
  if (file.size <= editableLimit) {
    try {
      loadText(s, await file.text(), file.name, { save: true });
    } catch (error) {
      showError(
        `The file could not be read: ${(error as Error).message}`,
        $('[data-error]', s.scope),
      );
      void refresh();
    }
    return;
  }
  s.text = null;
  s.textarea.value = '';
  showEditable(s, false);
  notice(
    `${file.name} is ${megabytes(file.size)}: it is read in the background and shown read-only, ${pageSize} lines a page. Edit it in your own editor and open it again.`,
    $('[data-notice]', s.scope),
  );
  startLoad(s, file, file.name);
  if (s.key === 'a') {
    const outcome = await saveBig(s.key, file);
    if (outcome !== 'saved')
      notice(
        `${file.name} is ${megabytes(file.size)}: it is read in the background and shown read-only, ${pageSize} lines a page. It is ${outcome === 'too-big' ? 'too big to keep in the browser' : 'not kept by this browser'}, so after a reload open it again.`,
        $('[data-notice]', s.scope),
      );
  }
}

/** A workbench share link (its trace) or the address of a text file (fetched from the browser). */
async function loadLink(s: Slot, address: string): Promise<void> {
  const errorBox = $('[data-error]', s.scope);
  let url: URL;
  try {
    url = new URL(address, location.href);
  } catch {
    showError('That is not a link. Paste a whole address, starting with https://.', errorBox);
    return;
  }
  if (url.hash.includes('trace=')) {
    try {
      const text = await decodeShare(url.hash);
      if (text !== null) loadText(s, text, 'shared link', { save: true });
    } catch (error) {
      showError((error as Error).message, errorBox);
    }
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    showError('Only http and https links can be loaded.', errorBox);
    return;
  }
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const blob = await response.blob();
    const name = url.pathname.split('/').pop() || url.host;
    if (blob.size <= editableLimit) loadText(s, await blob.text(), name, { save: true });
    else await loadFile(s, new File([blob], name));
  } catch (error) {
    showError(
      `The trace at that link could not be fetched (${(error as Error).message}). The server may not allow other sites to read it; download the file and open it instead.`,
      errorBox,
    );
  }
}

// ---------------------------------------------------------------- rendering

function renderState(s: Slot): void {
  const state = s.state;
  const status = $('[data-status]', s.scope);
  if (!state) {
    status.textContent = s.id === null ? 'No trace yet.' : 'Reading…';
    status.dataset.cycles = '0';
    return;
  }
  const run = state.runs[s.run];
  status.textContent = statusLine({
    lines: state.lineCount,
    cycles: state.cycleCount,
    problems: state.problemCount,
    era: run?.era ?? null,
    runs: state.runs.length,
    reading: !state.final,
  });
  status.dataset.cycles = String(state.cycleCount);
  status.dataset.problems = String(state.problemCount);
  status.dataset.final = String(state.final);
  status.dataset.elapsedMs = String(state.elapsedMs);
  status.dataset.heldBytes = String(state.heldBytes);
  renderProblems(s, state);
  renderRuns(s, state);
}

function renderProblems(s: Slot, state: TraceState): void {
  const host = $('[data-problem-list]', s.scope);
  host.replaceChildren();
  if (state.problems.length === 0) return;
  host.append(renderProblemList(document, state.problems, 50));
  const shown = Math.min(50, state.problems.length);
  if (state.problemCount > shown)
    host.append(
      el(
        'p',
        { class: 'wb-hint' },
        `and ${number(state.problemCount - shown)} more${state.problemCount > state.problems.length ? ` (the first ${number(state.problems.length)} are kept with their place)` : ''}.`,
      ),
    );
}

function renderRuns(s: Slot, state: TraceState): void {
  const select = $<HTMLSelectElement>('[data-run]', s.scope);
  const field = select.closest<HTMLElement>('.wb-run')!;
  field.hidden = state.runs.length < 2;
  const options = state.runs.map((run) => {
    const option = el(
      'option',
      { value: String(run.index) },
      `Run ${run.index + 1}: ${number(run.cycles)} cycle${run.cycles === 1 ? '' : 's'}, lines ${run.firstLine}–${run.lastLine}${run.index === state.mainRun ? ' (longest)' : ''}`,
    );
    option.selected = run.index === s.run;
    return option;
  });
  select.replaceChildren(...options);
  const reason = state.runs[s.run]?.startReason;
  $('[data-run-reason]', s.scope).textContent = reason ? `This run starts because ${reason}.` : '';
}

function verdictOf(summary: RangeSummary): CellVerdict {
  const leak = summary.analysis.leak;
  return {
    status: leak.verdict,
    title: verdictTitles[leak.verdict],
    reason: verdictSentence(leak.reason),
    evidence: [...new Set(leak.evidence.map((e) => e.line))],
  };
}

function renderSummary(summary: RangeSummary): void {
  const host = $('[data-findings]');
  host.replaceChildren(
    renderFindings(document, { verdict: verdictOf(summary), findings: summaryFindings(summary) }),
  );
  const notes: string[] = [];
  const sample = sampleSentence(summary);
  if (sample) notes.push(sample);
  if (summary.domain)
    notes.push(
      `Findings for ${formatSeconds(summary.domain[0])} – ${formatSeconds(summary.domain[1])} only (${number(summary.stats.cycles)} cycles).`,
    );
  $('[data-sample-note]').textContent = notes.join(' ');
  host.dataset.verdict = summary.analysis.leak.verdict;
}

const formatSeconds = (v: number) => `${Number(v.toPrecision(6))} s`;

function renderZoomInputs(domain: Domain): void {
  const from = $<HTMLInputElement>('[data-zoom-from]');
  const to = $<HTMLInputElement>('[data-zoom-to]');
  from.value = String(Number(domain[0].toPrecision(8)));
  to.value = String(Number(domain[1].toPrecision(8)));
  $('[data-zoom-state]').textContent = zoom
    ? `Showing ${formatSeconds(domain[0])} – ${formatSeconds(domain[1])}.`
    : 'Showing the whole run.';
}

/** Redraws charts, findings and the comparison for the current runs and range. */
async function refresh(): Promise<void> {
  const generation = ++refreshes;
  const stale = () => generation !== refreshes;
  root.dataset.refreshing = 'true';
  try {
    if (a.id !== null && a.state?.final) {
      const [view, summary] = await Promise.all([
        worker.view(a.id, a.run, zoom),
        worker.summary(a.id, a.run, zoom),
      ]);
      if (stale()) return;
      summaryA = summary;
      renderZoomInputs(view.domain);
      const drawn = await panel.show(view);
      if (drawn) markFirstCharts();
      if (stale()) return;
      renderSummary(summary);
      $('[data-results]').hidden = false;
    }
    await refreshCompare(stale);
  } catch (error) {
    if (!stale()) showError((error as Error).message);
  } finally {
    if (!stale()) {
      delete root.dataset.refreshing;
      delete root.dataset.loading;
      root.dataset.ready = 'true';
    }
  }
}

async function refreshCompare(stale: () => boolean): Promise<void> {
  const table = $('[data-compare-table]');
  const charts = $('[data-compare-body]');
  if (a.id === null || b.id === null || !a.state?.final || !b.state?.final) {
    charts.hidden = true;
    table.replaceChildren(
      el(
        'p',
        { class: 'wb-hint' },
        b.id === null
          ? 'Load a second trace to compare.'
          : a.id === null
            ? 'Load your trace above first.'
            : 'Reading…',
      ),
    );
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
  const [viewA, viewB, sumA, sumB] = await Promise.all([
    worker.view(a.id, a.run, domain),
    worker.view(b.id, b.run, domain),
    summaryA && summaryA.domain === zoom ? summaryA : worker.summary(a.id, a.run, zoom),
    worker.summary(b.id, b.run, zoom),
  ]);
  if (stale()) return;
  charts.hidden = false;
  await compareA.show(viewA);
  await compareB.show(viewB);
  if (stale()) return;
  renderDifferences(sumA, sumB);
}

function renderDifferences(sumA: RangeSummary, sumB: RangeSummary): void {
  const table = el('table', { class: 'chart-table wb-diff' });
  table.append(
    el(
      'caption',
      {},
      `A: ${a.name || 'your trace'} (run ${a.run + 1}) against B: ${b.name || 'second trace'} (run ${b.run + 1})${zoom ? `, ${formatSeconds(zoom[0])} – ${formatSeconds(zoom[1])}` : ''}`,
    ),
  );
  const head = el('tr');
  for (const label of ['', 'A', 'B', 'B − A'])
    head.append(el('th', { scope: 'col' }, label || 'Measure'));
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
  const host = $('[data-compare-table]');
  const scroller = el('div', { class: 'wb-scroll', tabindex: '0', role: 'region' });
  scroller.setAttribute('aria-label', 'Differences between trace A and trace B');
  scroller.append(table);
  host.replaceChildren(scroller, ...notes.map((n) => el('p', { class: 'wb-hint' }, n)));
}

// ---------------------------------------------------------------- zoom

function setZoom(domain: Domain | null): void {
  zoom = domain;
  void refresh();
}

function currentDomain(): Domain | null {
  return panel.currentView?.domain ?? null;
}

$('[data-zoom-form]').addEventListener('submit', (event) => {
  event.preventDefault();
  const from = Number($<HTMLInputElement>('[data-zoom-from]').value);
  const to = Number($<HTMLInputElement>('[data-zoom-to]').value);
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) {
    $('[data-zoom-state]').textContent = 'Give a start time smaller than the end time, in seconds.';
    return;
  }
  setZoom([from, to]);
});
$('[data-action="zoom-out"]').addEventListener('click', () => {
  const domain = currentDomain();
  if (!domain || zoom === null) return;
  const width = domain[1] - domain[0];
  const next: Domain = [domain[0] - width / 2, domain[1] + width / 2];
  setZoom(next);
});
$('[data-action="zoom-reset"]').addEventListener('click', () => setZoom(null));
for (const [action, direction] of [
  ['pan-left', -1],
  ['pan-right', 1],
] as const) {
  $(`[data-action="${action}"]`).addEventListener('click', () => {
    const domain = currentDomain();
    if (!domain) return;
    const shift = ((domain[1] - domain[0]) / 2) * direction;
    setZoom([domain[0] + shift, domain[1] + shift]);
  });
}

// ---------------------------------------------------------------- lines

function revealLine(line: number): void {
  if (a.text !== null) editorA.revealLine(line);
  else void pager.showLine(line);
}

root.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLElement>('button[data-line]');
  if (!target || (!a.scope.contains(target) && !$('[data-results]').contains(target))) return;
  const line = Number(target.dataset.line);
  if (line > 0) revealLine(line);
});

// ---------------------------------------------------------------- inputs

/** Marks the page busy at once, before a file or sample has even arrived. */
function busy(): void {
  delete root.dataset.ready;
}

function wireSlot(s: Slot): void {
  s.textarea.addEventListener('input', () => {
    window.clearTimeout(s.saveTimer);
    s.saveTimer = window.setTimeout(() => {
      const text = s.textarea.value;
      s.text = text;
      reportSave(saveText(s.key, text, s.name || 'pasted trace'), $('[data-notice]', s.scope));
      if (text.trim() === '') {
        clearSlot(s);
        return;
      }
      startLoad(s, new Blob([text], { type: 'text/plain' }), s.name || 'pasted trace');
    }, 300);
  });
  const file = $<HTMLInputElement>('input[type="file"]', s.scope);
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) {
      busy();
      void loadFile(s, chosen);
    }
    file.value = '';
  });
  const sample = $<HTMLSelectElement>('[data-sample]', s.scope);
  sample.addEventListener('change', async () => {
    const url = sample.value;
    if (!url) return;
    busy();
    const name = sample.selectedOptions[0]?.textContent ?? 'sample';
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      loadText(s, await response.text(), name, { save: true });
    } catch (error) {
      showError(
        `The sample could not be loaded: ${(error as Error).message}`,
        $('[data-error]', s.scope),
      );
      void refresh();
    }
    sample.value = '';
  });
  const runSelect = $<HTMLSelectElement>('[data-run]', s.scope);
  runSelect.addEventListener('change', () => {
    busy();
    s.run = Number(runSelect.value);
    if (s.key === 'a') zoom = null;
    if (s.state) renderRuns(s, s.state);
    void refresh();
  });
  $('[data-action="cancel"]', s.scope).addEventListener('click', () => {
    if (s.id !== null) worker.cancel(s.id);
  });
  const zone = s.scope;
  zone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    zone.classList.add('is-dropping');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-dropping'));
  zone.addEventListener('drop', (event) => {
    const dropped = event.dataTransfer?.files[0];
    zone.classList.remove('is-dropping');
    if (!dropped) return;
    event.preventDefault();
    void loadFile(s, dropped);
  });
  const linkForm = s.scope.querySelector<HTMLFormElement>('[data-link-form]');
  linkForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $<HTMLInputElement>('input', linkForm);
    if (input.value.trim()) {
      busy();
      void loadLink(s, input.value.trim()).finally(() => {
        if (s.id === null) void refresh();
      });
    }
  });
}

function clearSlot(s: Slot): void {
  if (s.id !== null) worker.drop(s.id);
  s.id = null;
  s.state = null;
  s.text = '';
  renderState(s);
  $('[data-problem-list]', s.scope).replaceChildren();
  if (s.key === 'a') $('[data-results]').hidden = true;
  void refresh();
}

$('[data-action="clear"]').addEventListener('click', () => {
  const previous = a.text;
  a.textarea.value = '';
  showEditable(a, true);
  saveText('a', '', '');
  clearSlot(a);
  if (previous) offerRestore(previous, 'Cleared. Bring back the trace you had?');
});

function offerRestore(text: string, message: string): void {
  const box = $('[data-notice]');
  const p = el('p', {}, message + ' ');
  const button = el('button', { type: 'button', class: 'cell-button' }, 'Bring it back');
  button.addEventListener('click', () => {
    loadText(a, text, 'your earlier trace', { save: true });
    box.replaceChildren(el('p', {}, 'Your earlier trace is back.'));
  });
  p.append(button);
  box.replaceChildren(p);
}

// ---------------------------------------------------------------- share and export

$('[data-action="share"]').addEventListener('click', async () => {
  const out = $('[data-share-output]');
  const input = $<HTMLInputElement>('input', out);
  const message = $('[data-share-message]');
  if (a.text === null) {
    out.hidden = true;
    message.textContent = `This trace is too big for a link (links carry up to ${maxFragmentChars / 1024} KB of compressed trace). Share the file instead, or export the findings as Markdown.`;
    return;
  }
  const result = await encodeShare(a.text);
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
  message.textContent = `${copied ? 'Link copied' : 'Link ready'}: ${Math.ceil(link.length / 1024)} KB, with the trace compressed inside it. Nothing is sent to any server.`;
});

const fileBase = () =>
  (a.name || 'trace').replace(/\.[a-z0-9]+$/i, '').replace(/[^a-z0-9._-]+/gi, '-') +
  (a.state && a.state.runs.length > 1 ? `-run${a.run + 1}` : '');

for (const format of ['csv', 'json'] as const) {
  $(`[data-action="export-${format}"]`).addEventListener('click', async () => {
    if (a.id === null) return;
    try {
      const blob = await worker.export(a.id, a.run, zoom, format);
      download(blob, `${fileBase()}-cycles.${format}`);
    } catch (error) {
      showError(`The export failed: ${(error as Error).message}`);
    }
  });
}
$('[data-action="export-markdown"]').addEventListener('click', () => {
  if (!summaryA || !a.state) return;
  const text = findingsMarkdown({
    source: a.name || 'pasted trace',
    run: a.run,
    runCount: a.state.runs.length,
    summary: summaryA,
    problems: a.state.problemCount,
    lines: a.state.lineCount,
  });
  download(new Blob([text], { type: 'text/markdown' }), `${fileBase()}-findings.md`);
});

// ---------------------------------------------------------------- start

wireSlot(a);
wireSlot(b);

async function start(): Promise<void> {
  const saved = loadSaved('a');
  const savedB = loadSaved('b');
  if (savedB && savedB.text) loadText(b, savedB.text, savedB.name, { save: false });
  let shared: string | null = null;
  try {
    shared = await decodeShare(location.hash);
  } catch (error) {
    showError(`${(error as Error).message} Your own trace is still here.`);
  }
  if (shared !== null) {
    if (saved?.text && saved.text !== shared)
      offerRestore(saved.text, 'This page opened a shared trace. Your own trace is kept:');
    loadText(a, shared, 'shared link', { save: true });
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  if (saved?.big) {
    const file = await loadBig('a');
    if (file) {
      await loadFile(a, file);
      return;
    }
  }
  if (saved?.text) loadText(a, saved.text, saved.name, { save: false });
  else renderState(a);
  void refresh();
}

// Opening a share link in a tab already on this page changes only the hash.
window.addEventListener('hashchange', async () => {
  try {
    const shared = await decodeShare(location.hash);
    if (shared === null) return;
    if (a.text && a.text !== shared) offerRestore(a.text, 'A shared trace replaced yours:');
    loadText(a, shared, 'shared link', { save: true });
    history.replaceState(null, '', location.pathname + location.search);
  } catch (error) {
    showError(`${(error as Error).message} Your own trace is still here.`);
  }
});

root.dataset.script = 'ready';
void start();
