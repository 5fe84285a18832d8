import { lineOfOffset, offsetOfLine } from '../gctrace/index.ts';
import type { Explanation } from '../gctrace/index.ts';
import type { EditorTrace } from './trace-editor.ts';

/** Caret moves closer together than this show one explanation, the last one. */
const settleMs = 120;

/**
 * The plain text box's stand-in for hovers (a touch screen has no pointer to hover with): a panel
 * that explains the field at the caret, from the same `explain` as the hovers. Tapping a number,
 * or moving the caret with keys, updates it.
 */
export interface CaretExplainer {
  showTrace(trace: EditorTrace): void;
  dispose(): void;
}

const hint = 'Tap a number in the trace, or move the caret onto one, to read what it means here.';

export function caretExplainer(textarea: HTMLTextAreaElement, panel: HTMLElement): CaretExplainer {
  let trace: EditorTrace | null = null;
  let timer = 0;
  /** Bumped by each explanation asked for, so a late answer from the worker is dropped. */
  let asked = 0;
  let shownKey = '';

  const say = (key: string, build: () => Node[]) => {
    if (key === shownKey) return;
    shownKey = key;
    panel.replaceChildren(...build());
  };
  const sayHint = () => say('hint', () => [paragraph('cell-explain-hint', hint)]);

  const explainCaret = async () => {
    timer = 0;
    if (!trace || document.activeElement !== textarea) return;
    const text = textarea.value;
    const offset = textarea.selectionStart;
    const line = lineOfOffset(text, offset);
    const column = offset - offsetOfLine(text, line) + 1;
    const id = ++asked;
    // A caret just after a number still names it.
    const explanation =
      (await trace.explain(line, column)) ??
      (column > 1 ? await trace.explain(line, column - 1) : null);
    if (id !== asked) return;
    if (!explanation) {
      sayHint();
      return;
    }
    const { range } = explanation;
    say(`${range.line}:${range.startColumn}:${explanation.title}:${explanation.value}`, () =>
      renderExplanation(explanation),
    );
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void explainCaret(), settleMs);
  };
  // A tap or a key that moves the caret; selectionchange also covers the handles of a phone.
  const onSelectionChange = () => {
    if (document.activeElement === textarea) schedule();
  };
  const events = ['click', 'keyup', 'input', 'focus'] as const;
  for (const name of events) textarea.addEventListener(name, schedule);
  document.addEventListener('selectionchange', onSelectionChange);
  panel.hidden = false;
  sayHint();

  return {
    showTrace(next) {
      trace = next;
      // The text under the caret may have changed meaning (the edit fixed a field).
      if (document.activeElement === textarea) {
        shownKey = '';
        schedule();
      }
    },
    dispose() {
      window.clearTimeout(timer);
      for (const name of events) textarea.removeEventListener(name, schedule);
      document.removeEventListener('selectionchange', onSelectionChange);
      panel.hidden = true;
    },
  };
}

function paragraph(className: string, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The same content as a hover: the field and its value in context, the why, unit and traps. */
function renderExplanation(explanation: Explanation): Node[] {
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = explanation.title;
  title.append(
    strong,
    ` (line ${explanation.range.line}, column ${explanation.range.startColumn})`,
  );
  const nodes: Node[] = [title, paragraph('', explanation.valueInContext)];
  if (explanation.explanation && explanation.explanation !== explanation.valueInContext) {
    nodes.push(paragraph('', explanation.explanation));
  }
  const facts: string[] = [];
  if (explanation.unit) facts.push(`Unit: ${explanation.unit}`);
  if (explanation.metric) facts.push(`runtime/metrics: ${explanation.metric}`);
  if (facts.length) nodes.push(paragraph('cell-explain-facts', facts.join(' · ')));
  for (const trap of explanation.traps) nodes.push(paragraph('cell-explain-trap', `⚠ ${trap}`));
  return nodes;
}
