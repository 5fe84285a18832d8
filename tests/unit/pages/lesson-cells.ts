// The trace cells of the lessons as their MDX declares them: what <TraceCell> is given.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ChartKind } from '../../../src/charts/index.ts';
import { withoutFinalLineBreak } from '../../../src/gctrace/index.ts';
import { loadSample } from '../../../src/lesson/samples.ts';
import { repoRoot } from '../traces.ts';

export interface CellProps {
  id: string;
  text: string;
  charts: ChartKind[];
}

const lessonsFolder = join(repoRoot, 'content/lessons');
const allCharts: ChartKind[] = ['heap', 'pause', 'cpu', 'alloc'];

/**
 * The <TraceCell> tags of a lesson's MDX with the props that shape their markup. Only the forms
 * the lessons use are read (string props, `trace={name}` of a `?raw` import, `charts={[…]}`);
 * any other form fails the test rather than being measured wrong.
 */
export function cellsOf(folder: string): CellProps[] {
  const mdx = readFileSync(join(lessonsFolder, folder, 'index.mdx'), 'utf8');
  const imports = new Map(
    [...mdx.matchAll(/^import (\w+) from '(\.\.?\/[^']+)\?raw';$/gm)].map((m) => [m[1], m[2]]),
  );
  const tags = [...mdx.matchAll(/<TraceCell\b([^>]*?)\/>/g)];
  expect(tags.length, `${folder}: every <TraceCell> is a self-closing tag`).toBe(
    mdx.split('<TraceCell').length - 1,
  );
  return tags.map(([tag, body]) => {
    const props = new Map<string, string>();
    for (const [, name, quoted, braced] of body.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) {
      props.set(name, quoted ?? `{${braced}}`);
    }
    const id = props.get('id') ?? '';
    const sample = props.get('sample');
    const trace = props.get('trace');
    let text: string;
    if (sample !== undefined) text = loadSample(sample).text;
    // A cell that runs a program starts empty (trace="").
    else if (trace === '') text = '';
    else if (trace !== undefined && imports.has(trace.slice(1, -1)))
      text = readFileSync(join(lessonsFolder, folder, imports.get(trace.slice(1, -1))!), 'utf8');
    else throw new Error(`${folder}: cannot read the trace of ${tag}`);
    const charts = props.get('charts');
    return {
      id,
      text: withoutFinalLineBreak(text),
      charts: charts
        ? ([...charts.matchAll(/'(\w+)'/g)].map((m) => m[1]) as ChartKind[])
        : allCharts,
    };
  });
}

export const lessons = readdirSync(lessonsFolder)
  .filter((name) => /^\d\d-/.test(name))
  .sort()
  .map((folder) => ({ folder, slug: folder.replace(/^\d\d-/, '') }));
