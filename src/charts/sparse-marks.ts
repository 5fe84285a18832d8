/** The marks of a chart with few cycles: a group per cycle with its hit target and symbols or bars. */
import type { ScaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { curveLinear, line } from 'd3-shape';
import type { Series } from './spec.ts';
import { round, stateClass } from './svg.ts';
import { symbolPathAt } from './symbols.ts';
import { tooltipText } from './tooltip.ts';
import type { ChartCycle, ChartKind } from './types.ts';
import type { ChartUnits } from './units.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** What a cycle's group last drew, so a redraw can skip what did not change. */
interface Painted {
  cycle: ChartCycle;
  x: number;
  left: number;
  width: number;
  state: string;
  layout: string;
  /** The units its tooltip was written in. */
  units: string;
}

/** A chart's per-cycle groups and what each last drew. */
export class CycleMarks {
  private readonly painted = new WeakMap<Element, Painted>();
  private readonly group: G;
  private readonly kind: ChartKind;
  /** The series drawn per cycle (bars and symbols), in the order of their marks. */
  private readonly perCycle: readonly Series[];

  constructor(group: G, kind: ChartKind, perCycle: readonly Series[]) {
    this.group = group;
    this.kind = kind;
    this.perCycle = perCycle;
  }

  /** Draws one group per cycle at `xs` (none for a dense chart: pass no cycles). */
  draw(
    cycles: readonly ChartCycle[],
    xs: readonly number[],
    y: ScaleLinear<number, number>,
    plotWidth: number,
    plotHeight: number,
    highlight: ReadonlySet<number>,
    selected: number | null,
    units: ChartUnits,
  ): void {
    const { painted, perCycle, kind } = this;
    const unitsKey = `${units.time.symbol} ${units.value.symbol}`;
    const [bandLeft, bandRight] = bands(xs, plotWidth);
    const { barWidth, nudge } = markSizes(cycles.length, plotWidth);
    const layout = [plotHeight, barWidth, nudge, ...y.domain()].join();
    const heightText = String(plotHeight);
    this.group
      .selectChildren<SVGGElement, ChartCycle>('g')
      // Keyed by GC number, so inserting a trace line above keeps the elements of later cycles.
      .data(cycles, (c) => c.gc)
      .join((enter) => {
        // Marks let the pointer through to the cycle's hit target, which holds the tooltip
        // (pointer-events and fills come from chartCss, to keep big charts' markup small).
        const g = enter.append('g');
        g.append('rect').attr('class', 'hit').append('title');
        for (const s of perCycle) {
          const mark = g.append(s.mark.type === 'bar' ? 'rect' : 'path');
          mark.attr('class', `mark ${s.key}`);
        }
        return g;
      })
      .each(function (c, i) {
        // Only what changed is written: most updates (a highlight, one more line) touch a few
        // cycles. Positions are absolute rather than transforms: a transform per mark makes the
        // browser's compositing step slow on charts of hundreds of cycles.
        const x = xs[i];
        const left = bandLeft[i];
        const width = bandRight[i] - bandLeft[i];
        const state =
          stateClass('cycle', highlight.has(c.line), selected === c.line) +
          (c.forced ? ' is-forced' : '');
        const before = painted.get(this);
        const hit = this.children[0];
        if (before?.state !== state) this.setAttribute('class', state);
        if (before?.left !== left || before.width !== width) {
          hit.setAttribute('x', String(round(left)));
          hit.setAttribute('width', String(round(width)));
        }
        painted.set(this, { cycle: c, x, left, width, state, layout, units: unitsKey });
        const sameData = before !== undefined && sameCycle(before.cycle, c);
        if (before?.units !== unitsKey || !sameData) {
          hit.children[0].textContent = tooltipText(c, kind, units);
        }
        if (sameData && before.layout === layout && before.x === x) return;
        if (!sameData) {
          // On the group only: a click on the hit target finds it with closest('[data-line]').
          this.setAttribute('data-line', String(c.line));
          this.setAttribute('data-gc', String(c.gc));
        }
        if (hit.getAttribute('height') !== heightText) hit.setAttribute('height', heightText);
        perCycle.forEach((s, k) => {
          const mark = this.children[k + 1];
          const v = s.value(c);
          if (v === null) {
            mark.setAttribute('display', 'none');
            return;
          }
          if (before !== undefined && !sameData) mark.removeAttribute('display');
          if (s.mark.type === 'bar') {
            mark.setAttribute('x', String(round(x - barWidth / 2)));
            mark.setAttribute('width', String(round(barWidth)));
            mark.setAttribute('y', String(round(y(v))));
            // A value under the axis floor (a chart laid out while its scale catches up with
            // appended cycles) draws no bar rather than an invalid negative height.
            mark.setAttribute('height', String(round(Math.max(0, plotHeight - y(v)))));
          } else if (s.mark.symbol) {
            const dx = s.mark.type === 'dot' ? s.mark.offset * nudge : 0;
            mark.setAttribute('d', symbolPathAt(s.mark.symbol, x + dx, y(v)));
          }
        });
      });
  }
}

/** How wide a bar is and how far a symbol steps aside, for `count` cycles across the plot. */
export function markSizes(count: number, plotWidth: number): { barWidth: number; nudge: number } {
  const spacing = plotWidth / Math.max(1, count);
  return { barWidth: Math.min(12, Math.max(1, 0.6 * spacing)), nudge: Math.min(4, spacing / 4) };
}

interface Point {
  x: number;
  y: number;
  cycle: ChartCycle;
}

/**
 * The path of a line series through every cycle; a missing value breaks the line. Coordinates
 * have `digits` decimals (d3's three by default).
 */
export function sparsePath(
  s: Series,
  cycles: readonly ChartCycle[],
  xs: readonly number[],
  y: ScaleLinear<number, number>,
  digits = 3,
): string {
  const toPath = line<Point>()
    .digits(digits)
    .x((p) => p.x)
    .y((p) => y(p.y));
  const curve = s.mark.type === 'line' ? s.mark.curve : curveLinear;
  // Missing values (NaN) break the line rather than bridging the gap.
  const points = cycles.map((cycle, i) => ({ x: xs[i], y: s.value(cycle) ?? NaN, cycle }));
  const first = points[0];
  if (s.mark.type === 'line' && s.mark.fromLeft && first !== undefined && first.x > 0)
    points.unshift({ ...first, x: 0 });
  return toPath.defined((p) => !Number.isNaN(p.y)).curve(curve)(points) ?? '';
}

/** Left and right edge of each cycle's hit target: halfway to its neighbours in x. */
function bands(xs: readonly number[], plotWidth: number): [number[], number[]] {
  const order = xs.map((_, i) => i);
  if (xs.some((v, i) => i > 0 && v < xs[i - 1])) order.sort((a, b) => xs[a] - xs[b]);
  const left = new Array<number>(xs.length);
  const right = new Array<number>(xs.length);
  order.forEach((i, k) => {
    left[i] = k === 0 ? 0 : Math.max(0, (xs[order[k - 1]] + xs[i]) / 2);
    right[i] =
      k === order.length - 1 ? plotWidth : Math.min(plotWidth, (xs[i] + xs[order[k + 1]]) / 2);
  });
  return [left, right];
}

function sameCycle(a: ChartCycle, b: ChartCycle): boolean {
  return (
    a === b ||
    (a.line === b.line &&
      a.gc === b.gc &&
      a.t === b.t &&
      a.timeKnown === b.timeKnown &&
      a.heapStart === b.heapStart &&
      a.heapEnd === b.heapEnd &&
      a.heapLive === b.heapLive &&
      a.goal === b.goal &&
      a.pauseMs === b.pauseMs &&
      a.gcCpuPercent === b.gcCpuPercent &&
      a.gcCpuIntervalFraction === b.gcCpuIntervalFraction &&
      a.allocRateMBps === b.allocRateMBps &&
      a.forced === b.forced)
  );
}
