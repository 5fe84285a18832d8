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
  private worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  private next = 1;
  private pending = new Map<
    number,
    { resolve(reply: FromProfileWorker): void; reject(error: Error): void }
  >();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<FromProfileWorker>) => {
      const waiting = this.pending.get(event.data.request);
      this.pending.delete(event.data.request);
      waiting?.resolve(event.data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`The profile reader stopped: ${event.message || 'unknown error'}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
  }

  private ask(message: Request): Promise<FromProfileWorker> {
    const request = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(request, { resolve, reject });
      this.worker.postMessage({ ...message, request } as ToProfileWorker);
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
    await this.ask({ type: 'clear', slot });
  }

  /** The report on what the slots hold: null with nothing loaded, a string when they do not fit. */
  async report(choices: ReportChoices): Promise<ProfileReport | string | null> {
    const reply = await this.ask({ type: 'report', choices });
    return reply.type === 'report' ? reply.report : null;
  }
}
