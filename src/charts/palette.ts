/**
 * Series colours (Okabe–Ito, safe for colour-blind readers) by mark class. Each is read through a
 * custom property, so a page theme (dark mode) can override `--chart-<key>`.
 */
export const seriesColours: Readonly<Record<string, string>> = {
  'heap-start': '#E69F00',
  'heap-end': '#CC79A7',
  'heap-live': '#0072B2',
  'heap-goal': '#009E73',
  pause: '#D55E00',
  'cpu-interval': '#56B4E9',
  'cpu-total': '#CC79A7',
  alloc: '#009E73',
};

/** Background of highlighted and selected cycles. */
export const stateColours = { highlight: '#F0E442', selected: '#56B4E9' } as const;

const colourRules = Object.entries(seriesColours)
  .map(([key, colour]) => `.gc-chart .${key} { color: var(--chart-${key}, ${colour}); }`)
  .join('\n');

/**
 * Styles for every chart: include once per page. Marks paint with `currentColor`, so each series
 * class only sets `color`; axis text follows the surrounding text colour.
 */
export const chartCss = `.gc-chart { display: block; width: 100%; height: auto; overflow: visible; }
.gc-chart .title-text, .gc-chart .legend text, .gc-chart .axis-label { fill: currentColor; }
.gc-chart .hit { fill: transparent; pointer-events: all; }
.gc-chart .cycle, .gc-chart .series-lines { pointer-events: none; }
.gc-chart .mark { fill: currentColor; }
.gc-chart .is-highlighted > .hit, .gc-chart .hit.is-highlighted { fill: var(--chart-highlight, ${stateColours.highlight}); fill-opacity: 0.45; }
.gc-chart .is-selected > .hit, .gc-chart .hit.is-selected { fill: var(--chart-selected, ${stateColours.selected}); fill-opacity: 0.3; stroke: currentColor; stroke-dasharray: 3 2; }
.gc-chart .is-highlighted > .mark, .gc-chart .is-selected > .mark { stroke: var(--chart-outline, #000); stroke-width: 1.5; }
.gc-chart .legend .note { font-style: italic; }
.gc-chart .axis { fill: none; font: 10px sans-serif; }
.gc-chart .y-axis { text-anchor: end; }
.gc-chart .x-axis { text-anchor: middle; }
.gc-chart .axis path, .gc-chart .axis line { stroke: currentColor; }
.gc-chart .axis text { fill: currentColor; }
.gc-chart .y-axis line { stroke-opacity: 0.15; }
${colourRules}
`;
