/** What a run's status line says when it ends. */
import type { RunEnd } from './run-client.ts';

/** The most memory a run may take: a browser tab that runs out of memory is lost with the lesson. */
export const memoryCapBytes = 512 * 2 ** 20;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the status line says when a run ends. */
export function endMessage(
  end: RunEnd,
  program: string,
  elapsedMs: number,
  stderrLines: number,
  online: boolean,
): string {
  const lines = `${plural(stderrLines, 'line')} on standard error`;
  switch (end.kind) {
    case 'exit':
      return end.code === 0
        ? `${program} ended after ${seconds(elapsedMs)}: ${lines}. The trace can be edited now.`
        : `${program} ended with exit status ${end.code} after ${seconds(elapsedMs)}: ${lines}. What it printed last is at the end of the trace.`;
    case 'stopped':
      return `Stopped after ${seconds(elapsedMs)}: ${lines}. The trace can be edited now.`;
    case 'memory-cap':
      return `Stopped after ${seconds(elapsedMs)}: the program's memory reached ${Math.round(end.memoryBytes / 2 ** 20)} MB, past the ${memoryCapBytes / 2 ** 20} MB a run may use in this page. ${lines}.`;
    case 'time-cap':
      return `Stopped after ${seconds(end.ms)}, the longest this run may take in this page: ${lines}.`;
    case 'failed':
      return `The program could not run. ${end.message}${online ? '' : ' You seem to be offline: a program runs offline only after it has run once here.'}`;
  }
}
