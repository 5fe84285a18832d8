/**
 * A read-only view of a big trace, one page of lines at a time, fetched from the worker (which
 * reads them from the file): previous/next page and "go to line", all from the keyboard.
 */
/**
 * Lines added per frame: laying out a whole page of long lines at once keeps the browser busy
 * for longer than a frame; fifty at a time it does not.
 */
const linesPerFrame = 50;

/** Resolves once the browser has painted a frame (or after 100 ms, as hidden pages paint none). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}

/** The first line of the page of `size` lines that holds `line` (pages start at 1, 1 + size, …). */
export function pageFirstLine(line: number, size: number): number {
  return Math.floor((Math.max(1, line) - 1) / size) * size + 1;
}

/**
 * What the pager says about the page it fetched for line `asked` (the page's first line when
 * the reader turned a page): the lines shown, the line gone to, or that the line does not exist
 * (yet: a trace printed live grows), naming the line asked for and the last line there is.
 */
export function pageStatus(first: number, shown: number, asked: number = first): string {
  const n = (line: number) => line.toLocaleString('en');
  const last = first + shown - 1;
  if (shown === 0) {
    return first > 1
      ? `There is no line ${n(asked)} (yet): the trace ends before line ${n(first)}.`
      : `There is no line ${n(asked)} (yet).`;
  }
  if (asked > last) {
    return `There is no line ${n(asked)} (yet): the trace ends at line ${n(last)}. Lines ${n(first)}–${n(last)}, read-only.`;
  }
  if (asked !== first) return `Line ${n(asked)}, on lines ${n(first)}–${n(last)}, read-only.`;
  return `Lines ${n(first)}–${n(last)}, read-only.`;
}

export class Pager {
  readonly element: HTMLElement;
  private list: HTMLOListElement;
  private status: HTMLElement;
  private lineInput: HTMLInputElement;
  private first = 1;
  private highlighted = 0;
  /** Bumped by each show(), so an older one stops adding its lines. */
  private showing = 0;
  /** The page shown has all its lines on the page (its show() has finished). */
  private complete = false;
  /** The first line of the page last asked for (shown once its lines arrive). */
  private wanted = 1;
  /** The first line of the page showEnd() last showed (0: none), to tell when the reader left it. */
  private endFirst = 0;
  private readonly size: number;
  private readonly fetchLines: (first: number, count: number) => Promise<string[]>;

  constructor(
    element: HTMLElement,
    size: number,
    fetchLines: (first: number, count: number) => Promise<string[]>,
  ) {
    this.element = element;
    this.size = size;
    this.fetchLines = fetchLines;
    this.list = element.querySelector('ol')!;
    this.status = element.querySelector('[data-pager-status]')!;
    this.lineInput = element.querySelector('input')!;
    element
      .querySelector('[data-action="page-previous"]')!
      .addEventListener('click', () => void this.show(Math.max(1, this.first - size)));
    element
      .querySelector('[data-action="page-next"]')!
      .addEventListener('click', () => void this.show(this.first + size));
    element.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      const line = Math.floor(Number(this.lineInput.value));
      if (line >= 1) void this.showLine(line);
    });
  }

  reset(): void {
    this.first = 1;
    this.wanted = 1;
    this.endFirst = 0;
    this.highlighted = 0;
    this.list.replaceChildren();
    this.status.textContent = 'The first lines appear here as soon as they are read.';
  }

  /** Shows the first page if nothing is shown yet (the first lines have just been read). */
  ensureShown(): void {
    if (this.list.childElementCount === 0) void this.show(this.first);
  }

  /** Shows the page holding `line` and marks that line. */
  async showLine(line: number): Promise<void> {
    this.highlighted = line;
    await this.show(pageFirstLine(line, this.size), line);
    const item = this.list.querySelector<HTMLElement>(`[data-line="${line}"]`);
    item?.scrollIntoView({ block: 'center' });
    item?.focus();
  }

  /**
   * Keeps the end of a growing trace in view (a trace printed live): lines added to the last page
   * are added to the list, a new last page replaces it, and the list stays scrolled to its
   * bottom when it was there. A reader who went to another page stays there.
   */
  async showEnd(lineCount: number): Promise<void> {
    if (lineCount < 1) return;
    if (this.endFirst !== 0 && this.wanted !== this.endFirst) return;
    const lastFirst = pageFirstLine(lineCount, this.size);
    this.endFirst = lastFirst;
    const shown = this.list.childElementCount;
    const atBottom = this.atBottom();
    if (lastFirst !== this.first || !this.complete || shown === 0) {
      await this.show(lastFirst);
    } else if (this.first + shown <= lineCount) {
      const showing = ++this.showing;
      const from = this.first + shown;
      let lines: string[];
      try {
        lines = await this.fetchLines(from, lineCount - from + 1);
      } catch {
        return;
      }
      if (showing !== this.showing) return;
      this.list.append(...lines.map((text, i) => this.item(text, from + i)));
      this.status.textContent = pageStatus(this.first, from + lines.length - this.first);
    }
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  private atBottom(): boolean {
    const list = this.list;
    return list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  }

  /** One line of the list; textContent, as the trace is the reader's text, never markup. */
  private item(text: string, line: number): HTMLLIElement {
    const node = document.createElement('li');
    node.dataset.line = String(line);
    node.textContent = text;
    if (line === this.highlighted) {
      node.className = 'is-highlighted';
      node.tabIndex = -1;
    }
    return node;
  }

  /** Shows the page that starts at `first`; `asked` is the line gone to, if one was. */
  async show(first: number, asked = first): Promise<void> {
    const showing = ++this.showing;
    const before = { wanted: this.wanted, complete: this.complete };
    this.wanted = first;
    this.complete = false;
    let lines: string[];
    try {
      lines = await this.fetchLines(first, this.size);
    } catch {
      return;
    }
    if (showing !== this.showing) return;
    if (lines.length === 0 && first > 1) {
      // The page shown stays, and so does the one a live trace follows.
      ({ wanted: this.wanted, complete: this.complete } = before);
      this.status.textContent = pageStatus(first, 0, asked);
      return;
    }
    this.first = first;
    this.list.start = first;
    const item = (text: string, i: number) => this.item(text, first + i);
    this.status.textContent = pageStatus(first, lines.length, asked);
    this.list.replaceChildren(...lines.slice(0, linesPerFrame).map(item));
    for (let from = linesPerFrame; from < lines.length; from += linesPerFrame) {
      await afterPaint();
      if (showing !== this.showing) return;
      this.list.append(
        ...lines.slice(from, from + linesPerFrame).map((text, i) => item(text, from + i)),
      );
    }
    this.complete = true;
  }
}
