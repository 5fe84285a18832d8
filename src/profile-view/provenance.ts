/** Where a captured profile came from, in a sentence, from its .json beside it. */

/** content/profiles/go1.NN/<name>.json (written by scripts/capture-profiles.sh). */
export interface ProfileProvenance {
  title: string;
  description: string;
  kind: 'heap' | 'goroutine';
  source: 'captured';
  goVersion: string;
  goos: string | null;
  goarch: string | null;
  gomaxprocs: number | null;
  gogc: string | null;
  memProfileRate?: number;
  program: string | null;
  command: string;
  elapsedSeconds: number | null;
  trace: string | null;
  pprof: string | null;
  captured: string;
  truth: string;
}

/** "Captured with go1.27.4 linux/amd64, GOMAXPROCS=2, … at 3.03 s: command". */
export function describeProfileProvenance(p: ProfileProvenance): string {
  const settings = [
    p.gogc !== null ? `GOGC=${p.gogc}` : null,
    p.gomaxprocs !== null ? `GOMAXPROCS=${p.gomaxprocs}` : null,
    p.memProfileRate !== undefined
      ? `MemProfileRate=${p.memProfileRate}${p.memProfileRate === 512 * 1024 ? ' (the default: about one sample per 512 KiB allocated, values scaled up by the runtime)' : p.memProfileRate === 1 ? ' (every allocation)' : ''}`
      : null,
  ].filter((s): s is string => s !== null);
  const platform = p.goos && p.goarch ? ` ${p.goos}/${p.goarch}` : '';
  const when =
    p.elapsedSeconds !== null
      ? `, written ${p.elapsedSeconds.toFixed(3)} s after main started`
      : '';
  return (
    `Captured with ${p.goVersion}${platform}${settings.length ? `, ${settings.join(', ')}` : ''}` +
    `${p.program ? `, from ${p.program}` : ''}${when}: ${p.command}`
  );
}
