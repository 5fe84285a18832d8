/** Runs the command line in this process (fast), or as a child the way a shell script would. */
import { spawn } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/main.ts';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const cli = fileURLToPath(new URL('../../../scripts/gctrace.mjs', import.meta.url));

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Collects what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

/** Runs `gctrace ARGS…` in this process; `input` is its standard input. */
export async function gctrace(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<Ran> {
  const stdout = sink();
  const stderr = sink();
  const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]);
  const status = await main(args, { stdin, stdout, stderr, env: { ...options.env } });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node scripts/gctrace.mjs ARGS…` as a child process to its end. */
export function spawnGctrace(args: string[], input = ''): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}
