/** Where `watch` gets lines from: a program it starts, a pipe, or a log file that grows. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter, type LineLog } from './line-log.ts';

/** GODEBUG with gctrace=1 added to the settings it has; a gctrace setting above 0 is kept as it is. */
export function withGctrace(godebug: string | undefined): string {
  const settings = (godebug ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const gctrace = settings.filter((s) => s.startsWith('gctrace='));
  if (gctrace.length > 0 && gctrace.every((s) => Number(s.slice(8)) > 0)) return settings.join(',');
  return [...settings.filter((s) => !s.startsWith('gctrace=')), 'gctrace=1'].join(',');
}

/** The exit status a shell gives a program: its code, or 128 + the number of the signal that ended it. */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal === null ? undefined : constants.signals[signal];
  return 128 + (number ?? 0);
}

/** Feeds a stream's text into the log as whole lines, copying it unchanged to `echo`; a read error ends it. */
function feed(input: Readable, log: LineLog, echo: Writable | null): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter();
  return new Promise((resolve) => {
    input.on('data', (data: Buffer) => {
      echo?.write(data);
      log.append(splitter.push(decoder.write(data)));
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      log.append(splitter.push(decoder.end()));
      log.append(splitter.end());
      resolve();
    };
    input.on('error', end);
    input.on('end', end);
  });
}

/** A program started by `watch`, with a way to stop it. */
export interface Watched {
  child: ChildProcess;
  /** Resolves when the program has exited and its output is read, with its exit status. */
  done: Promise<number>;
  /** Sends `signal`, then SIGKILL if the program is still there after `graceMs`. */
  stop(signal: NodeJS.Signals, graceMs?: number): void;
}

/** Starts `argv` with GODEBUG=gctrace=1; its standard error goes to the log and, unchanged, to `stderr`. */
export function runProgram(
  argv: string[],
  log: LineLog,
  stderr: Writable,
  env: NodeJS.ProcessEnv,
): Watched {
  const what = argv.join(' ');
  const child = spawn(argv[0]!, argv.slice(1), {
    env: { ...env, GODEBUG: withGctrace(env.GODEBUG) },
    stdio: ['inherit', 'inherit', 'pipe'],
  });
  log.setState({ state: 'running', what, source: 'command' });
  const read = feed(child.stderr!, log, stderr);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on('error', (error) => {
      stderr.write(
        `gctrace: cannot start ${argv[0]}: ${(error as NodeJS.ErrnoException).code ?? error.message}\n`,
      );
      resolve([127, null]);
    });
    child.on('exit', (code, signal) => resolve([code, signal]));
  });
  const done = exited.then(async ([code, signal]) => {
    // A process the program started may still hold standard error open: wait a moment, no more.
    await Promise.race([read, sleep(2000, undefined, { ref: false })]);
    log.setState({ state: 'exited', status: code, signal, what, source: 'command' });
    return exitStatus(code, signal);
  });
  let killTimer: NodeJS.Timeout | undefined;
  done.finally(() => clearTimeout(killTimer));
  return {
    child,
    done,
    stop(signal, graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), graceMs);
      killTimer.unref();
    },
  };
}

/** Reads a pipe to its end into the log, copying it to `stdout` so the program's output stays visible. */
export async function readPipe(input: Readable, log: LineLog, stdout: Writable): Promise<number> {
  const what = 'standard input';
  log.setState({ state: 'running', what, source: 'stdin' });
  await feed(input, log, stdout);
  log.setState({ state: 'exited', status: null, signal: null, what, source: 'stdin' });
  return 0;
}

/**
 * Follows a log file like `tail -f`, from its first line: new text is read as it is written; a
 * file that shrinks (truncated) or is replaced (rotated) is read again from its start.
 * Returns the function that stops following.
 */
export function followFile(
  path: string,
  log: LineLog,
  stderr: Writable,
  intervalMs = 200,
): () => void {
  log.setState({ state: 'running', what: path, source: 'file' });
  let offset = 0;
  let inode = -1;
  let missing = false;
  let decoder = new StringDecoder('utf8');
  let splitter = new LineSplitter();
  const buffer = Buffer.alloc(1 << 20);
  const restart = (why: string) => {
    stderr.write(`gctrace: ${path} ${why}; reading it again from the start\n`);
    offset = 0;
    decoder = new StringDecoder('utf8');
    splitter = new LineSplitter();
  };
  const poll = () => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      if (!missing) stderr.write(`gctrace: ${path} is gone; waiting for it to come back\n`);
      missing = true;
      return;
    }
    missing = false;
    if (inode >= 0 && stat.ino !== inode) restart('was replaced (rotated)');
    else if (stat.size < offset) restart('was truncated');
    inode = stat.ino;
    if (stat.size === offset) return;
    const fd = openSync(path, 'r');
    try {
      let n: number;
      while ((n = readSync(fd, buffer, 0, buffer.length, offset)) > 0) {
        offset += n;
        log.append(splitter.push(decoder.write(buffer.subarray(0, n))));
      }
    } finally {
      closeSync(fd);
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return () => clearInterval(timer);
}
