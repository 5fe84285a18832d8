/**
 * The profile panel's worker: reads profiles and builds reports off the page's main thread, so
 * that a large profile (tens of thousands of stacks) never freezes the page. It keeps the
 * profiles it read, by slot, so changing the sample type sends only the new report back.
 */
import { readProfile, type ExpectedKind } from '../profile/index.ts';
import {
  buildReport,
  type LoadedProfile,
  type ProfileReport,
  type ReportChoices,
} from './report.ts';

export type Slot = 'base' | 'later';

export type ToProfileWorker =
  | {
      type: 'read';
      request: number;
      slot: Slot;
      bytes: Uint8Array;
      expect: ExpectedKind;
      name: string;
      elapsed: number | null;
    }
  | { type: 'time'; request: number; slot: Slot; elapsed: number | null }
  | { type: 'clear'; request: number; slot: Slot }
  | { type: 'report'; request: number; choices: ReportChoices };

export type FromProfileWorker =
  | { type: 'read'; request: number; problem: string | null }
  | { type: 'done'; request: number }
  | { type: 'report'; request: number; report: ProfileReport | string | null };

const loaded: Record<Slot, LoadedProfile | null> = { base: null, later: null };

async function handle(message: ToProfileWorker): Promise<FromProfileWorker> {
  switch (message.type) {
    case 'read': {
      const result = await readProfile(message.bytes, message.expect);
      if (!result.ok)
        return { type: 'read', request: message.request, problem: result.problem.message };
      loaded[message.slot] = {
        profile: result.profile,
        name: message.name,
        elapsedSeconds: message.elapsed,
      };
      return { type: 'read', request: message.request, problem: null };
    }
    case 'time': {
      const profile = loaded[message.slot];
      if (profile) profile.elapsedSeconds = message.elapsed;
      return { type: 'done', request: message.request };
    }
    case 'clear':
      loaded[message.slot] = null;
      return { type: 'done', request: message.request };
    case 'report': {
      const only = loaded.later ?? loaded.base;
      const report = only
        ? buildReport(loaded.later ? loaded.base : null, only, message.choices)
        : null;
      return { type: 'report', request: message.request, report };
    }
  }
}

self.onmessage = (event: MessageEvent<ToProfileWorker>) => {
  void handle(event.data).then((reply) => self.postMessage(reply));
};
