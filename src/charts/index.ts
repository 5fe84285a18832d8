export { allocChart } from './alloc-chart.ts';
export { cpuChart } from './cpu-chart.ts';
export { chartWithTooltips } from './export.ts';
export { heapChart } from './heap-chart.ts';
export { chartCss, seriesColours, stateColours } from './palette.ts';
export { pauseChart } from './pause-chart.ts';
export { chartsTable, chartTable } from './table.ts';
export { tooltipText } from './tooltip.ts';
export type { Chart, ChartCycle, ChartKind, ChartOptions, ChartTable } from './types.ts';
