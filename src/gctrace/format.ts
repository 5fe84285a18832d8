/**
 * Prints cycles the way each Go release's runtime does (spec §0.1 and §1): the inverse of the
 * scanner, used by round-trip tests and by the simulator to emit realistic lines.
 */
import { eras } from './eras.ts';
import type { CpuPhase, EraId, GcCycle } from './types.ts';

/** Runtime `itoaDiv`: `value` with a decimal point `decimals` digits from the right (`itoaDiv(5, 3)` → `0.005`). */
export function itoaDiv(value: number, decimals: number): string {
  let digits = String(Math.max(0, Math.trunc(value)));
  if (decimals <= 0) return digits;
  if (digits.length <= decimals) digits = '0'.repeat(decimals - digits.length + 1) + digits;
  return `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
}

/**
 * Runtime `fmtNSAsMS`: whole ms from 10 ms up, otherwise two significant digits with at most
 * three decimals, always truncating (`1234567` ns → `1.2`, `99999` → `0.099`, `999` → `0`).
 */
export function fmtNSAsMS(ns: number): string {
  const n = Math.max(0, Math.trunc(ns));
  if (n >= 10e6) return itoaDiv(Math.trunc(n / 1e6), 0);
  let x = Math.trunc(n / 1e3);
  if (x === 0) return '0';
  let dec = 3;
  while (x >= 100) {
    x = Math.trunc(x / 10);
    dec--;
  }
  return itoaDiv(x, dec);
}

/** A printed millisecond value back in the runtime's format (values read from a trace are exact decimals). */
export function formatMs(ms: number): string {
  return fmtNSAsMS(Math.round(ms * 1e6));
}

/** The `@#s` start time: whole milliseconds printed with exactly three decimals. */
export function formatSeconds(seconds: number): string {
  return itoaDiv(Math.round(seconds * 1000), 3);
}

function cpuText(phases: CpuPhase[]): string {
  return phases.map((p) => (Array.isArray(p) ? p.map(formatMs).join('/') : formatMs(p))).join('+');
}

/** Prints `cycle` as a gc line of `era` (defaults to the cycle's own era). */
export function formatCycle(cycle: GcCycle, era: EraId = cycle.era): string {
  const h = cycle.heapMB;
  const procs = cycle.procs ?? 1;
  const legacy = cycle.legacy;
  const objects = legacy?.objects ?? [];
  const n = (v: number | null | undefined) => String(v ?? 0);
  const format = eras[era];
  switch (format.print) {
    case 'go1.0':
      return (
        `gc${cycle.gc}(${procs}): ${cycle.clockMs.map((v) => String(Math.round(v))).join('+')} ms ` +
        `${n(h[0])} -> ${n(h[1])} MB ${n(objects[0])} -> ${n(objects[1])} (${n(legacy?.mallocs)}-${n(legacy?.frees)}) objects ` +
        `${n(legacy?.handoff[0])} handoff`
      );
    case 'go1.1-1.2':
      return (
        `gc${cycle.gc}(${procs}): ${cycle.clockMs.map((v) => String(Math.round(v))).join('+')} ms, ` +
        `${n(h[0])} -> ${n(h[1])} MB ${n(objects[0])} -> ${n(objects[1])} (${n(legacy?.mallocs)}-${n(legacy?.frees)}) objects, ` +
        `${n(legacy?.handoff[0])}(${n(legacy?.handoff[1])}) handoff, ${n(legacy?.steal?.[0])}(${n(legacy?.steal?.[1])}) steal, ` +
        `${(legacy?.yields ?? [0, 0, 0]).join('/')} yields`
      );
    case 'go1.3-1.4': {
      const goroutines = format.printsGoroutines ? ` ${n(legacy?.goroutines)} goroutines,` : '';
      return (
        `gc${cycle.gc}(${procs}): ${cycle.clockMs.map((v) => String(Math.round(v * 1000))).join('+')} us, ` +
        `${n(h[0])} -> ${n(h[1])} MB, ${n(objects[0])} (${n(legacy?.mallocs)}-${n(legacy?.frees)}) objects,${goroutines} ` +
        `${(legacy?.sweeps ?? [0, 0, 0]).join('/')} sweeps, ${n(legacy?.handoff[0])}(${n(legacy?.handoff[1])}) handoff, ` +
        `${n(legacy?.steal?.[0])}(${n(legacy?.steal?.[1])}) steal, ${(legacy?.yields ?? [0, 0, 0]).join('/')} yields`
      );
    }
    case 'go1.5+': {
      const leak =
        cycle.leakCheck && format.printsLeakCheck ? ' (checking for goroutine leaks)' : '';
      const stacks = format.printsStacksAndGlobals
        ? `${n(cycle.stacksMB)} MB stacks, ${n(cycle.globalsMB)} MB globals, `
        : '';
      return (
        `gc ${format.printsNumberSign ? '#' : ''}${cycle.gc} @${formatSeconds(cycle.atSeconds ?? 0)}s ${n(cycle.cpuPercent)}%${leak}: ` +
        `${cycle.clockMs.map(formatMs).join('+')} ms clock, ${cpuText(cycle.cpuMs ?? [])} ms cpu, ` +
        `${n(h[0])}->${n(h[1])}->${n(h[2])} MB, ${n(cycle.goalMB)} MB goal, ${stacks}${procs} P` +
        (cycle.forced ? ' (forced)' : '')
      );
    }
  }
}
