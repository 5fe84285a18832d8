/** The shape of every field's explanation, and the traps many fields share. */

/** Explanation of one field: what it is, its unit, how the runtime computes it, and its traps. */
export interface FieldExplanation {
  title: string;
  unit: string;
  what: string;
  computed: string;
  /** runtime/metrics name of the same quantity, where one exists. */
  metric?: string;
  traps: string[];
  /** Sentence with `{value}` standing for the printed value. */
  inContext: string;
}

/** Explanations by field name (the `name` of a FieldSpan). */
export type ExplanationTable = Record<string, FieldExplanation>;

export const floorTrap =
  'MB here is MiB rounded down (bytes >> 20): the true value is anywhere up to 1 MiB higher.';
export const fmtTrap =
  'Times are truncated, never rounded: whole ms from 10 ms up, else 2 significant digits (0.001 … 9.9); below 1 µs prints 0.';
export const coarseTimerTrap =
  'Coarse OS timers (old Windows) show values stuck at 1.0, 15, 16 ms or 1000 µs.';
export const stwTrap =
  'Stop-the-world: every goroutine waited. The pause of a cycle is sweep termination + mark termination.';
export const kibComputed = 'KiB here is bytes >> 10, floored.';
