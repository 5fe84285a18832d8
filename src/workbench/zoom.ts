/**
 * The arithmetic of the workbench's time range (seconds since program start): zooming out,
 * panning, reading a typed range, and how a range is written on the page.
 */
import type { Domain } from './protocol.ts';

/** The range twice as wide around the same middle. */
export function zoomedOut(domain: Domain): Domain {
  const width = domain[1] - domain[0];
  return [domain[0] - width / 2, domain[1] + width / 2];
}

/** The range moved by half its width: earlier (-1) or later (1). */
export function panned(domain: Domain, direction: -1 | 1): Domain {
  const shift = ((domain[1] - domain[0]) / 2) * direction;
  return [domain[0] + shift, domain[1] + shift];
}

/** The range typed in the From and To boxes, or null unless it is a start before an end. */
export function typedRange(from: string, to: string): Domain | null {
  const start = Number(from);
  const end = Number(to);
  if (!Number.isFinite(start) || !Number.isFinite(end) || !(end > start)) return null;
  return [start, end];
}

/** A time as the page writes it: six significant digits, then the unit. */
export const secondsLabel = (seconds: number): string => `${Number(seconds.toPrecision(6))} s`;

/** A time as the From and To boxes hold it: eight significant digits, no unit. */
export const rangeInputValue = (seconds: number): string => String(Number(seconds.toPrecision(8)));

/** "a s – b s": a range in words. */
export const rangeLabel = (domain: Domain): string =>
  `${secondsLabel(domain[0])} – ${secondsLabel(domain[1])}`;

/** What the charts show: the whole run, or the range zoomed to. */
export function zoomStateText(domain: Domain, zoomed: boolean): string {
  return zoomed ? `Showing ${rangeLabel(domain)}.` : 'Showing the whole run.';
}
