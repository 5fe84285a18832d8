// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHandlers } from '../../../src/workbench/live-stream.ts';
import { LiveSession } from '../../../src/workbench/live-session.ts';

/** The markup of LiveBar.astro, as far as the session reads it. */
const barMarkup = `
  <div data-live hidden>
    <span data-live-badge></span><span data-live-what></span>
    <p data-live-counts></p><p data-live-message></p>
    <button type="button" data-action="live-pause">Pause</button>
    <p role="status" data-live-announce></p>
  </div>`;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness() {
  document.body.innerHTML = barMarkup;
  const root = document.querySelector<HTMLElement>('[data-live]')!;
  let handlers!: LiveHandlers;
  let closed = 0;
  const appended: string[] = [];
  const shown: number[] = [];
  const announcements: string[] = [];
  let ended = 0;
  const session = new LiveSession(
    'http://127.0.0.1:1/live/events?token=t',
    root,
    {
      append: async (lines) => {
        appended.push(...lines);
        return {
          lines: appended.length,
          cycles: appended.filter((l) => l.startsWith('gc')).length,
        };
      },
      show: async (lastLine) => void shown.push(lastLine),
      ended: () => void ended++,
      failed: () => undefined,
    },
    {
      connect: (_url, h) => {
        handlers = h;
        return { close: () => void closed++ };
      },
      feed: { nextFrame: () => Promise.resolve(), minIntervalMs: 0 },
    },
  );
  // Every announcement that reached the status region, in order.
  const region = root.querySelector('[data-live-announce]')!;
  const announce = session.bar.announce.bind(session.bar);
  session.bar.announce = (text) => {
    const before = region.textContent;
    announce(text);
    if (region.textContent !== before) announcements.push(region.textContent!);
  };
  session.start();
  const text = (selector: string) => root.querySelector(selector)!.textContent;
  const button = root.querySelector<HTMLButtonElement>('[data-action="live-pause"]')!;
  return {
    session,
    root,
    handlers: () => handlers,
    appended,
    shown,
    announcements,
    text,
    button,
    closed: () => closed,
    ended: () => ended,
  };
}

beforeEach(() => {
  // The bar writes its counts at the next frame: here, the next turn of the event loop.
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) =>
    setTimeout(() => run(0), 0),
  );
});
afterEach(() => void vi.unstubAllGlobals());

describe('LiveSession', () => {
  it('shows the bar, says what is watched, and announces only the start', async () => {
    const h = harness();
    expect(h.root.hidden).toBe(false);
    expect(h.text('[data-live-badge]')).toBe('Connecting');
    h.handlers().onStatus!({ state: 'connecting' });
    h.handlers().onStatus!({ state: 'running', what: './server -addr :8080', source: 'command' });
    expect(h.text('[data-live-badge]')).toBe('Live');
    expect(h.text('[data-live-what]')).toBe('Watching ./server -addr :8080');
    for (let i = 1; i <= 5; i++) h.handlers().onLines([`gc ${i} @0.${i}s`, 'output'], 2 * i - 1);
    await settle();
    await settle();
    expect(h.appended).toHaveLength(10);
    expect(h.shown.at(-1)).toBe(10);
    await settle();
    expect(h.text('[data-live-counts]')).toBe('10 lines · 5 cycles');
    expect(h.announcements).toEqual([
      'Live trace. Watching ./server -addr :8080 The charts follow as lines arrive.',
    ]);
  });

  it('Pause counts new lines without showing them; Resume shows them and says how many', async () => {
    const h = harness();
    h.handlers().onStatus!({ state: 'running', what: 'app', source: 'command' });
    h.handlers().onLines(['gc 1 @0.1s'], 1);
    await settle();
    h.button.click();
    expect(h.text('[data-live-badge]')).toBe('Paused');
    expect(h.button.textContent).toBe('Resume');
    h.handlers().onLines(['gc 2 @0.2s', 'gc 3 @0.3s'], 2);
    await settle();
    await settle();
    expect(h.shown.at(-1)).toBe(1);
    await settle();
    expect(h.text('[data-live-counts]')).toBe('1 line · 1 cycle · 2 new lines');
    h.button.click();
    await settle();
    expect(h.shown.at(-1)).toBe(3);
    expect(h.text('[data-live-badge]')).toBe('Live');
    expect(h.announcements.slice(1)).toEqual([
      'Paused. New lines are counted and shown when you resume.',
      'Following again: 2 new lines added.',
    ]);
  });

  it('says once that the connection was lost, and once that it is back', () => {
    const h = harness();
    h.handlers().onStatus!({ state: 'running', what: 'app', source: 'command' });
    h.handlers().onStatus!({ state: 'reconnecting', inMs: 1000 });
    h.handlers().onStatus!({ state: 'connecting' });
    h.handlers().onStatus!({ state: 'reconnecting', inMs: 2000 });
    expect(h.text('[data-live-badge]')).toBe('Connection lost');
    expect(h.text('[data-live-message]')).toContain('trying again in 2 s');
    h.handlers().onStatus!({ state: 'running', what: 'app', source: 'command' });
    expect(h.text('[data-live-message]')).toBe('');
    expect(h.announcements.slice(1)).toEqual([
      'The connection to gctrace watch was lost; trying again.',
      'Connected again.',
    ]);
  });

  it('shows the exit status, finishes the trace, and announces the end with its counts', async () => {
    const h = harness();
    h.handlers().onStatus!({ state: 'running', what: 'app', source: 'command' });
    h.handlers().onLines(['gc 1 @0.1s', 'done'], 1);
    h.handlers().onExit!({ what: 'app', source: 'command', status: 3, signal: null });
    await settle();
    await settle();
    expect(h.text('[data-live-message]')).toBe('The program exited (status 3).');
    expect(h.text('[data-live-badge]')).toBe('Ended');
    expect(h.button.hidden).toBe(true);
    expect(h.ended()).toBe(1);
    expect(h.announcements.at(-1)).toBe(
      'The program exited (status 3). The trace stays here: 2 lines, 1 cycle.',
    );
  });

  it('an end while paused keeps Resume, which then finishes the trace', async () => {
    const h = harness();
    h.handlers().onStatus!({ state: 'running', what: 'standard input', source: 'stdin' });
    h.button.click();
    h.handlers().onLines(['gc 1 @0.1s'], 1);
    h.handlers().onExit!({ what: 'standard input', source: 'stdin', status: null, signal: null });
    await settle();
    expect(h.text('[data-live-message]')).toBe('The pipe closed: the input has ended.');
    expect(h.text('[data-live-badge]')).toBe('Paused');
    expect(h.ended()).toBe(0);
    h.button.click();
    await settle();
    await settle();
    expect(h.ended()).toBe(1);
    expect(h.text('[data-live-badge]')).toBe('Ended');
    expect(h.button.hidden).toBe(true);
  });

  it('says the address may be wrong when the stream never worked', () => {
    const h = harness();
    h.handlers().onStatus!({ state: 'reconnecting', inMs: 1000 });
    expect(h.text('[data-live-badge]')).toBe('Not connected');
    expect(h.text('[data-live-message]')).toContain('is this the address it printed');
    expect(h.announcements).toEqual(['gctrace watch cannot be reached at this address.']);
  });

  it('close() stops the stream and the feed', async () => {
    const h = harness();
    h.session.close();
    expect(h.closed()).toBe(1);
    expect(h.text('[data-live-badge]')).toBe('Stopped');
    h.handlers().onLines(['gc 1 @0.1s'], 1);
    await settle();
    expect(h.appended).toEqual([]);
  });
});
