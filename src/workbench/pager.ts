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
    await this.show(Math.floor((line - 1) / this.size) * this.size + 1);
    const item = this.list.querySelector<HTMLElement>(`[data-line="${line}"]`);
    item?.scrollIntoView({ block: 'center' });
    item?.focus();
  }

  /**
   * Keeps the end of a growing trace in view (a trace printed live): lines added to the last page
   * are added to the list, a new last page replaces it, and the list stays scrolled to its
   * bottom when it was there.
   */
  async showEnd(lineCount: number): Promise<void> {
    if (lineCount < 1) return;
    const lastFirst = Math.floor((lineCount - 1) / this.size) * this.size + 1;
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
      this.status.textContent = this.rangeText(this.first, from + lines.length - 1);
    }
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  private atBottom(): boolean {
    const list = this.list;
    return list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  }

  private rangeText(first: number, last: number): string {
    return `Lines ${first.toLocaleString('en')}–${last.toLocaleString('en')}, read-only.`;
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

  async show(first: number): Promise<void> {
    const showing = ++this.showing;
    this.complete = false;
    let lines: string[];
    try {
      lines = await this.fetchLines(first, this.size);
    } catch {
      return;
    }
    if (showing !== this.showing) return;
    if (lines.length === 0 && first > 1) {
      this.status.textContent = `There is no line ${first.toLocaleString('en')} (yet).`;
      return;
    }
    this.first = first;
    this.list.start = first;
    const item = (text: string, i: number) => this.item(text, first + i);
    this.status.textContent = this.rangeText(first, first + lines.length - 1);
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
