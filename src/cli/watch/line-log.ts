/** The lines watched so far, numbered from 1, and the state of their source; pages subscribe to it. */

/** What is watched: a program `watch` started, its standard input, or a log file. */
export type SourceKind = 'command' | 'stdin' | 'file';

/** Where the watched program is: running, or ended with a status or a signal. */
export type SourceState =
  | { state: 'running'; what: string; source: SourceKind }
  | {
      state: 'exited';
      status: number | null;
      signal: string | null;
      what: string;
      source: SourceKind;
    };

/** What a subscriber hears: new lines (`from` is the sequence number of the first) or a new state. */
export type LogEvent =
  { kind: 'lines'; from: number; lines: string[] } | { kind: 'state'; state: SourceState };

/** An append-only list of lines with sequence numbers, and the source's state. */
export class LineLog {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(event: LogEvent) => void>();
  state: SourceState = { state: 'running', what: '', source: 'command' };

  /** Sequence number of the last line (0 before any). */
  get last(): number {
    return this.lines.length;
  }

  /** Adds lines; subscribers receive them as one batch. */
  append(lines: string[]): void {
    if (lines.length === 0) return;
    const from = this.lines.length + 1;
    for (const line of lines) this.lines.push(line);
    this.emit({ kind: 'lines', from, lines });
  }

  setState(state: SourceState): void {
    this.state = state;
    this.emit({ kind: 'state', state });
  }

  /** The lines after sequence number `after`, in batches of at most `size`. */
  *batchesAfter(after: number, size = 5000): Generator<{ from: number; lines: string[] }> {
    for (let i = Math.max(0, after); i < this.lines.length; i += size)
      yield { from: i + 1, lines: this.lines.slice(i, i + size) };
  }

  /** Calls `listener` on every later event; returns the function that stops it. */
  subscribe(listener: (event: LogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: LogEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Cuts text that arrives in pieces into whole lines, keeping an unfinished last line for later. */
export class LineSplitter {
  private rest = '';
  private lastWasCr = false;

  /** The lines completed by this piece (without their terminators). */
  push(text: string): string[] {
    // A CRLF split across two pieces: the LF ends no new line.
    if (this.lastWasCr && text.startsWith('\n')) text = text.slice(1);
    const parts = (this.rest + text).split(/\r\n|\n|\r/);
    this.lastWasCr = text.endsWith('\r');
    this.rest = parts.pop()!;
    return parts;
  }

  /** The unfinished last line, if any, when the input ends. */
  end(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest === '' ? [] : [rest];
  }
}
