// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildReport, type LoadedProfile } from '../../../src/profile-view/report.ts';
import { renderReport } from '../../../src/profile-view/render.ts';
import { cycleBefore, timelineSentences } from '../../../src/profile-view/timeline.ts';
import { loadProfile, releases } from './captures.ts';

const [release] = releases();
const loaded = async (name: string, elapsed: number | null): Promise<LoadedProfile> => ({
  profile: await loadProfile(release!, name),
  name,
  elapsedSeconds: elapsed,
});

describe('buildReport()', () => {
  it('names the line that gained most between the two snapshots of the leak', async () => {
    const report = buildReport(
      await loaded('leaking-map-1.pb.gz', 3),
      await loaded('leaking-map-2.pb.gz', 8),
    );
    if (typeof report === 'string') throw new Error(report);
    expect(report.diff).toBe(true);
    expect(report.headline).toMatch(
      /^Between the two profiles \(taken at 3\.00 s and 8\.00 s\), inuse_space grew by [\d.]+[kM]B\. The line that gained most: main\.remember \(heap-profiles\/sessions\.go:\d+\), \+[\d.]+[kM]B\.$/,
    );
    expect(report.note).toBe('');
  });

  it('warns that allocation totals grow in any busy program', async () => {
    const report = buildReport(
      await loaded('leaking-map-1.pb.gz', 3),
      await loaded('leaking-map-2.pb.gz', 8),
      { sampleType: 'alloc_space' },
    );
    if (typeof report === 'string') throw new Error(report);
    expect(report.note).toMatch(/grow between any two profiles of a busy program, leak or not/);
  });

  it('counts the forgotten goroutines and where they wait', async () => {
    const report = buildReport(
      await loaded('forgotten-goroutines-1.pb.gz', 2),
      await loaded('forgotten-goroutines-2.pb.gz', 4),
    );
    if (typeof report === 'string') throw new Error(report);
    expect(report.headline).toMatch(
      /^\d+ goroutines in the base, \d+ in the later profile\. The stack that grew most: \+\d+ goroutines in main\.worker \(heap-profiles\/workers\.go:\d+\), waiting to receive from a channel\.$/,
    );
  });

  it('refuses to compare profiles of two kinds', async () => {
    const report = buildReport(
      await loaded('leaking-map-1.pb.gz', 3),
      await loaded('forgotten-goroutines-2.pb.gz', 4),
    );
    expect(report).toMatch(/base is a heap profile and the later one a goroutine profile/);
  });
});

describe('renderReport()', () => {
  it('draws the headline, the flame graph and the top table with pprof columns', async () => {
    const report = buildReport(null, await loaded('leaking-map-2.pb.gz', 8));
    if (typeof report === 'string') throw new Error(report);
    const { root } = renderReport(document, report, 'r');
    expect(root.querySelector('[data-headline]')!.textContent).toBe(report.headline);
    expect(root.querySelector('svg.flame-chart')).not.toBeNull();
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['flat', 'flat %', 'sum %', 'cum', 'cum %', 'function']);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(report.table.rows.length);
    const byLine = buildReport(null, await loaded('leaking-map-2.pb.gz', 8), {
      granularity: 'lines',
    });
    if (typeof byLine === 'string') throw new Error(byLine);
    const lineRoot = renderReport(document, byLine, 'l').root;
    expect(lineRoot.querySelector('thead th:last-child')!.textContent).toBe('file:line');
    expect(lineRoot.querySelector('tbody tr td:last-child')!.textContent).toMatch(
      /^[\w-]+\/[\w.]+\.go:\d+$/,
    );
  });
});

describe('the time marks', () => {
  const cycles = [
    { t: 2.9, heapLive: 6, gc: 79, forced: false },
    { t: 3.01, heapLive: 7, gc: 80, forced: true },
    { t: 3.2, heapLive: 7, gc: 81, forced: false },
  ];
  it('take the collection just before a profile as the one it reports', () => {
    expect(cycleBefore(cycles, 3.03)!.gc).toBe(80);
    expect(cycleBefore(cycles, 1)).toBeNull();
  });
  it('say each profile’s moment in words', () => {
    const [sentence] = timelineSentences({
      cycles,
      domain: [0, 4],
      marks: [{ label: 'base', name: 'a.pb.gz', t: 3.03 }],
    });
    expect(sentence).toBe(
      'The base profile (a.pb.gz) was taken at 3.03 s; the collection before it is gc 80 at 3.010 s (forced), live heap 7 MB.',
    );
  });
});
