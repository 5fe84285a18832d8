/**
 * <run-compare>: keeps a comparison of trace cells up to date. It redraws when any of its cells
 * shows a new trace, at most once a frame, so runs streaming into the cells cost it little.
 */
import { comparisonRows, pairedLines, type ComparedRun } from '../run/run-comparison.ts';
import type { TraceCellElement } from './trace-cell.ts';

class RunCompareElement extends HTMLElement {
  private cells: TraceCellElement[] = [];
  private frame = 0;

  connectedCallback(): void {
    if (this.cells.length > 0) return;
    const ids = (this.dataset.cells ?? '').split(',');
    this.cells = ids.map((id) =>
      document.querySelector<TraceCellElement>(`trace-cell[data-cell-id="${id}"]`)!,
    );
    for (const cell of this.cells) {
      cell.addEventListener('cellupdate', () => {
        this.frame ||= requestAnimationFrame(() => this.draw());
      });
    }
    // Cells restored from a saved run show it from the start.
    customElements.whenDefined('trace-cell').then(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    const texts = this.cells.map((cell) => cell.value);
    const runs: ComparedRun[] = this.cells.map((cell, index) =>
      texts[index]!.trim() === '' ? null : cell.view,
    );
    const body = this.querySelector('[data-rows]')!;
    body.replaceChildren(
      ...comparisonRows(runs).map((row) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = row.label;
        tr.append(th, ...row.values.map((value) => cellOf('td', value)));
        return tr;
      }),
    );
    const linesBody = this.querySelector('[data-lines-body]');
    const count = Number(this.dataset.lines);
    if (!linesBody || count <= 0) return;
    const pairs = pairedLines(runs, texts, count);
    if (pairs.length === 0) return;
    linesBody.replaceChildren(
      ...pairs.map((pair) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = String(pair.gc);
        tr.append(th);
        for (const line of pair.lines) {
          const td = document.createElement('td');
          if (line === null) td.textContent = '–';
          else td.append(cellOf('code', line));
          tr.append(td);
        }
        return tr;
      }),
    );
  }
}

function cellOf<K extends 'td' | 'code'>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

customElements.define('run-compare', RunCompareElement);
