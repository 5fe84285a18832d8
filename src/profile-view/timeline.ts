/**
 * The profiles' moments on the trace's time axis: a strip with the trace's live heap and a mark
 * for each profile, and the same in words (the collection just before each profile, whose
 * heap is the one a heap profile describes).
 */
import { svgNs } from '../charts/svg.ts';
import { element } from '../site/dom.ts';

export interface TimelineCycle {
  t: number;
  heapLive: number | null;
  gc: number;
  forced: boolean;
}

export interface TimelineMark {
  label: string;
  name: string;
  /** Seconds since the program started, or null when not known. */
  t: number | null;
}

export interface TimelineData {
  cycles: readonly TimelineCycle[] | null;
  /** Where the trace comes from, for the words ("content/profiles/go1.27/leaking-map.trace.txt"). */
  trace?: string | null;
  domain: readonly [number, number] | null;
  marks: readonly TimelineMark[];
}

/** The last cycle at or before `t`: the collection a heap profile taken at `t` reports. */
export function cycleBefore(cycles: readonly TimelineCycle[], t: number): TimelineCycle | null {
  let found: TimelineCycle | null = null;
  for (const c of cycles) {
    if (c.t <= t && c.heapLive !== null) found = c;
    if (c.t > t) break;
  }
  return found;
}

/** What the strip says in words, one sentence per profile. */
export function timelineSentences(data: TimelineData): string[] {
  return data.marks.map((mark) => {
    const who = `The ${mark.label} profile (${mark.name})`;
    if (mark.t === null)
      return `${who}: the moment it was taken is not known; give it in seconds since the program started to place it on the trace.`;
    if (!data.cycles || data.cycles.length === 0)
      return `${who} was taken ${mark.t.toFixed(2)} s after the program started.`;
    const cycle = cycleBefore(data.cycles, mark.t);
    if (!cycle)
      return `${who} was taken at ${mark.t.toFixed(2)} s, before the trace's first collection.`;
    return `${who} was taken at ${mark.t.toFixed(2)} s; the collection before it is gc ${cycle.gc} at ${cycle.t.toFixed(3)} s${cycle.forced ? ' (forced)' : ''}, live heap ${cycle.heapLive} MB.`;
  });
}

/** Draws the strip (when there is a trace) and the sentences. */
export function renderTimeline(doc: Document, data: TimelineData): HTMLElement {
  const box = element(doc, 'div', { class: 'pv-timeline' });
  const sentences = timelineSentences(data);
  if (data.cycles && data.cycles.length > 0 && data.domain && data.marks.length > 0) {
    box.append(strip(doc, data.cycles, data.domain, data.marks));
  } else if (data.marks.length > 0 && !data.cycles) {
    sentences.push('Load the trace of the same run to see these moments on its time axis.');
  }
  if (data.trace && data.cycles)
    sentences.unshift(
      `On the time axis of the trace of the same run (${data.trace.split('/').pop()}):`,
    );
  const list = element(doc, 'ul', { class: 'pv-moments', 'data-moments': '' });
  for (const s of sentences) list.append(element(doc, 'li', {}, s));
  box.append(list);
  return box;
}

function strip(
  doc: Document,
  cycles: readonly TimelineCycle[],
  domain: readonly [number, number],
  marks: readonly TimelineMark[],
): SVGSVGElement {
  const width = 640;
  const height = 70;
  const top = 14;
  const bottom = 52;
  const span = domain[1] - domain[0] || 1;
  const x = (t: number) => ((t - domain[0]) / span) * (width - 20) + 10;
  // A loop, not Math.max(...): a long trace has more cycles than a call takes arguments.
  let peak = 1;
  for (const c of cycles) if ((c.heapLive ?? 0) > peak) peak = c.heapLive ?? 0;
  const y = (v: number) => bottom - (v / peak) * (bottom - top);
  const svg = doc.createElementNS(svgNs, 'svg') as SVGSVGElement;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'pv-strip');
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `The trace's live heap from ${domain[0].toFixed(1)} s to ${domain[1].toFixed(1)} s, with the moments the profiles were taken; the list below says the same.`,
  );
  const points = cycles
    .filter((c) => c.heapLive !== null && c.t >= domain[0] && c.t <= domain[1])
    .map((c) => `${x(c.t).toFixed(1)},${y(c.heapLive!).toFixed(1)}`)
    .join(' ');
  const line = doc.createElementNS(svgNs, 'polyline');
  line.setAttribute('points', points);
  line.setAttribute('class', 'pv-strip-heap');
  const axis = doc.createElementNS(svgNs, 'line');
  axis.setAttribute('x1', '10');
  axis.setAttribute('x2', String(width - 10));
  axis.setAttribute('y1', String(bottom));
  axis.setAttribute('y2', String(bottom));
  axis.setAttribute('class', 'pv-strip-axis');
  svg.append(axis, line);
  for (const [i, t] of [domain[0], domain[1]].entries()) {
    const label = doc.createElementNS(svgNs, 'text');
    label.setAttribute('x', String(i === 0 ? 10 : width - 10));
    label.setAttribute('y', String(height - 4));
    label.setAttribute('text-anchor', i === 0 ? 'start' : 'end');
    label.setAttribute('class', 'pv-strip-label');
    label.textContent = `${t.toFixed(1)} s`;
    svg.append(label);
  }
  for (const mark of marks) {
    if (mark.t === null || mark.t < domain[0] || mark.t > domain[1]) continue;
    const mx = x(mark.t);
    const rule = doc.createElementNS(svgNs, 'line');
    rule.setAttribute('x1', mx.toFixed(1));
    rule.setAttribute('x2', mx.toFixed(1));
    rule.setAttribute('y1', String(top - 4));
    rule.setAttribute('y2', String(bottom));
    rule.setAttribute('class', 'pv-strip-mark');
    const label = doc.createElementNS(svgNs, 'text');
    // A mark near the right end is labelled on its left, so that the label stays in the strip.
    const leftOfMark = mx > width * 0.8;
    label.setAttribute('x', (leftOfMark ? mx - 3 : mx + 3).toFixed(1));
    if (leftOfMark) label.setAttribute('text-anchor', 'end');
    label.setAttribute('y', String(top - 4));
    label.setAttribute('class', 'pv-strip-label');
    label.textContent = `${mark.label} ${mark.t.toFixed(2)} s`;
    svg.append(rule, label);
  }
  return svg;
}
