/** Which run of a trace is the program itself. */

/**
 * The run to show by default: the one with the most cycles (the first of equals). `go run` and
 * `go test` print the go tool's own short runs around the program's.
 */
export function mainRun(cycleCounts: readonly number[]): number {
  let best = 0;
  for (let r = 1; r < cycleCounts.length; r++) if (cycleCounts[r]! > cycleCounts[best]!) best = r;
  return best;
}
