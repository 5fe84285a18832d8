import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

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

/**
 * Compares `node` with tests/snapshots/charts/<name>.svg: writes it when missing or when
 * UPDATE_SNAPSHOTS is set; on a mismatch writes <name>-changed.svg beside it and fails.
 */
export function expectSvgSnapshot(name: string, node: Element): void {
  const actual = serialiseSvg(node);
  const file = `${directory}${name}.svg`;
  const changed = `${directory}${name}-changed.svg`;
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (readFileSync(file, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name}.svg differs from the chart; see ${name}-changed.svg`);
}
