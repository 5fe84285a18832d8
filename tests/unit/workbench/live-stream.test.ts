import { describe, expect, it } from 'vitest';
import {
  connectLive,
  liveEventsUrl,
  parseExitEvent,
  parseLinesEvent,
  parseRunningEvent,
  type EventSourceLike,
  type LiveExit,
  type LiveStatus,
} from '../../../src/workbench/live-stream.ts';

/** An EventSource the test drives: it records listeners and lets the test fire events. */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  fire(type: string, data: unknown) {
    const event = { data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.({} as Event);
  }
}

function harness() {
  const sources: FakeEventSource[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const lines: [string[], number][] = [];
  const statuses: LiveStatus[] = [];
  const exits: LiveExit[] = [];
  const live = connectLive(
    'http://127.0.0.1:1234/live/events?token=t',
    {
      onLines: (l, from) => lines.push([l, from]),
      onStatus: (s) => statuses.push(s),
      onExit: (e) => exits.push(e),
    },
    {
      createEventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
      setTimer: (run, ms) => {
        const timer = { run, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => ((timer as { cleared: boolean }).cleared = true),
    },
  );
  return { sources, timers, lines, statuses, exits, live };
}

describe('liveEventsUrl', () => {
  it('turns ?live=TOKEN into the event stream of the same server', () => {
    expect(liveEventsUrl('http://127.0.0.1:4000/lab/?live=a-b_c')).toBe(
      'http://127.0.0.1:4000/live/events?token=a-b_c',
    );
    expect(liveEventsUrl('http://127.0.0.1:4000/lab/')).toBeNull();
    expect(liveEventsUrl('http://127.0.0.1:4000/lab/?live=')).toBeNull();
  });
});

describe('event parsing', () => {
  it('reads a batch of lines and rejects anything else', () => {
    expect(parseLinesEvent('{"from":3,"lines":["a","b"]}')).toEqual({ from: 3, lines: ['a', 'b'] });
    expect(parseLinesEvent('{"from":0,"lines":[]}')).toBeNull();
    expect(parseLinesEvent('{"from":1,"lines":[1]}')).toBeNull();
    expect(parseLinesEvent('{"lines":["a"]}')).toBeNull();
    expect(parseLinesEvent('not json')).toBeNull();
  });

  it('reads what a running event says is watched', () => {
    expect(parseRunningEvent('{"what":"gc.log","source":"file"}')).toEqual({
      what: 'gc.log',
      source: 'file',
    });
    expect(parseRunningEvent('not json')).toEqual({ what: '', source: 'command' });
  });

  it('reads an exit status or a signal', () => {
    expect(parseExitEvent('{"what":"./app","status":3,"signal":null}')).toEqual({
      what: './app',
      source: 'command',
      status: 3,
      signal: null,
    });
    expect(
      parseExitEvent('{"what":"standard input","source":"stdin","status":null,"signal":null}')
        ?.source,
    ).toBe('stdin');
    expect(parseExitEvent('{"what":"./app","status":null,"signal":"SIGINT"}')?.signal).toBe(
      'SIGINT',
    );
    expect(parseExitEvent('{"status":"3"}')).toBeNull();
    expect(parseExitEvent('{')).toBeNull();
  });
});

describe('connectLive', () => {
  it('delivers batches in order, with their sequence numbers', () => {
    const { sources, lines, statuses } = harness();
    expect(sources).toHaveLength(1);
    sources[0]!.fire('running', { what: './app' });
    sources[0]!.fire('lines', { from: 1, lines: ['gc 1', 'gc 2'] });
    sources[0]!.fire('lines', { from: 3, lines: ['gc 3'] });
    sources[0]!.fire('lines', 'garbage');
    expect(lines).toEqual([
      [['gc 1', 'gc 2'], 1],
      [['gc 3'], 3],
    ]);
    expect(statuses).toEqual([
      { state: 'connecting' },
      { state: 'running', what: './app', source: 'command' },
    ]);
  });

  it('skips lines it already delivered when a new connection replays the trace', () => {
    const { sources, timers, lines } = harness();
    sources[0]!.fire('lines', { from: 1, lines: ['a', 'b', 'c'] });
    sources[0]!.fail(2);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(1000);
    timers[0]!.run();
    expect(sources).toHaveLength(2);
    sources[1]!.fire('lines', { from: 1, lines: ['a', 'b'] });
    sources[1]!.fire('lines', { from: 3, lines: ['c', 'd', 'e'] });
    expect(lines).toEqual([
      [['a', 'b', 'c'], 1],
      [['d', 'e'], 4],
    ]);
  });

  it('lets the browser reconnect by itself while it is still trying', () => {
    const { sources, timers, statuses } = harness();
    sources[0]!.fail(0);
    expect(timers).toHaveLength(0);
    expect(sources).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ state: 'reconnecting', inMs: 0 });
  });

  it('waits longer after each failed connection, up to 30 s, and again 1 s after success', () => {
    const { sources, timers } = harness();
    for (let i = 0; i < 7; i++) {
      sources.at(-1)!.fail(2);
      timers.at(-1)!.run();
    }
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    sources.at(-1)!.fire('lines', { from: 1, lines: ['x'] });
    sources.at(-1)!.fail(2);
    expect(timers.at(-1)!.ms).toBe(1000);
  });

  it('reports the exit and stops listening', () => {
    const { sources, timers, exits, statuses } = harness();
    sources[0]!.fire('exit', { what: './app', status: null, signal: 'SIGTERM' });
    expect(exits).toEqual([{ what: './app', source: 'command', status: null, signal: 'SIGTERM' }]);
    expect(statuses.at(-1)).toEqual({
      state: 'exited',
      what: './app',
      source: 'command',
      status: null,
      signal: 'SIGTERM',
    });
    expect(sources[0]!.closed).toBe(true);
    sources[0]!.fail(2);
    expect(timers).toHaveLength(0);
  });

  it('close() stops the stream and any reconnection', () => {
    const { sources, timers, live, statuses } = harness();
    sources[0]!.fail(2);
    live.close();
    expect(timers[0]!.cleared).toBe(true);
    expect(statuses.at(-1)).toEqual({ state: 'closed' });
    live.close();
    expect(statuses.filter((s) => s.state === 'closed')).toHaveLength(1);
  });
});
