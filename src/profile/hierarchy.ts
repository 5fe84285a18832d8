/**
 * The stacks of a profile as a tree, for a flame or icicle graph: the root is every sample, each
 * level one call deeper, each node's value the samples whose stacks pass through it. Inlined
 * calls are frames of their own, as in pprof's graphs.
 */
import { sampleTypeIndex, type Granularity } from './top.ts';
import type { Profile } from './types.ts';

export interface StackNode {
  /** Unique in the tree: the path of child numbers from the root ("/0/2/1"), short at any depth. */
  id: string;
  name: string;
  /** "file:line" in line granularity, the file otherwise (may be ''). */
  detail: string;
  /** Samples through this node (its own and its callees'). */
  value: number;
  /** Samples whose leaf is this node. */
  self: number;
  children: StackNode[];
}

export interface TreeOptions {
  sampleType?: string;
  granularity?: Granularity;
  /**
   * Leave out frames under this share of the root (0.002: about a pixel at 640 wide); they
   * could not be drawn, and a large profile has hundreds of thousands. The top table keeps them.
   */
  minShare?: number;
}

/**
 * The tree of `profile`'s stacks. For a comparison (`diffProfiles`) it is the tree of what grew:
 * each path keeps its net growth when positive, so the graph shows where memory was added and
 * the top table, with its negative rows, says what shrank.
 */
export function stackTree(profile: Profile, options: TreeOptions = {}): StackNode {
  const sampleType = options.sampleType ?? profile.defaultSampleType;
  const index = sampleTypeIndex(profile, sampleType);
  const lines = options.granularity === 'lines';
  const root: StackNode = { id: '', name: 'all', detail: '', value: 0, self: 0, children: [] };
  // Callees by frame number, per node: numbers hash faster than long names on a deep profile.
  const childIndex = new Map<StackNode, Map<number, StackNode>>();
  const frameNumbers = new Map<string, number>();
  // Each location's frames, outermost first, numbered: worked out once, used by many samples.
  const keyed = new Map<number, { name: string; detail: string; key: number }[]>();
  for (const sample of profile.samples) {
    const w = index < 0 ? 0 : sample.values[index]!;
    if (w === 0) continue;
    let node = root;
    for (let i = sample.locations.length - 1; i >= 0; i--) {
      const location = sample.locations[i]!;
      let frames = keyed.get(location.id);
      if (!frames) {
        frames = location.frames
          .map((frame) => {
            const detail = lines ? `${frame.file}:${frame.line}` : frame.file;
            const text = lines ? `${frame.name} ${detail}` : frame.name;
            let key = frameNumbers.get(text);
            if (key === undefined) frameNumbers.set(text, (key = frameNumbers.size));
            return { name: frame.name, detail, key };
          })
          .reverse();
        keyed.set(location.id, frames);
      }
      for (const { name, detail, key } of frames) {
        let children = childIndex.get(node);
        if (!children) childIndex.set(node, (children = new Map()));
        let child = children.get(key);
        if (!child) {
          child = {
            id: `${node.id}/${node.children.length}`,
            name,
            detail,
            value: 0,
            self: 0,
            children: [],
          };
          children.set(key, child);
          node.children.push(child);
        }
        node = child;
      }
    }
    node.self += w;
  }
  settle(root);
  if (options.minShare) prune(root, root.value * options.minShare);
  return root;
}

/** Drops the frames below `least`, with their callees. */
function prune(node: StackNode, least: number): void {
  node.children = node.children.filter((child) => child.value >= least);
  for (const child of node.children) prune(child, least);
}

/**
 * Sets each value to its self plus its children's, keeping only what is positive (a comparison's
 * shrinking paths), and orders children largest first.
 */
function settle(node: StackNode): number {
  let value = Math.max(0, node.self);
  node.self = Math.max(0, node.self);
  node.children = node.children.filter((child) => settle(child) > 0);
  for (const child of node.children) value += child.value;
  node.children.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1));
  node.value = value;
  return value;
}
