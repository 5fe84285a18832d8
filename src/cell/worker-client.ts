/**
 * The page's side of the worker that parses big traces: one worker for every cell on the page,
 * started on first use. Each cell gets its views in order, with unchanged chart data filled in
 * from the previous view, and can ask for hover explanations of its latest text.
 */
import type { ChartCycle } from '../charts/index.ts';
import type { ExplainOptions, Explanation } from '../gctrace/index.ts';
import type { CellView } from './model.ts';
import type { CellWorkerRequest, CellWorkerResponse } from './protocol.ts';
import { unpackCycles } from '../charts/packed-cycles.ts';

type WorkerView = Extract<CellWorkerResponse, { type: 'built' }>['view'];

interface CellChannel {
  onView(id: number, view: WorkerView): void;
  /** The worker stopped (`message` says why): the cell reads its trace on the page from now on. */
  onFailure(message: string): void;
  /** The worker could not read this cell's text `id`. */
  onError(id: number, message: string): void;
}

let worker: Worker | null = null;
let failed = false;
const channels = new Map<string, CellChannel>();
const pendingExplanations = new Map<number, (explanation: Explanation | null) => void>();
let nextExplanationId = 0;

function post(request: CellWorkerRequest): void {
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.addEventListener('message', (event: MessageEvent<CellWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'built') {
        const channel = channels.get(message.cell);
        if (channel) channel.onView(message.id, message.view);
      } else if (message.type === 'failed') {
        channels.get(message.cell)?.onError(message.id, message.message);
      } else {
        pendingExplanations.get(message.id)?.(message.explanation);
        pendingExplanations.delete(message.id);
      }
    });
    worker.addEventListener('error', (event) => {
      // A worker that cannot start (or crashed) must not leave cells waiting: they parse on the
      // page from now on.
      event.preventDefault();
      failed = true;
      worker?.terminate();
      for (const resolve of pendingExplanations.values()) resolve(null);
      pendingExplanations.clear();
      const message = event.message || 'it stopped without saying why';
      for (const channel of channels.values()) {
        // Each cell on its own: one that cannot recover must not keep the others waiting.
        try {
          channel.onFailure(message);
        } catch (error) {
          console.warn(error);
        }
      }
    });
  }
  worker.postMessage(request);
}

/** True while big traces can be parsed off the main thread. */
export function workerAvailable(): boolean {
  return !failed && typeof Worker !== 'undefined';
}

export interface CellWorker {
  /** Asks for the view of `text`; it arrives through `onView` with the same id. */
  build(id: number, text: string): void;
  /** The explanation of the field at a position of the latest text sent. */
  explain(line: number, column: number, options?: ExplainOptions): Promise<Explanation | null>;
  /** The cell parses on the page again: the worker can drop its model. */
  forget(): void;
}

export function cellWorker(
  cell: string,
  onView: (id: number, view: CellView) => void,
  onFailure: (message: string) => void,
  onError: (id: number, message: string) => void,
): CellWorker {
  // The worker sends chart data only when it changed; the last data received stands in.
  let chartCycles: ChartCycle[] = [];
  let active = false;
  channels.set(cell, {
    onView(id, view) {
      if (view.chartCycles !== null) chartCycles = unpackCycles(view.chartCycles);
      onView(id, { ...view, chartCycles });
    },
    onFailure,
    onError,
  });
  return {
    build(id, text) {
      active = true;
      post({ type: 'build', cell, id, text });
    },
    explain(line, column, options = {}) {
      if (failed || !worker) return Promise.resolve(null);
      const id = ++nextExplanationId;
      return new Promise((resolve) => {
        pendingExplanations.set(id, resolve);
        post({ type: 'explain', cell, id, line, column, options });
      });
    },
    forget() {
      if (!active || failed) return;
      active = false;
      chartCycles = [];
      post({ type: 'forget', cell });
    },
  };
}
