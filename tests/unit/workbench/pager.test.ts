// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pager, pageFirstLine, pageStatus } from '../../../src/workbench/pager.ts';

describe('pageFirstLine', () => {
  it('puts each line on the page of `size` lines that holds it', () => {
    expect(pageFirstLine(1, 500)).toBe(1);
    expect(pageFirstLine(500, 500)).toBe(1);
    expect(pageFirstLine(501, 500)).toBe(501);
    expect(pageFirstLine(1000, 500)).toBe(501);
    expect(pageFirstLine(1001, 500)).toBe(1001);
  });
});

describe('pageStatus', () => {
  it('names the lines shown, or the line gone to', () => {
    expect(pageStatus(501, 500)).toBe('Lines 501–1,000, read-only.');
    expect(pageStatus(501, 500, 734)).toBe('Line 734, on lines 501–1,000, read-only.');
  });

  it('names the line asked for, not the first line of its page, when there is no such line', () => {
    expect(pageStatus(1001, 0, 1234)).toBe(
      'There is no line 1,234 (yet): the trace ends before line 1,001.',
    );
    // The last page holds lines 501–998: line 999 is one past the end.
    expect(pageStatus(501, 498, 999)).toBe(
      'There is no line 999 (yet): the trace ends at line 998. Lines 501–998, read-only.',
    );
    expect(pageStatus(501, 498, 998)).toBe('Line 998, on lines 501–998, read-only.');
  });
});

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
  Element.prototype.scrollIntoView = () => undefined;
});
afterEach(() => void vi.unstubAllGlobals());

/** A pager of 10 lines a page over `trace`, which a test may go on growing. */
function pagerOver(trace: string[]) {
  document.body.innerHTML = markup;
  const pager = new Pager(
    document.querySelector<HTMLElement>('[data-pager]')!,
    10,
    async (first, count) => trace.slice(first - 1, first - 1 + count),
  );
  const shown = () =>
    [...document.querySelectorAll<HTMLElement>('ol li')].map((li) => Number(li.dataset.line));
  const status = () => document.querySelector('[data-pager-status]')!.textContent;
  return { pager, shown, status };
}

/** A pager over a trace of 25 lines. */
const pagerOf25 = () => pagerOver(Array.from({ length: 25 }, (_, i) => `gc ${i + 1}`));

/** A pager over a trace that grows as the test says. */
function growing() {
  const trace: string[] = [];
  const grow = (n: number) => {
    while (trace.length < n) trace.push(`gc ${trace.length + 1}`);
  };
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return { ...pagerOver(trace), grow, range };
}

describe('Pager', () => {
  it('goes to a line: its page, the line marked, and the status names it', async () => {
    const { pager, shown, status } = pagerOf25();
    await pager.showLine(14);
    expect(shown()).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(document.querySelector('li.is-highlighted')!.textContent).toBe('gc 14');
    expect(status()).toBe('Line 14, on lines 11–20, read-only.');
  });

  it('the last page ends at the last line, and going past it says which line is missing', async () => {
    const { pager, shown, status } = pagerOf25();
    await pager.showLine(25);
    expect(shown()).toEqual([21, 22, 23, 24, 25]);
    await pager.showLine(26);
    expect(status()).toBe(
      'There is no line 26 (yet): the trace ends at line 25. Lines 21–25, read-only.',
    );
    await pager.showLine(40);
    expect(status()).toBe('There is no line 40 (yet): the trace ends before line 31.');
    // The page shown stays, and the next page on from it is still the same empty one.
    expect(shown()).toEqual([21, 22, 23, 24, 25]);
    (document.querySelector('[data-action="page-next"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(status()).toMatch(/no line 31/));
  });
});

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
