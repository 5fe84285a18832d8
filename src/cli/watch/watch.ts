/**
 * `gctrace watch`: runs a program with GODEBUG=gctrace=1 (or reads a pipe, or follows a file) and
 * serves the workbench with the trace streamed to it live.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../args.ts';
import type { Io } from '../main.ts';
import { plural as count } from '../../gctrace/index.ts';
import { LineLog } from './line-log.ts';
import { startServer, type LiveServer } from './server.ts';
import { followFile, readPipe, runProgram, type Watched } from './sources.ts';

const defaultSite = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** Runs `watch` to its end; resolves with the program's exit status (0 for a pipe or a file). */
export async function watch(command: Extract<Command, { name: 'watch' }>, io: Io): Promise<number> {
  const say = (text: string) => io.stderr.write(`gctrace: ${text}\n`);
  const { source } = command;
  if (source.kind === 'file') {
    try {
      if (!statSync(source.path).isFile()) throw Object.assign(new Error(), { code: 'EISDIR' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      say(
        `cannot read ${source.path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is not a file' : code}`,
      );
      return 1;
    }
  }
  const siteDir = resolve(command.siteDir ?? defaultSite);
  const built = existsSync(resolve(siteDir, 'lab'));
  if (!built)
    say(
      `the site is not built (no ${siteDir}): run npx astro build first; the event stream works without it`,
    );

  const log = new LineLog();
  const token = randomBytes(24).toString('base64url');
  let server: LiveServer;
  try {
    server = await startServer({ log, token, port: command.port, siteDir: built ? siteDir : null });
  } catch (error) {
    say(
      `cannot serve on 127.0.0.1:${command.port}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
    return 1;
  }
  const url = `http://127.0.0.1:${server.port}/lab/?live=${token}`;
  say(`workbench: ${url}`);
  if (command.open) openBrowser(url, say);

  // Ctrl-C (or SIGTERM) stops the program first, then the server; a second one kills the program.
  let quit: () => void = () => {};
  const quitting = new Promise<void>((done) => (quit = done));
  let program: Watched | null = null;
  let stopFollowing: (() => void) | null = null;
  let interrupted = false;
  let exited = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (program !== null && !exited) {
      say(interrupted ? 'killing the program' : `stopping the program (${signal})`);
      if (interrupted) program.child.kill('SIGKILL');
      else program.stop(signal);
    }
    interrupted = true;
    stopFollowing?.();
    quit();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Never leave the program running, whatever ends this process.
  const killOnExit = () => program?.child.kill('SIGKILL');
  process.on('exit', killOnExit);

  let status: number;
  if (source.kind === 'command') {
    program = runProgram(source.argv, log, io.stderr, io.env);
    say(`running ${source.argv.join(' ')} with GODEBUG=gctrace=1 (pid ${program.child.pid})`);
    status = await program.done;
    exited = true;
    const state = log.state;
    say(
      state.state === 'exited' && state.signal !== null
        ? `the program ended on ${state.signal} (status ${status}); ${count(log.last, 'line')} read`
        : `the program exited with status ${status}; ${count(log.last, 'line')} read`,
    );
  } else if (source.kind === 'stdin') {
    status = await Promise.race([readPipe(io.stdin, log, io.stdout), quitting.then(() => 0)]);
    say(`the input ended; ${count(log.last, 'line')} read`);
  } else {
    say(`following ${source.path}; press Ctrl-C to stop`);
    stopFollowing = followFile(source.path, log, io.stderr);
    await quitting;
    status = 0;
  }
  if (!command.exitWhenDone && !interrupted) {
    say('still serving the trace; press Ctrl-C to stop');
    await quitting;
  }
  await server.close();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('exit', killOnExit);
  return status;
}

/** Opens `url` with the desktop's opener, if there is one. */
function openBrowser(url: string, say: (text: string) => void) {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => say(`cannot run ${opener}: open the address above in a browser`));
  child.unref();
}
