/**
 * <run-compare>: keeps a comparison of trace cells up to date. It redraws when any of its cells
 * shows a new trace, at most once a frame, so runs streaming into the cells cost it little; and
 * only once it nears the viewport: until then the table the page was built with stands, so the
 * page's load does not compare saved runs for a table far below.
 */
import { comparisonRows, pairedLines, type ComparedRun } from '../run/run-comparison.ts';
import { onceNear } from './once-near.ts';
import type { TraceCellElement } from './trace-cell.ts';

class RunCompareElement extends HTMLElement {
  private cells: TraceCellElement[] = [];
  private labels: string[] = [];
  private frame = 0;
  /** Whether the comparison has neared the viewport: it draws only from then on. */
  private near = false;

  connectedCallback(): void {
    if (this.cells.length > 0) return;
    this.labels = JSON.parse(this.dataset.labels ?? '[]') as string[];
    this.cells = (this.dataset.cells ?? '')
      .split(',')
      .map((id) => document.querySelector<TraceCellElement>(`trace-cell[data-cell-id="${id}"]`)!);
    for (const cell of this.cells) {
      cell.addEventListener('cellupdate', () => {
        if (this.near) this.frame ||= requestAnimationFrame(() => this.draw());
      });
    }
    this.drawWhenNear();
  }

  private drawWhenNear(): void {
    onceNear(
      this,
      () => {
        this.near = true;
        // Cells restored from a saved run show it from the first drawing.
        void customElements.whenDefined('trace-cell').then(() => {
          this.frame ||= requestAnimationFrame(() => this.draw());
        });
      },
      '600px 0px',
    );
  }

  private draw(): void {
    this.frame = 0;
    const texts = this.cells.map((cell) => cell.value);
    const runs: ComparedRun[] = this.cells.map((cell, index) =>
      texts[index]!.trim() === '' ? null : cell.view,
    );
    // A run is named with the release it was made with, when it ran on this page.
    const names = this.cells.map((cell, index) => {
      const release = cell.dataset.runRelease;
      return release ? `${this.labels[index]} (${release})` : this.labels[index]!;
    });
    this.querySelectorAll<HTMLElement>('[data-column]').forEach((th, index) => {
      th.textContent = names[index]!;
    });
    this.querySelector('[data-rows]')!.replaceChildren(
      ...comparisonRows(runs).map((row) => {
        const th = textElement('th', row.label);
        th.scope = 'row';
        const tr = document.createElement('tr');
        tr.append(th, ...row.values.map((value) => textElement('td', value)));
        return tr;
      }),
    );
    const linesBody = this.querySelector('[data-lines-body]');
    const count = Number(this.dataset.lines);
    if (!linesBody || count <= 0) return;
    const pairs = pairedLines(runs, texts, count);
    if (pairs.length === 0) return;
    // One row per run under each GC number, so that the fields of the lines line up.
    linesBody.replaceChildren(
      ...pairs.flatMap((pair) =>
        pair.lines.map((line, index) => {
          const tr = document.createElement('tr');
          if (index === 0) {
            const th = textElement('th', String(pair.gc));
            th.scope = 'rowgroup';
            th.rowSpan = pair.lines.length;
            tr.append(th);
          }
          const td = document.createElement('td');
          td.append(line === null ? '–' : textElement('code', line));
          tr.append(textElement('td', names[index]!), td);
          return tr;
        }),
      ),
    );
  }
}

function textElement<K extends 'th' | 'td' | 'code'>(
  tag: K,
  text: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

customElements.define('run-compare', RunCompareElement);
