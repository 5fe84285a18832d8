import { describe, expect, it } from 'vitest';
import {
  liveCountsText,
  liveExitText,
  liveStatusText,
  liveWhatText,
} from '../../../src/workbench/live-wording.ts';

describe('live wording', () => {
  it('liveExitText() says how each kind of source ended', () => {
    const exit = { what: './app', source: 'command' as const, status: 0, signal: null };
    expect(liveExitText(exit)).toBe('The program exited (status 0).');
    expect(liveExitText({ ...exit, status: 2 })).toBe('The program exited (status 2).');
    expect(liveExitText({ ...exit, status: null, signal: 'SIGTERM' })).toBe(
      'The program was ended by signal SIGTERM.',
    );
    expect(liveExitText({ ...exit, source: 'stdin', status: null })).toBe(
      'The pipe closed: the input has ended.',
    );
    expect(liveExitText({ ...exit, source: 'file', what: 'gc.log', status: null })).toBe(
      'Stopped following gc.log.',
    );
  });

  it('liveWhatText() names the command, the pipe or the file', () => {
    expect(liveWhatText('go run ./cmd/server', 'command')).toBe('Watching go run ./cmd/server');
    expect(liveWhatText('standard input', 'stdin')).toMatch(/^Reading a pipe/);
    expect(liveWhatText('/var/log/gc.log', 'file')).toBe('Following the log file /var/log/gc.log.');
  });

  it('liveCountsText() adds the new lines only while some wait', () => {
    expect(liveCountsText(1, 1, 0)).toBe('1 line · 1 cycle');
    expect(liveCountsText(12000, 11000, 1500)).toBe(
      '12,000 lines · 11,000 cycles · 1,500 new lines',
    );
  });

  it('liveStatusText() says when the next try is, in seconds', () => {
    expect(liveStatusText({ state: 'reconnecting', inMs: 4000 })).toContain('trying again in 4 s');
    expect(liveStatusText({ state: 'running', what: 'x', source: 'command' })).toBeNull();
  });
});
