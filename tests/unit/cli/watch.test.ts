import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitStatus, withGctrace } from '../../../src/cli/watch/sources.ts';
import { root, spawnGctrace } from './run-cli.ts';
import { linesOf, readEvents, startWatch, statusOf } from './watch-client.ts';

// Each test starts Node twice (the command line and the program): seconds on a busy machine.
const slow = 90_000;
const leaking = join(root, 'content/traces/leaking-map.txt');
const leakingLines = readFileSync(leaking, 'utf8').replace(/\n$/, '').split('\n');
const steadyLines = readFileSync(join(root, 'content/traces/steady.txt'), 'utf8')
  .replace(/\n$/, '')
  .split('\n');
const scratch = mkdtempSync(join(tmpdir(), 'gctrace-watch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const exitOf = (events: { event: string; data: string }[]) =>
  events.find((e) => e.event === 'exit') &&
  JSON.parse(events.find((e) => e.event === 'exit')!.data);

describe('GODEBUG and exit status', () => {
  it('adds gctrace=1 to the settings already there, once', () => {
    expect(withGctrace(undefined)).toBe('gctrace=1');
    expect(withGctrace('madvdontneed=1')).toBe('madvdontneed=1,gctrace=1');
    expect(withGctrace('gctrace=1,madvdontneed=1')).toBe('gctrace=1,madvdontneed=1');
    expect(withGctrace('gctrace=2')).toBe('gctrace=2');
    expect(withGctrace('gctrace=0,x=1')).toBe('x=1,gctrace=1');
  });

  it('gives a shell’s status for a signal: 128 + its number', () => {
    expect(exitStatus(3, null)).toBe(3);
    expect(exitStatus(null, 'SIGINT')).toBe(130);
    expect(exitStatus(null, 'SIGKILL')).toBe(137);
  });
});

describe('gctrace watch -- CMD', () => {
  it(
    'streams a replayed trace to every page, in order and whole, and exits with its status',
    async () => {
      const watching = await startWatch([
        '--port',
        '0',
        '--',
        process.execPath,
        'scripts/replay-trace.mjs',
        leaking,
        '--speed',
        '20',
      ]);
      const events = `http://127.0.0.1:${watching.port}/live/events?token=${watching.token}`;
      const first = await readEvents(events, (e) => exitOf(e) !== undefined);
      expect(linesOf(first)).toEqual(leakingLines);
      expect(exitOf(first)).toMatchObject({ status: 0, signal: null, source: 'command' });
      // The state comes after the lines already kept: "running" while the program runs, or, when
      // the replay (at 20×) has ended before the page connected on a busy machine, "exit".
      const state = first.find((event) => event.event !== 'lines')!;
      expect(['running', 'exit']).toContain(state.event);
      expect(JSON.parse(state.data)).toMatchObject({ source: 'command' });

      // A second page (or a reload) gets the whole trace; Last-Event-ID resumes after a line.
      const second = await readEvents(events, (e) => exitOf(e) !== undefined);
      expect(linesOf(second)).toEqual(leakingLines);
      const resumed = await readEvents(events, (e) => exitOf(e) !== undefined, {
        'last-event-id': '100',
      });
      expect(linesOf(resumed, 100)).toEqual(leakingLines.slice(100));

      // The program's standard error went through unchanged.
      expect(watching.stderr()).toContain(leakingLines.join('\n'));

      expect((await fetch(events.replace(/token=.*/, ''))).status).toBe(403);
      expect((await fetch(events.replace(/token=./, 'token=x'))).status).toBe(403);
      const path = `/live/events?token=${watching.token}`;
      expect(await statusOf(watching.port, path, `evil.example:${watching.port}`)).toBe(403);
      expect(await statusOf(watching.port, path, `127.0.0.1:${watching.port + 1}`)).toBe(403);
      expect((await fetch(events)).headers.get('access-control-allow-origin')).toBeNull();

      // The program has exited: Ctrl-C closes the server, with the program's status.
      watching.child.kill('SIGINT');
      expect(await watching.exited).toEqual({ code: 0, signal: null });
      await expect(fetch(events)).rejects.toThrow();
    },
    slow,
  );

  it(
    'exits with a failing program’s status on its own with --exit-when-done',
    async () => {
      const watching = await startWatch(
        [
          '--exit-when-done',
          '--',
          process.execPath,
          '-e',
          'console.error(process.env.GODEBUG); process.exit(3)',
        ],
        { GODEBUG: 'madvdontneed=1' },
      );
      expect(await watching.exited).toEqual({ code: 3, signal: null });
      expect(watching.stderr()).toContain('madvdontneed=1,gctrace=1\n');
      expect(watching.stderr()).toContain('exited with status 3');
    },
    slow,
  );

  it(
    'stops a long-running program on Ctrl-C and leaves nothing running',
    async () => {
      const watching = await startWatch([
        '--',
        process.execPath,
        'scripts/replay-trace.mjs',
        leaking,
        '--speed',
        '0.001',
      ]);
      const [, pid] = await watching.waitFor(/\(pid (\d+)\)/);
      watching.child.kill('SIGINT');
      // Node ends on SIGINT: the status is 128 + 2, as a shell reports it.
      expect(await watching.exited).toEqual({ code: 130, signal: null });
      expect(() => process.kill(Number(pid), 0)).toThrow();
    },
    slow,
  );
  it(
    'kills a program that ignores Ctrl-C once the grace period is over',
    async () => {
      const watching = await startWatch([
        '--',
        process.execPath,
        '-e',
        "for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => {}); console.error('ready'); setInterval(() => {}, 1000)",
      ]);
      const [, pid] = await watching.waitFor(/\(pid (\d+)\)/);
      await watching.waitFor(/^ready$/m);
      watching.child.kill('SIGINT');
      // SIGKILL is signal 9: 128 + 9.
      expect(await watching.exited).toEqual({ code: 137, signal: null });
      expect(() => process.kill(Number(pid), 0)).toThrow();
    },
    slow,
  );
});

describe('gctrace watch - and watch FILE', () => {
  it(
    'reads a pipe and passes it on to standard output',
    async () => {
      const watching = await startWatch(['-']);
      const events = `http://127.0.0.1:${watching.port}/live/events?token=${watching.token}`;
      watching.child.stdin!.write(steadyLines.slice(0, 10).join('\n') + '\n');
      const early = await readEvents(events, (e) => linesOf(e).length >= 10);
      expect(linesOf(early)).toEqual(steadyLines.slice(0, 10));
      watching.child.stdin!.end(steadyLines.slice(10).join('\n') + '\n');
      const all = await readEvents(events, (e) => exitOf(e) !== undefined);
      expect(linesOf(all)).toEqual(steadyLines);
      expect(exitOf(all)).toEqual({
        what: 'standard input',
        source: 'stdin',
        status: null,
        signal: null,
      });
      watching.child.kill('SIGINT');
      expect((await watching.exited).code).toBe(0);
      expect(watching.stdout()).toBe(steadyLines.join('\n') + '\n');
    },
    slow,
  );

  it(
    'serves the built site without the token, and nothing outside it',
    async () => {
      const site = join(scratch, 'site');
      mkdirSync(join(site, 'lab'), { recursive: true });
      writeFileSync(join(site, 'lab', 'index.html'), '<!doctype html><title>lab</title>');
      writeFileSync(join(scratch, 'secret.txt'), 'not part of the site');
      const watching = await startWatch(['--site', site, '-']);
      const base = `http://127.0.0.1:${watching.port}`;
      const page = await fetch(`${base}/lab/?live=${watching.token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe('<!doctype html><title>lab</title>');
      const bare = await fetch(`${base}/lab`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/lab/']);
      expect((await fetch(`${base}/nothing.js`)).status).toBe(404);
      const host = `localhost:${watching.port}`;
      expect(await statusOf(watching.port, '/..%2fsecret.txt', host)).toBe(403);
      expect(await statusOf(watching.port, '/lab/', host)).toBe(200);
      watching.child.stdin!.end();
      watching.child.kill('SIGINT');
      expect((await watching.exited).code).toBe(0);
    },
    slow,
  );

  it(
    'follows a growing file, and reads it again after it is truncated or rotated',
    async () => {
      const file = join(scratch, 'gc.log');
      writeFileSync(file, steadyLines.slice(0, 5).join('\n') + '\n');
      const watching = await startWatch([file]);
      const events = `http://127.0.0.1:${watching.port}/live/events?token=${watching.token}`;
      appendFileSync(file, steadyLines.slice(5, 20).join('\n') + '\n');
      const grown = await readEvents(events, (e) => linesOf(e).length >= 20);
      expect(linesOf(grown)).toEqual(steadyLines.slice(0, 20));
      writeFileSync(file, steadyLines.slice(0, 2).join('\n') + '\n');
      await watching.waitFor(/was truncated/);
      const again = await readEvents(events, (e) => linesOf(e).length >= 22);
      expect(linesOf(again)).toEqual([...steadyLines.slice(0, 20), ...steadyLines.slice(0, 2)]);
      // Rotation: a new file is moved into its place.
      const next = join(scratch, 'gc.log.new');
      writeFileSync(next, steadyLines.slice(0, 3).join('\n') + '\n');
      renameSync(next, file);
      await watching.waitFor(/was replaced \(rotated\)/);
      const rotated = await readEvents(events, (e) => linesOf(e).length >= 25);
      expect(linesOf(rotated).slice(22)).toEqual(steadyLines.slice(0, 3));
      watching.child.kill('SIGINT');
      expect((await watching.exited).code).toBe(0);
    },
    slow,
  );

  it(
    'exits 1 for a file it cannot read',
    async () => {
      const missing = join(scratch, 'missing.log');
      const { status, stderr } = await spawnGctrace(['watch', missing]);
      expect(status).toBe(1);
      expect(stderr).toBe(`gctrace: cannot read ${missing}: no such file\n`);
    },
    slow,
  );
});
