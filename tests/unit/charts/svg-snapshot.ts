import { join } from 'node:path';
import { expectSnapshotFile } from '../snapshot.ts';

const directory = join(import.meta.dirname, '../../snapshots/charts/');

/** Serialises an SVG with attribute numbers cut to 2 decimals and one tag per line. */
export function serialiseSvg(node: Element): string {
  const rounded = node.outerHTML.replace(
    /="([^"]*)"/g,
    (_, value: string) =>
      `="${value.replace(/-?\d*\.\d+/g, (n) => String(Number(Number(n).toFixed(2)) || 0))}"`,
  );
  return rounded.replace(/></g, '>\n<') + '\n';
}

/** Compares `node` with tests/snapshots/charts/<name>.svg under the one snapshot rule. */
export function expectSvgSnapshot(name: string, node: Element): void {
  expectSnapshotFile(`${directory}${name}.svg`, serialiseSvg(node));
}
