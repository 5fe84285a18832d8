import { lineOfOffset, offsetOfLine } from '../gctrace/index.ts';
import type { Diagnostic, Explanation } from '../gctrace/index.ts';
import { caretExplainer } from './caret-explainer.ts';

/**
 * What an editor shows of a parsed trace: markers for its diagnostics, and what hovering a field
 * explains. The explanation is a promise when the trace was parsed in a worker.
 */
export interface EditorTrace {
  readonly diagnostics: readonly Diagnostic[];
  explain(line: number, column: number): Explanation | null | Promise<Explanation | null>;
}

/**
 * What a trace cell needs from an editor. The cell never knows which editor it has: a plain
 * textarea (always there first, and kept on touch screens) or Monaco (loaded when the cell
 * comes into view).
 */
export interface TraceEditor {
  readonly kind: 'textarea' | 'monaco';
  getValue(): string;
  /** Replaces the whole text as one undoable edit. */
  setValue(text: string): void;
  /**
   * Adds text at the end without an undo step (a trace printed live), keeping the selection and
   * the scroll position, except that the end stays in view when it was in view.
   */
  append(text: string): void;
  /** A read-only editor can be read, selected and copied, but not changed. */
  setReadOnly(readOnly: boolean): void;
  /** Called after every change the learner makes (not after `setValue`). */
  onChange(listener: (text: string) => void): void;
  /** Called when the selected lines change (1-based, inclusive). */
  onSelectLines(listener: (first: number, last: number) => void): void;
  /** Puts the cursor at the start of a line and scrolls it into view; focuses unless told not to. */
  revealLine(line: number, options?: { focus?: boolean }): void;
  /** Shows the parse results: markers for diagnostics, and the data hovers explain. */
  showTrace(trace: EditorTrace): void;
  focus(): void;
  dispose(): void;
}

/**
 * The plain-textarea editor: works everywhere, with or without a keyboard. With `explainPanel`
 * (where it stays the editor for good, as on a touch screen) the field at the caret is explained
 * there, since a text box has no hovers.
 */
export function textareaEditor(
  textarea: HTMLTextAreaElement,
  explainPanel?: HTMLElement,
): TraceEditor {
  const explainer = explainPanel ? caretExplainer(textarea, explainPanel) : null;
  const changeListeners: ((text: string) => void)[] = [];
  const selectListeners: ((first: number, last: number) => void)[] = [];
  const onInput = () => changeListeners.forEach((listener) => listener(textarea.value));
  const onSelect = () => {
    const text = textarea.value;
    const first = lineOfOffset(text, textarea.selectionStart);
    const last = lineOfOffset(text, textarea.selectionEnd);
    selectListeners.forEach((listener) => listener(first, last));
  };
  // Whether the view is at the end of the text (a few pixels of slack): appended text follows.
  let followEnd = true;
  let scrollPending = false;
  const onScroll = () => {
    if (scrollPending) return;
    followEnd = textarea.scrollTop + textarea.clientHeight >= textarea.scrollHeight - 4;
  };
  textarea.addEventListener('scroll', onScroll);
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('select', onSelect);
  textarea.addEventListener('keyup', onSelect);
  textarea.addEventListener('click', onSelect);

  return {
    kind: 'textarea',
    getValue: () => textarea.value,
    setValue(text) {
      // A change made by code must not move the focus (the simulator's sliders, the presenter's
      // keys); the cell's own Undo button, not the browser's, brings a replaced text back.
      textarea.value = text;
    },
    append(text) {
      // Nothing here reads the layout: with lines streaming in every frame, each read would
      // make the browser lay the page out again on the spot.
      const end = textarea.textLength;
      textarea.setRangeText(text, end, end, 'preserve');
      if (followEnd && !scrollPending) {
        scrollPending = true;
        // Scrolled at the next frame, when the page has been laid out anyway.
        requestAnimationFrame(() => {
          scrollPending = false;
          textarea.scrollTop = textarea.scrollHeight;
        });
      }
    },
    setReadOnly(readOnly) {
      textarea.readOnly = readOnly;
    },
    onChange: (listener) => void changeListeners.push(listener),
    onSelectLines: (listener) => void selectListeners.push(listener),
    revealLine(line, options) {
      const start = offsetOfLine(textarea.value, line);
      if (options?.focus !== false) textarea.focus();
      textarea.setSelectionRange(start, start);
      const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
      onSelect();
    },
    showTrace(trace) {
      // The cell lists problems under the editor; a textarea has no markers of its own.
      explainer?.showTrace(trace);
    },
    focus: () => textarea.focus(),
    dispose() {
      explainer?.dispose();
      textarea.removeEventListener('scroll', onScroll);
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('select', onSelect);
      textarea.removeEventListener('keyup', onSelect);
      textarea.removeEventListener('click', onSelect);
    },
  };
}
