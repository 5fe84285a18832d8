import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LineLog } from '../../../src/cli/watch/line-log.ts';
import { startServer, type LiveServer } from '../../../src/cli/watch/server.ts';
import { root } from './run-cli.ts';
import { linesOf, readEvents } from './watch-client.ts';

const captured = readFileSync(join(root, 'content/traces/leaking-map.txt'), 'utf8')
  .replace(/\n$/, '')
  .split('\n');

let server: LiveServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(log: LineLog) {
  server = await startServer({ log, token: 't', port: 0, siteDir: null });
  return `http://127.0.0.1:${server.port}/live/events?token=t`;
}

describe('the event stream of watch', () => {
  it('sends lines printed one at a time in quick succession as one event', async () => {
    const log = new LineLog();
    log.setState({ state: 'running', what: 'replay', source: 'command' });
    const url = await serve(log);
    const events = readEvents(url, (e) => linesOf(e).length >= captured.length);
    // The page has connected once the state event has gone out; give it a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const line of captured) log.append([line]);
    const received = await events;
    expect(linesOf(received)).toEqual(captured);
    const batches = received.filter((e) => e.event === 'lines');
    expect(batches.length).toBeLessThan(5);
  });

  it('writes the lines it is gathering before a state change, in order', async () => {
    const log = new LineLog();
    const url = await serve(log);
    const events = readEvents(url, (e) => e.some((x) => x.event === 'exit'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    log.append(captured.slice(0, 3));
    log.append(captured.slice(3, 5));
    log.setState({
      state: 'exited',
      status: 0,
      signal: null,
      what: 'replay',
      source: 'command',
    });
    const received = await events;
    expect(received.map((e) => e.event)).toEqual(['running', 'lines', 'exit']);
    expect(linesOf(received)).toEqual(captured.slice(0, 5));
  });

  it('writes gathered lines before it closes', async () => {
    const log = new LineLog();
    const url = await serve(log);
    const events = readEvents(url, () => false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    log.append(captured.slice(0, 4));
    await server!.close();
    server = null;
    expect(linesOf(await events)).toEqual(captured.slice(0, 4));
  });
});
