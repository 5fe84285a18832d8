/** The GC simulator: settings and their URL form, the rules of each Go release, the pacer's goal formulas, and the model that prints a trace. */
export * from './settings.ts';
export * from './releases.ts';
export * from './pacer.ts';
export { simulate, maxCycles, type SimCycle, type SimOptions, type SimResult } from './model.ts';
export * from './controls.ts';
