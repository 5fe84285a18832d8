/** The captures in content/traces as the simulator page sees them, read from disk for the tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace, type GcCycle } from '../../../src/gctrace/index.ts';
import {
  goMinorOf,
  knownCaptures,
  memoryLimitMiB,
  type CaptureProvenance,
  type KnownCapture,
} from '../../../src/simulator/captures.ts';
import { repoRoot } from '../traces.ts';

const tracesDir = join(repoRoot, 'content/traces');

/** A capture's id (`go1.24/gogc-50`, `gogc-100`, `simulator/<name>`) and its provenance. */
export interface CaptureOnDisk {
  id: string;
  provenance: CaptureProvenance & { gogc: string | null };
}

/** Every capture with provenance in content/traces, its go1.NN/ folders and simulator/. */
export function capturesOnDisk(): CaptureOnDisk[] {
  const folders = [
    '',
    ...readdirSync(tracesDir)
      .filter((name) => /^go1\.\d+$|^simulator$/.test(name))
      .map((name) => `${name}/`),
  ];
  return folders.flatMap((folder) =>
    readdirSync(join(tracesDir, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({
        id: `${folder}${name.replace(/\.json$/, '')}`,
        provenance: JSON.parse(readFileSync(join(tracesDir, folder, name), 'utf8')),
      })),
  );
}

/** The captures the simulator can be compared with, as the page lists them. */
export function knownOnDisk(): KnownCapture[] {
  return knownCaptures(capturesOnDisk().map((c) => [c.id, c.provenance] as const));
}

/** The text of capture `id`. */
export function captureText(id: string): string {
  return readFileSync(join(tracesDir, `${id}.txt`), 'utf8');
}

/** A capture of one release printed with GODEBUG=gctrace=1 (and perhaps more), parsed. */
export interface ReleaseCapture {
  id: string;
  program: string;
  goMinor: number;
  gogc: number | null;
  limitMB: number | null;
  cycles: GcCycle[];
}

/** Every gctrace=1 capture in content/traces/go1.`goMinor`/, parsed. */
export function releaseCaptures(goMinor: number): ReleaseCapture[] {
  return capturesOnDisk()
    .filter(
      (c) => c.id.startsWith(`go1.${goMinor}/`) && /^gctrace=1\b/.test(c.provenance.godebug ?? ''),
    )
    .map(({ id, provenance }) => {
      const gogcText = provenance.gogc ?? '100';
      return {
        id,
        program: provenance.program ?? '',
        goMinor: goMinorOf(provenance.goVersion)!,
        gogc: gogcText === 'off' ? null : Number(gogcText),
        limitMB: provenance.gomemlimit === null ? null : memoryLimitMiB(provenance.gomemlimit),
        cycles: parseTrace(captureText(id)).cycles,
      };
    });
}
