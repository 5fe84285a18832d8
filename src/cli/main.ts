/** The `gctrace` command line: reads the arguments, runs the command, returns the exit status. */
import { createReadStream, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { analyseTrace, traceView } from '../gctrace/index.ts';
import { parseArgs, UsageError, type Command } from './args.ts';
import { defaultChunkChars, readTrace } from './read-trace.ts';
import { checkRules } from './rules.ts';
import { summaryJson } from './summary-json.ts';
import { noGcLineHint, summaryText } from './summary-text.ts';
import { usage } from './usage.ts';

/** The process's streams and environment, passed in so the commands stay testable. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

/** Runs `gctrace` with these arguments; resolves with the exit status. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`gctrace: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  switch (command.name) {
    case 'help':
      io.stdout.write(usage + '\n');
      return 0;
    case 'version':
      io.stdout.write(version() + '\n');
      return 0;
    case 'parse':
    case 'summary':
      return report(command, io);
    case 'profile': {
      const { profileReport } = await import('./profile.ts');
      return profileReport(command, io);
    }
    case 'watch': {
      const { watch } = await import('./watch/watch.ts');
      return watch(command, io);
    }
  }
}

/** The version in package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

async function report(
  command: Extract<Command, { name: 'parse' | 'summary' }>,
  io: Io,
): Promise<number> {
  const file = command.file ?? '-';
  if (file === '-' && command.file === null && io.stdin.isTTY) {
    io.stderr.write(`gctrace: give a FILE, or pipe a trace to standard input\n\n${usage}\n`);
    return 2;
  }
  const name = file === '-' ? 'standard input' : file;
  let parsed;
  try {
    const input = file === '-' ? io.stdin : createReadStream(file);
    const chunkChars = Number(io.env.GCTRACE_CHUNK_CHARS) || defaultChunkChars;
    parsed = await readTrace(input, chunkChars);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? String((error as Error).message));
    io.stderr.write(`gctrace: cannot read ${name}: ${why}\n`);
    return 1;
  }
  if (command.name === 'parse') {
    io.stdout.write(JSON.stringify(traceView(parsed), null, 2) + '\n');
    return 0;
  }
  const analysis = analyseTrace(parsed);
  const results = checkRules(command.rules, parsed, analysis);
  const failed = results.filter((r) => !r.passed);
  if (command.json) {
    io.stdout.write(JSON.stringify(summaryJson(parsed, analysis, results), null, 2) + '\n');
  } else {
    io.stdout.write(summaryText(parsed, analysis));
    if (results.length > 0) {
      io.stdout.write('\n');
      for (const r of results) io.stdout.write(`${r.passed ? 'pass' : 'FAIL'}: ${r.message}\n`);
    }
  }
  if (parsed.cycles.length === 0) io.stderr.write(`gctrace: ${name}: ${noGcLineHint}\n`);
  // The text report lists the rules already; after JSON, say on standard error which broke.
  if (command.json) for (const r of failed) io.stderr.write(`gctrace: rule broken: ${r.message}\n`);
  return failed.length > 0 ? 1 : 0;
}
