// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pager } from '../../../src/workbench/pager.ts';

const markup = `
  <div data-pager>
    <button type="button" data-action="page-previous">Previous page</button>
    <button type="button" data-action="page-next">Next page</button>
    <form><input type="number" /><button type="submit">Go</button></form>
    <p data-pager-status></p>
    <ol></ol>
  </div>`;

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) =>
    setTimeout(() => run(0), 0),
  );
});
afterEach(() => void vi.unstubAllGlobals());

/** A pager of 10 lines a page over a trace that grows as the test says. */
function growing() {
  document.body.innerHTML = markup;
  const trace: string[] = [];
  const pager = new Pager(
    document.querySelector<HTMLElement>('[data-pager]')!,
    10,
    async (first, count) => trace.slice(first - 1, first - 1 + count),
  );
  const grow = (n: number) => {
    while (trace.length < n) trace.push(`gc ${trace.length + 1}`);
  };
  const shown = () =>
    [...document.querySelectorAll<HTMLElement>('ol li')].map((li) => Number(li.dataset.line));
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return { pager, grow, shown, range };
}

describe('Pager.showEnd', () => {
  it('adds new lines to the last page, then moves on to the next page', async () => {
    const { pager, grow, shown, range } = growing();
    grow(5);
    await pager.showEnd(5);
    expect(shown()).toEqual(range(1, 5));
    grow(8);
    await pager.showEnd(8);
    expect(shown()).toEqual(range(1, 8));
    grow(15);
    await pager.showEnd(15);
    expect(shown()).toEqual(range(11, 15));
    expect(document.querySelector('[data-pager-status]')!.textContent).toBe(
      'Lines 11–15, read-only.',
    );
  });

  it('leaves a reader on the page they went to, and follows again from the last page', async () => {
    const { pager, grow, shown, range } = growing();
    grow(15);
    await pager.showEnd(15);
    document.querySelector<HTMLButtonElement>('[data-action="page-previous"]')!.click();
    await vi.waitFor(() => expect(shown()).toEqual(range(1, 10)));
    grow(18);
    await pager.showEnd(18);
    expect(shown()).toEqual(range(1, 10));
    document.querySelector<HTMLButtonElement>('[data-action="page-next"]')!.click();
    await vi.waitFor(() => expect(shown()).toEqual(range(11, 18)));
    grow(25);
    await pager.showEnd(25);
    expect(shown()).toEqual(range(21, 25));
  });
});
