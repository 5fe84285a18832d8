// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { flameChart, frameClass, type FlameFrame } from '../../../src/charts/flame-chart.ts';
import { diffProfiles, stackTree } from '../../../src/profile/index.ts';
import { loadProfile, releases } from '../profile/captures.ts';
import { expectSvgSnapshot } from './svg-snapshot.ts';

async function leakGrowth(): Promise<FlameFrame> {
  const [release] = releases();
  return stackTree(
    diffProfiles(
      await loadProfile(release!, 'leaking-map-1.pb.gz'),
      await loadProfile(release!, 'leaking-map-2.pb.gz'),
    ),
    { sampleType: 'inuse_space' },
  );
}

function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

const frameOf = (svg: Element, name: string) =>
  [...svg.querySelectorAll<SVGGElement>('.flame-frame')].find((g) =>
    g.getAttribute('aria-label')!.startsWith(`${name}:`),
  )!;

describe('flameChart()', () => {
  it('draws a tree of focusable frames, each named by function, value and share', async () => {
    const tree = await leakGrowth();
    const chart = flameChart(tree, { formatValue: (v) => `${v} B`, idPrefix: 'f' });
    const svg = chart.node;
    expect(svg.getAttribute('role')).toBe('tree');
    const frames = svg.querySelectorAll('[role="treeitem"]');
    expect(frames.length).toBe(Number(svg.getAttribute('data-frames')));
    expect(frames.length).toBeGreaterThanOrEqual(4);
    const remember = frameOf(svg, 'main.remember');
    expect(remember.getAttribute('aria-label')).toMatch(
      /^main\.remember: \d+ B, \d+(\.\d)?% of the total, in gctracelab\/heap-profiles\/sessions\.go$/,
    );
    expect(remember.getAttribute('aria-level')).toBe(
      String(Number(frameOf(svg, 'main.handle').getAttribute('aria-level')) + 1),
    );
    // One frame is in the tab order: the root, until the keys move on.
    expect([...frames].filter((f) => f.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(frames[0]!.getAttribute('tabindex')).toBe('0');
  });

  it('moves with the arrow keys: down to the largest callee, up to the caller', async () => {
    const tree = await leakGrowth();
    const chart = flameChart(tree);
    document.body.append(chart.node);
    const root = chart.node.querySelector<SVGGElement>('.flame-frame')!;
    root.focus();
    press(root, 'ArrowDown');
    const first = document.activeElement!;
    expect(first.getAttribute('aria-label')).toMatch(new RegExp(`^${tree.children[0]!.name}:`));
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(root.getAttribute('tabindex')).toBe('-1');
    press(first, 'ArrowUp');
    expect(document.activeElement).toBe(root);
    chart.node.remove();
  });

  it('zooms into a frame with Enter and out with Escape, and says so', async () => {
    const tree = await leakGrowth();
    const onFocus = vi.fn();
    const chart = flameChart(tree, { onFocus });
    document.body.append(chart.node);
    const remember = frameOf(chart.node, 'main.remember');
    remember.focus();
    press(remember, 'Enter');
    expect(onFocus).toHaveBeenLastCalledWith(remember.getAttribute('data-id'));
    const zoomed = frameOf(chart.node, 'main.remember');
    expect(zoomed.classList.contains('is-focus')).toBe(true);
    // The zoomed frame spans the whole width, like its callers above it.
    expect(Number(zoomed.querySelector('rect')!.getAttribute('width'))).toBeGreaterThan(630);
    expect(chart.node.querySelector('desc')!.textContent).toMatch(/^Zoomed into main\.remember/);
    press(zoomed, 'Escape');
    expect(onFocus).toHaveBeenCalledTimes(2);
    expect(chart.node.querySelector('desc')!.textContent).not.toMatch(
      /^Zoomed into main\.remember/,
    );
    chart.node.remove();
  });

  it('colours the program, the standard library and the runtime apart', () => {
    expect(frameClass('main.remember')).toBe('flame-main');
    expect(frameClass('runtime.mallocgc')).toBe('flame-runtime');
    expect(frameClass('internal/runtime/maps.newarray')).toBe('flame-runtime');
    expect(frameClass('fmt.Sprintf')).toBe('flame-std');
    expect(frameClass('github.com/x/y.F')).toBe('flame-other');
  });

  it('draws the same SVG for the same profile (snapshot)', async () => {
    const chart = flameChart(await leakGrowth(), {
      idPrefix: 'leak',
      formatValue: (v) => `${Math.round(v / 1024)} kB`,
    });
    expectSvgSnapshot(`flame-${releases()[0]}-leaking-map-growth`, chart.node);
  });
});
