/** The page's side of the workbench worker: requests as promises, loading as events. */
import type { Domain, ExportFormat, FromWorker, ToWorker, TraceState } from './protocol.ts';
import type { RangeSummary } from './summary.ts';
import type { ChartRange } from './chart-range.ts';

export interface LoadListener {
  progress(bytes: number, total: number, lines: number, cycles: number): void;
  state(state: TraceState, preview: ChartRange | null): void;
  cancelled(): void;
  failed(message: string): void;
}

type Pending = { resolve(value: FromWorker): void; reject(error: Error): void };

/** One worker shared by every trace on the page. */
export class WorkbenchWorker {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Map<string, LoadListener>();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
    });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      const message = `The trace reader stopped: ${event.message || 'unknown error'}`;
      for (const listener of this.listeners.values()) listener.failed(message);
      for (const p of this.pending.values()) p.reject(new Error(message));
      this.pending.clear();
    };
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if ('request' in message && message.request !== null && message.type !== 'error') {
      const p = this.pending.get(message.request);
      this.pending.delete(message.request);
      p?.resolve(message);
      return;
    }
    if (message.type === 'error' && message.request !== null) {
      const p = this.pending.get(message.request);
      this.pending.delete(message.request);
      p?.reject(new Error(message.message));
      return;
    }
    const listener = this.listeners.get(message.id);
    if (!listener) return;
    if (message.type === 'progress')
      listener.progress(message.bytes, message.total, message.lines, message.cycles);
    else if (message.type === 'state') listener.state(message.state, message.preview);
    else if (message.type === 'cancelled') listener.cancelled();
    else if (message.type === 'error') listener.failed(message.message);
  }

  private ask<T extends FromWorker>(build: (request: number) => ToWorker): Promise<T> {
    const request = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request, { resolve: (v) => resolve(v as T), reject });
      this.send(build(request));
    });
  }

  load(id: string, source: Blob, name: string, listener: LoadListener): void {
    this.listeners.set(id, listener);
    this.send({ type: 'load', id, source, name });
  }

  /**
   * Adds whole lines (each ending in a line break) to the live trace `id`, started by its first
   * append; `end` says nothing more will come. Resolves with what the trace holds then.
   */
  async append(id: string, name: string, text: string, end: boolean): Promise<TraceState> {
    const answer = await this.ask<Extract<FromWorker, { type: 'appended' }>>((request) => ({
      type: 'append',
      id,
      request,
      name,
      text,
      end,
    }));
    return answer.state;
  }

  cancel(id: string): void {
    this.send({ type: 'cancel', id });
  }

  drop(id: string): void {
    this.listeners.delete(id);
    this.send({ type: 'drop', id });
  }

  async view(id: string, run: number, domain: Domain | null): Promise<ChartRange> {
    const answer = await this.ask<Extract<FromWorker, { type: 'view' }>>((request) => ({
      type: 'view',
      id,
      request,
      run,
      domain,
    }));
    return answer.view;
  }

  async summary(id: string, run: number, domain: Domain | null): Promise<RangeSummary> {
    const answer = await this.ask<Extract<FromWorker, { type: 'summary' }>>((request) => ({
      type: 'summary',
      id,
      request,
      run,
      domain,
    }));
    return answer.summary;
  }

  async page(id: string, firstLine: number, count: number): Promise<string[]> {
    const answer = await this.ask<Extract<FromWorker, { type: 'page' }>>((request) => ({
      type: 'page',
      id,
      request,
      firstLine,
      count,
    }));
    return answer.lines;
  }

  async export(id: string, run: number, domain: Domain | null, format: ExportFormat) {
    const answer = await this.ask<Extract<FromWorker, { type: 'export' }>>((request) => ({
      type: 'export',
      id,
      request,
      run,
      domain,
      format,
    }));
    return answer.blob;
  }
}
