/**
 * The page side of `gctrace watch`: reads the watched trace from the command line's event stream.
 *
 * Usage, on a page opened as `/lab/?live=TOKEN`:
 *
 *   const url = liveEventsUrl(location.href);
 *   if (url) connectLive(url, { onLines: (lines) => append(lines), onStatus, onExit });
 *
 * Each line is delivered once, in order, even across reconnections: the browser resumes with the
 * last sequence number it saw, and after a fresh connection (which replays the whole trace) the
 * lines already delivered are skipped. A stream that fails for good is opened again after a
 * growing delay (1 s, 2 s, 4 s … up to 30 s); the stream is closed once the program has exited.
 */

/** What is watched: a program `watch` started, its standard input (a pipe), or a log file. */
export type LiveSource = 'command' | 'stdin' | 'file';

/** How the program's end is reported: its exit status, or the signal that ended it. */
export interface LiveExit {
  /** What was watched: the command line, `standard input` or the file's path. */
  what: string;
  source: LiveSource;
  /** Null for a pipe or a file, which have no status, and after a signal. */
  status: number | null;
  signal: string | null;
}

/** The state of the live stream, for a status line. */
export type LiveStatus =
  | { state: 'connecting' }
  | { state: 'running'; what: string; source: LiveSource }
  | { state: 'reconnecting'; inMs: number }
  | ({ state: 'exited' } & LiveExit)
  | { state: 'closed' };

export interface LiveHandlers {
  /** New lines; `from` is the 1-based sequence number of the first one. */
  onLines(lines: string[], from: number): void;
  onStatus?(status: LiveStatus): void;
  onExit?(exit: LiveExit): void;
}

/** The part of EventSource this module uses (a fake one in the tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LiveOptions {
  createEventSource?: (url: string) => EventSourceLike;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** EventSource.CLOSED: the browser has given up on this stream. */
const CLOSED = 2;
const firstDelayMs = 1000;
const maxDelayMs = 30_000;

/** The address of the event stream for a page opened with `?live=TOKEN`, or null. */
export function liveEventsUrl(pageUrl: string | URL): string | null {
  const page = new URL(pageUrl);
  const token = page.searchParams.get('live');
  if (token === null || token === '') return null;
  const url = new URL('/live/events', page);
  url.searchParams.set('token', token);
  return url.href;
}

/** Reads a `lines` event's data: `{from, lines}`, or null when it is not that. */
export function parseLinesEvent(data: string): { from: number; lines: string[] } | null {
  try {
    const value = JSON.parse(data) as { from?: unknown; lines?: unknown };
    if (!Number.isInteger(value.from) || (value.from as number) < 1) return null;
    if (!Array.isArray(value.lines) || !value.lines.every((l) => typeof l === 'string'))
      return null;
    return { from: value.from as number, lines: value.lines as string[] };
  } catch {
    return null;
  }
}

/** The kind of source a state event names (a command when it does not say). */
function sourceOf(value: unknown): LiveSource {
  return value === 'stdin' || value === 'file' ? value : 'command';
}

/** Reads a `running` event's data: what is watched (empty when it does not say). */
export function parseRunningEvent(data: string): { what: string; source: LiveSource } {
  try {
    const value = JSON.parse(data) as { what?: unknown; source?: unknown };
    return { what: String(value.what ?? ''), source: sourceOf(value.source) };
  } catch {
    // A status without details is still a status.
    return { what: '', source: 'command' };
  }
}

/** Reads an `exit` event's data, or null when it is not that. */
export function parseExitEvent(data: string): LiveExit | null {
  try {
    const value = JSON.parse(data) as Partial<LiveExit>;
    const status = value.status ?? null;
    const signal = value.signal ?? null;
    if (status !== null && !Number.isInteger(status)) return null;
    if (signal !== null && typeof signal !== 'string') return null;
    return { what: String(value.what ?? ''), source: sourceOf(value.source), status, signal };
  } catch {
    return null;
  }
}

/** Follows the event stream at `url`; `close()` stops it for good. */
export function connectLive(
  url: string,
  handlers: LiveHandlers,
  options: LiveOptions = {},
): { close(): void } {
  const create = options.createEventSource ?? ((u: string) => new EventSource(u));
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  /** Sequence number of the last line delivered. */
  let last = 0;
  let delay = firstDelayMs;
  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let closed = false;

  const status = (s: LiveStatus) => handlers.onStatus?.(s);
  const stop = () => {
    source?.close();
    source = null;
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const open = () => {
    timer = null;
    status({ state: 'connecting' });
    const es = create(url);
    source = es;
    es.addEventListener('lines', (event) => {
      const batch = parseLinesEvent(String(event.data));
      if (batch === null) return;
      delay = firstDelayMs;
      // Skip what was delivered already (a fresh connection starts again at line 1).
      const skip = last + 1 - batch.from;
      if (skip >= batch.lines.length) return;
      const lines = skip > 0 ? batch.lines.slice(skip) : batch.lines;
      const from = Math.max(batch.from, last + 1);
      last = from + lines.length - 1;
      handlers.onLines(lines, from);
    });
    es.addEventListener('running', (event) => {
      delay = firstDelayMs;
      status({ state: 'running', ...parseRunningEvent(String(event.data)) });
    });
    es.addEventListener('exit', (event) => {
      const exit = parseExitEvent(String(event.data));
      if (exit === null) return;
      // Nothing more will come: stop the browser from reconnecting to a server about to close.
      stop();
      closed = true;
      status({ state: 'exited', ...exit });
      handlers.onExit?.(exit);
    });
    es.onerror = () => {
      if (closed || source !== es) return;
      if (es.readyState !== CLOSED) {
        // The browser reconnects by itself, resuming after the last line it saw.
        status({ state: 'reconnecting', inMs: 0 });
        return;
      }
      es.close();
      source = null;
      status({ state: 'reconnecting', inMs: delay });
      timer = setTimer(open, delay);
      delay = Math.min(delay * 2, maxDelayMs);
    };
  };

  open();
  return {
    close() {
      if (closed) return;
      closed = true;
      stop();
      status({ state: 'closed' });
    },
  };
}
