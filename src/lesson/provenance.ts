/** The provenance of a sample trace, as recorded beside it in content/traces/<slug>.json. */
export interface TraceProvenance {
  source: 'captured' | 'seed' | 'go-issue' | 'spec-constructed';
  sourceUrl: string | null;
  goVersion: string;
  goos: string | null;
  goarch: string | null;
  gomaxprocs: number | null;
  gogc: string | null;
  gomemlimit: string | null;
  godebug: string | null;
  program: string | null;
  command: string | null;
}

/** One sentence saying where a sample trace came from, for under the cell. */
export function describeProvenance(p: TraceProvenance): string {
  const settings = [
    p.gogc !== null ? `GOGC=${p.gogc}` : null,
    p.gomemlimit !== null ? `GOMEMLIMIT=${p.gomemlimit}` : null,
    p.gomaxprocs !== null ? `GOMAXPROCS=${p.gomaxprocs}` : null,
  ].filter((s): s is string => s !== null);
  const platform = p.goos && p.goarch ? ` ${p.goos}/${p.goarch}` : '';
  switch (p.source) {
    case 'captured':
      return (
        `Captured with ${p.goVersion}${platform}` +
        (settings.length ? `, ${settings.join(', ')}` : '') +
        (p.program ? `, from ${p.program}` : '') +
        (p.command ? `: ${p.command}` : '.')
      );
    case 'seed':
      return `${p.goVersion} lines from the training note this course grew from.`;
    case 'go-issue':
      return `${p.goVersion} lines as posted in a Go issue${p.sourceUrl ? ` (${p.sourceUrl})` : ''}.`;
    case 'spec-constructed':
      return `Constructed from the ${p.goVersion} runtime's print statements, not captured from a program.`;
  }
}
