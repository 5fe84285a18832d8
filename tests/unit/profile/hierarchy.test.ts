import { describe, expect, it } from 'vitest';
import {
  diffProfiles,
  profileTotal,
  sampleTypeIndex,
  stackTree,
  type StackNode,
} from '../../../src/profile/index.ts';
import { loadProfile, releases } from './captures.ts';

function find(node: StackNode, name: string): StackNode | null {
  if (node.name === name) return node;
  for (const child of node.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return null;
}

function check(node: StackNode): void {
  const children = node.children.reduce((sum, c) => sum + c.value, 0);
  expect(node.value).toBe(node.self + children);
  for (let i = 1; i < node.children.length; i++)
    expect(node.children[i - 1]!.value).toBeGreaterThanOrEqual(node.children[i]!.value);
  node.children.forEach(check);
}

describe('stackTree()', () => {
  const [release] = releases();
  it('has every sample under its root, each node its self plus its callees, largest first', async () => {
    const profile = await loadProfile(release!, 'leaking-map-2.pb.gz');
    const tree = stackTree(profile, { sampleType: 'inuse_space' });
    expect(tree.value).toBe(profileTotal(profile, sampleTypeIndex(profile, 'inuse_space')));
    check(tree);
  });

  it('puts main.remember under main.serve, through the inlined main.handle', async () => {
    const profile = await loadProfile(release!, 'leaking-map-2.pb.gz');
    const serve = find(stackTree(profile), 'main.serve')!;
    const handle = serve.children.find((c) => c.name === 'main.handle')!;
    expect(handle.children.map((c) => c.name)).toContain('main.remember');
    const remember = find(handle, 'main.remember')!;
    expect(remember.id.startsWith(`${handle.id}/`)).toBe(true);
    expect(remember.id.startsWith(`${serve.id}/`)).toBe(true);
  });

  it('leaves out frames too small to draw when asked, keeping the values', async () => {
    const profile = await loadProfile('go1.27', 'steady-2.pb.gz');
    const whole = stackTree(profile, { sampleType: 'alloc_space' });
    const pruned = stackTree(profile, { sampleType: 'alloc_space', minShare: 0.05 });
    expect(pruned.value).toBe(whole.value);
    const count = (n: StackNode): number => 1 + n.children.reduce((s, c) => s + count(c), 0);
    expect(count(pruned)).toBeLessThan(count(whole));
    const least = (n: StackNode): number => Math.min(n.value, ...n.children.map(least));
    expect(least(whole)).toBeLessThan(whole.value * 0.05);
    expect(least(pruned)).toBeGreaterThanOrEqual(pruned.value * 0.05);
  });

  it('for a comparison keeps what grew: the map store is the widest frame', async () => {
    const diff = diffProfiles(
      await loadProfile(release!, 'leaking-map-1.pb.gz'),
      await loadProfile(release!, 'leaking-map-2.pb.gz'),
    );
    const tree = stackTree(diff, { sampleType: 'inuse_space', granularity: 'lines' });
    check(tree);
    const remember = find(tree, 'main.remember')!;
    expect(remember.value / tree.value).toBeGreaterThan(0.5);
    expect(remember.detail).toMatch(/sessions\.go:\d+$/);
  });
});
