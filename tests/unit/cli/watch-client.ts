/** Starts `gctrace watch` as a child process and reads its event stream, for the watch tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { cli, root } from './run-cli.ts';

export interface Watching {
  child: ChildProcess;
  port: number;
  token: string;
  /** Standard error so far. */
  stderr(): string;
  stdout(): string;
  /** Resolves when a line of standard error matches. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `gctrace watch ARGS…` and waits for the workbench address it prints. */
export async function startWatch(
  args: string[],
  env: Record<string, string> = {},
): Promise<Watching> {
  const child = spawn(process.execPath, [cli, 'watch', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  const waiters: (() => void)[] = [];
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
    for (const w of waiters) w();
  });
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stderr);
        if (match !== null) resolve(match);
      };
      waiters.push(check);
      check();
      exited.then(() => {
        check();
        reject(new Error(`gctrace exited before printing ${pattern}:\n${stderr}`));
      });
    });
  const [, port, token] = await waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/lab\/\?live=([\w-]+)/);
  return {
    child,
    port: Number(port),
    token: token!,
    stderr: () => stderr,
    stdout: () => stdout,
    waitFor,
    exited,
  };
}

export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads Server-Sent Events from `url` until `enough` says so (or the stream ends). */
export async function readEvents(
  url: string,
  enough: (events: SseEvent[]) => boolean,
  headers: Record<string, string> = {},
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body!) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', id: null, data: '' };
        let fields = 0;
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon === 0) continue;
          const [name, value] = [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
          fields++;
          if (name === 'event') event.event = value;
          else if (name === 'id') event.id = value;
          else if (name === 'data') event.data += value;
          else fields--;
        }
        if (fields > 0 && event.data !== '') events.push(event);
      }
      if (enough(events)) break;
    }
  } finally {
    controller.abort();
  }
  return events;
}

/** The lines of `lines` events, checking that their sequence numbers follow on from `after`. */
export function linesOf(events: SseEvent[], after = 0): string[] {
  const lines: string[] = [];
  for (const e of events.filter((e) => e.event === 'lines')) {
    const { from, lines: batch } = JSON.parse(e.data) as { from: number; lines: string[] };
    if (from !== after + lines.length + 1)
      throw new Error(`batch from ${from} after ${after + lines.length} lines`);
    if (Number(e.id) !== from + batch.length - 1) throw new Error(`id ${e.id} for batch ${from}`);
    lines.push(...batch);
  }
  return lines;
}

/** The status of a plain GET with any Host header (fetch cannot set Host). */
export function statusOf(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}
