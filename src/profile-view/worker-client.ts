/** The page's side of the profile worker: each request a promise. */
import type { ExpectedKind } from '../profile/index.ts';
import type { ProfileReport, ReportChoices } from './report.ts';
import type { FromProfileWorker, Slot, ToProfileWorker } from './worker.ts';

type Request = ToProfileWorker extends infer M
  ? M extends { request: number }
    ? Omit<M, 'request'>
    : never
  : never;

export class ProfileWorker {
  /**
   * Started by the first request, not with the panel: a lesson has several panels, most of them
   * far down the page or waiting for a run, and a worker each at load was most of the page's
   * main-thread work while it loaded.
   */
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<
    number,
    { resolve(reply: FromProfileWorker): void; reject(error: Error): void }
  >();

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromProfileWorker>) => {
      const waiting = this.pending.get(event.data.request);
      this.pending.delete(event.data.request);
      waiting?.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`The profile reader stopped: ${event.message || 'unknown error'}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  private ask(message: Request): Promise<FromProfileWorker> {
    const request = this.next++;
    const worker = this.started();
    return new Promise((resolve, reject) => {
      this.pending.set(request, { resolve, reject });
      worker.postMessage({ ...message, request } as ToProfileWorker);
    });
  }

  /** Reads a profile into a slot; resolves with a problem's message, or null when it was read. */
  async read(
    slot: Slot,
    bytes: Uint8Array,
    expect: ExpectedKind,
    name: string,
    elapsed: number | null,
  ): Promise<string | null> {
    const reply = await this.ask({ type: 'read', slot, bytes, expect, name, elapsed });
    return reply.type === 'read' ? reply.problem : null;
  }

  async time(slot: Slot, elapsed: number | null): Promise<void> {
    await this.ask({ type: 'time', slot, elapsed });
  }

  async clear(slot: Slot): Promise<void> {
    // A reader never started holds nothing to clear.
    if (this.worker) await this.ask({ type: 'clear', slot });
  }

  /** The report on what the slots hold: null with nothing loaded, a string when they do not fit. */
  async report(choices: ReportChoices): Promise<ProfileReport | string | null> {
    const reply = await this.ask({ type: 'report', choices });
    return reply.type === 'report' ? reply.report : null;
  }
}
