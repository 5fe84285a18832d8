/**
 * The Monaco editor for trace cells. This folder is the only code that imports Monaco, and only
 * through a dynamic import() from the cell, so the ~800 KB editor never loads with the page.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { Diagnostic } from '../gctrace/index.ts';
import { gctraceLanguage, gctraceTokenColours } from './gctrace-language.ts';
import { diagnosticToMarker, explanationToMarkdown } from './markers.ts';
import type { EditorTrace, TraceEditor } from './trace-editor.ts';

const languageId = 'gctrace';
const traceByModel = new WeakMap<monaco.editor.ITextModel, EditorTrace>();
let registered = false;

function registerOnce(): void {
  if (registered) return;
  registered = true;
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
  monaco.languages.register({ id: languageId });
  monaco.languages.setMonarchTokensProvider(
    languageId,
    gctraceLanguage as unknown as monaco.languages.IMonarchLanguage,
  );
  for (const [name, base] of [
    ['gctrace-light', 'vs'],
    ['gctrace-dark', 'vs-dark'],
  ] as const) {
    const colours = name === 'gctrace-light' ? gctraceTokenColours.light : gctraceTokenColours.dark;
    monaco.editor.defineTheme(name, {
      base,
      inherit: true,
      rules: Object.entries(colours).map(([token, foreground]) => ({
        token,
        foreground,
        fontStyle: token === 'output' ? 'italic' : token === 'gc.forced' ? 'bold' : '',
      })),
      colors:
        name === 'gctrace-light'
          ? { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#6b7078' }
          : { 'editor.background': '#1b1f25', 'editorLineNumber.foreground': '#8b929b' },
    });
  }
  monaco.languages.registerHoverProvider(languageId, {
    async provideHover(model, position) {
      const trace = traceByModel.get(model);
      if (!trace) return null;
      const explanation = await trace.explain(position.lineNumber, position.column);
      if (!explanation) return null;
      const { range } = explanation;
      return {
        range: new monaco.Range(range.line, range.startColumn, range.line, range.endColumn),
        contents: [{ value: explanationToMarkdown(explanation), supportHtml: false }],
      };
    },
  });
  const applyTheme = () => monaco.editor.setTheme(isDark() ? 'gctrace-dark' : 'gctrace-light');
  document.addEventListener('themechange', applyTheme);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);
  applyTheme();
}

function sameDiagnostics(a: readonly Diagnostic[] | null, b: readonly Diagnostic[]): boolean {
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.line !== y.line ||
      x.column !== y.column ||
      x.length !== y.length ||
      x.severity !== y.severity ||
      x.message !== y.message
    ) {
      return false;
    }
  }
  return true;
}

function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Mounts Monaco in `host` with the given text; `label` names the editor for screen readers. */
export function createMonacoEditor(host: HTMLElement, text: string, label: string): TraceEditor {
  registerOnce();
  const model = monaco.editor.createModel(text, languageId);
  // An empty model takes the platform's line end (\r\n on Windows); traces use \n, and a run's
  // lines arrive in a model that started empty.
  model.setEOL(monaco.editor.EndOfLineSequence.LF);
  const editor = monaco.editor.create(host, {
    model,
    ariaLabel: label,
    automaticLayout: true,
    minimap: { enabled: false },
    wordWrap: 'off',
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    fontSize: 13,
    lineHeight: 20,
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono'),
    // Tab moves focus out of the editor, so the cell can be used by keyboard alone; traces
    // never need a tab character. The option holds it on for good: Ctrl+M does not switch it
    // off here (the cell's keyboard help says so).
    tabFocusMode: true,
    contextmenu: false,
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
    accessibilitySupport: 'auto',
    fixedOverflowWidgets: true,
    theme: isDark() ? 'gctrace-dark' : 'gctrace-light',
  });

  const changeListeners: ((text: string) => void)[] = [];
  const selectListeners: ((first: number, last: number) => void)[] = [];
  let settingValue = false;
  let shownDiagnostics: readonly Diagnostic[] | null = null;
  editor.onDidChangeModelContent(() => {
    if (settingValue) return;
    const value = model.getValue();
    changeListeners.forEach((listener) => listener(value));
  });
  editor.onDidChangeCursorSelection((event) => {
    const { startLineNumber, endLineNumber } = event.selection;
    selectListeners.forEach((listener) => listener(startLineNumber, endLineNumber));
  });

  return {
    kind: 'monaco',
    getValue: () => model.getValue(),
    setValue(value) {
      settingValue = true;
      // An edit rather than model.setValue, so Ctrl+Z in the editor can bring the old text back.
      editor.pushUndoStop();
      editor.executeEdits('cell', [{ range: model.getFullModelRange(), text: value }]);
      editor.pushUndoStop();
      settingValue = false;
    },
    append(text) {
      // Scroll sizes come from the model, so they hold even before the next render.
      const atEnd =
        editor.getScrollTop() + editor.getLayoutInfo().height >= editor.getScrollHeight() - 20;
      const end = model.getFullModelRange().getEndPosition();
      settingValue = true;
      // Straight into the model: the undo stack keeps only the learner's own edits.
      model.applyEdits([{ range: monaco.Range.fromPositions(end), text }]);
      settingValue = false;
      if (atEnd) editor.revealLine(model.getLineCount());
    },
    setReadOnly(readOnly) {
      editor.updateOptions({
        readOnly,
        readOnlyMessage: { value: 'A program is running: the trace can be edited when it ends.' },
      });
    },
    onChange: (listener) => void changeListeners.push(listener),
    onSelectLines: (listener) => void selectListeners.push(listener),
    revealLine(line, options) {
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.revealLineInCenterIfOutsideViewport(line);
      if (options?.focus !== false) editor.focus();
    },
    showTrace(trace) {
      traceByModel.set(model, trace);
      // Most keystrokes leave the diagnostics as they were; re-setting markers re-renders them.
      if (sameDiagnostics(shownDiagnostics, trace.diagnostics)) return;
      shownDiagnostics = trace.diagnostics;
      monaco.editor.setModelMarkers(model, 'gctrace', trace.diagnostics.map(diagnosticToMarker));
    },
    focus: () => editor.focus(),
    dispose() {
      editor.dispose();
      model.dispose();
    },
  };
}
