/**
 * The top table of a profile, computed the way `go tool pprof -top` computes it (pprof's
 * internal/graph and internal/report): one row per function (or per function and line), with
 *
 * - flat: the samples whose leaf is that row (the memory allocated right there), and
 * - cum: the samples with that row anywhere in their stack, each sample counted once,
 *
 * rows whose cum is under 0.5% of the total left out ("Dropped N nodes"), sorted by flat, then
 * name. For a comparison (`diffProfiles`) the base's values count negatively and percentages are
 * of the base's total, as with `-diff_base`.
 */
import { outputUnit, percentage, scaledLabel } from './format.ts';
import type { Profile } from './types.ts';

/** pprof's -granularity: a row per function (its default) or per function and line (-lines). */
export type Granularity = 'functions' | 'lines';

export interface TopOptions {
  /** Which value of the samples: "inuse_space" etc. Defaults to the profile's default. */
  sampleType?: string;
  granularity?: Granularity;
  /** Rows with |cum| under this share of the total are left out (pprof's -nodefraction). */
  nodeFraction?: number;
  /** Calls under this share are not looked at for the "(inline)" mark (-edgefraction). */
  edgeFraction?: number;
}

export interface TopRow {
  /** pprof's name for the row: "main.remember", or "main.remember sessions.go:23" by line. */
  label: string;
  function: string;
  file: string;
  line: number;
  flat: number;
  cum: number;
  /** "(inline)" when every call into this row was inlined, "(partial-inline)" when some were. */
  inline: '' | '(inline)' | '(partial-inline)';
}

export interface TopTable {
  sampleType: string;
  /** The unit of the values, as the profile says: "bytes", "count". */
  sampleUnit: string;
  /** The unit the table is written in, chosen like pprof does: "kB", "MB", "" for counts. */
  outputUnit: string;
  granularity: Granularity;
  /** What the percentages are of: the sum of all samples (of the base's, for a comparison). */
  total: number;
  /** Sum of the flat values of the rows shown. */
  shown: number;
  /** Rows left out for a cum under the cutoff, and that cutoff. */
  droppedRows: number;
  dropCutoff: number;
  rows: TopRow[];
  /** True for a comparison of two profiles. */
  diff: boolean;
}

interface Node {
  key: string;
  function: string;
  file: string;
  line: number;
  flat: number;
  cum: number;
  /** Callers: the edge's weight and whether every call along it was inlined. */
  callers: Map<Node, { weight: number; inline: boolean }>;
}

/** The index of a sample type in the profile, or -1. */
export function sampleTypeIndex(profile: Profile, sampleType: string): number {
  return profile.sampleTypes.findIndex((t) => t.type === sampleType);
}

/** pprof's int64(float64(x) * fraction), made positive. */
const cutoff = (total: number, fraction: number) => Math.abs(Math.trunc(total * fraction));

/** The top table of `profile` (or of a comparison made by `diffProfiles`). */
export function topTable(profile: Profile, options: TopOptions = {}): TopTable {
  const sampleType = options.sampleType ?? profile.defaultSampleType;
  const index = sampleTypeIndex(profile, sampleType);
  if (index < 0) {
    throw new RangeError(
      `no sample type "${sampleType}" in this profile (it has ${profile.sampleTypes.map((t) => t.type).join(', ')})`,
    );
  }
  const granularity = options.granularity ?? 'functions';
  const total = profileTotal(profile, index);

  let nodes = buildGraph(profile, index, granularity, null);
  const flatSum = sum(nodes, (n) => n.flat);
  const nodeCutoff = cutoff(flatSum, options.nodeFraction ?? 0.005);
  const edgeCutoff = cutoff(flatSum, options.edgeFraction ?? 0.001);
  let droppedRows = 0;
  if (nodeCutoff > 0) {
    const kept = new Set(nodes.filter((n) => Math.abs(n.cum) >= nodeCutoff).map((n) => n.key));
    if (kept.size !== nodes.length) {
      droppedRows = nodes.length - kept.size;
      // Rebuilt from the samples: calls that skipped a dropped row change, flat and cum do not.
      nodes = buildGraph(profile, index, granularity, kept);
    }
  }
  nodes.sort(
    (a, b) =>
      Math.abs(b.flat) - Math.abs(a.flat) ||
      compareText(label(a), label(b)) ||
      Math.abs(b.cum) - Math.abs(a.cum),
  );
  const sampleUnit = profile.sampleTypes[index]!.unit;
  const unit = outputUnit(
    nodes.map((n) => (n.flat !== 0 ? n.flat : n.cum)),
    total,
    sampleUnit,
  );
  return {
    sampleType,
    sampleUnit,
    outputUnit: unit,
    granularity,
    total,
    shown: sum(nodes, (n) => n.flat),
    droppedRows,
    dropCutoff: cutoff(total, options.nodeFraction ?? 0.005),
    diff: profile.samples.some((s) => s.fromBase),
    rows: nodes.map((n) => ({
      label: label(n),
      function: n.function,
      file: n.file,
      line: n.line,
      flat: n.flat,
      cum: n.cum,
      inline: inlineMark(n, edgeCutoff),
    })),
  };
}

/** What the percentages of a report are of: pprof's computeTotal. */
export function profileTotal(profile: Profile, index: number): number {
  let total = 0;
  let baseTotal = 0;
  for (const s of profile.samples) {
    const v = Math.abs(s.values[index]!);
    total += v;
    if (s.fromBase) baseTotal += v;
  }
  return baseTotal > 0 ? baseTotal : total;
}

function sum(nodes: readonly Node[], value: (n: Node) => number): number {
  let total = 0;
  for (const n of nodes) total += value(n);
  return total;
}

/** Byte order, as Go compares strings. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function label(n: Node): string {
  return n.line > 0 ? `${n.function} ${n.file}:${n.line}` : n.function;
}

function nodeKey(name: string, file: string, line: number, granularity: Granularity): string {
  return granularity === 'lines' ? `${name}\n${file}:${line}` : name;
}

/**
 * pprof's graph.newGraph: every sample adds its value to the cum of each row of its stack once,
 * to the flat of its leaf row, and to each call (caller → callee) once. With `kept`, other rows
 * are skipped, and a leaf that was skipped gives no row its flat.
 */
function buildGraph(
  profile: Profile,
  index: number,
  granularity: Granularity,
  kept: ReadonlySet<string> | null,
): Node[] {
  const nodes = new Map<string, Node>();
  const nodeFor = (name: string, file: string, line: number): Node | null => {
    const key = nodeKey(name, file, line, granularity);
    if (kept && !kept.has(key)) return null;
    let node = nodes.get(key);
    if (!node) {
      node =
        granularity === 'lines'
          ? {
              key,
              function: name,
              file: cleanPath(file),
              line,
              flat: 0,
              cum: 0,
              callers: new Map(),
            }
          : { key, function: name, file: '', line: 0, flat: 0, cum: 0, callers: new Map() };
      nodes.set(key, node);
    }
    return node;
  };
  // Each location's rows, computed once: locations are shared by many samples.
  const locationRows = new Map<number, (Node | null)[]>();
  const seenNodes = new Set<Node>();
  const seenCalls = new Set<string>();
  for (const sample of profile.samples) {
    const w = sample.values[index]!;
    if (w === 0) continue;
    seenNodes.clear();
    seenCalls.clear();
    let parent: Node | null = null;
    let residual = false;
    for (let i = sample.locations.length - 1; i >= 0; i--) {
      const location = sample.locations[i]!;
      let rows = locationRows.get(location.id);
      if (!rows) {
        rows = location.frames.map((f) => nodeFor(f.name, f.file, f.line));
        locationRows.set(location.id, rows);
      }
      for (let ni = rows.length - 1; ni >= 0; ni--) {
        const n = rows[ni]!;
        if (n === null) {
          residual = true;
          continue;
        }
        if (!seenNodes.has(n)) {
          seenNodes.add(n);
          n.cum += w;
        }
        if (parent !== null && n !== parent) {
          const pair = `${parent.key}\u0000${n.key}`;
          if (!seenCalls.has(pair)) {
            seenCalls.add(pair);
            // The callee sits inside its caller's code when it is not the location's outermost
            // frame: the call was inlined.
            const inline = ni !== rows.length - 1;
            const edge = n.callers.get(parent);
            if (edge) {
              edge.weight += w;
              if (!inline) edge.inline = false;
            } else n.callers.set(parent, { weight: w, inline });
          }
        }
        parent = n;
        residual = false;
      }
    }
    if (parent !== null && !residual) parent.flat += w;
  }
  return [...nodes.values()].filter((n) => n.cum !== 0 || n.flat !== 0);
}

/** pprof's TextItems: the mark from the calls into a row that are not below the cutoff. */
function inlineMark(n: Node, edgeCutoff: number): TopRow['inline'] {
  let inline = false;
  let outOfLine = false;
  for (const edge of n.callers.values()) {
    if (Math.abs(edge.weight) < edgeCutoff) continue;
    if (edge.inline) inline = true;
    else outOfLine = true;
  }
  if (!inline) return '';
  return outOfLine ? '(partial-inline)' : '(inline)';
}

/** Go's filepath.Clean for the slash paths in profiles: no "./", "a/../", or doubled "/". */
function cleanPath(path: string): string {
  if (path === '') return '';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !rooted) parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** A value of the table written like pprof writes it ("6661.53kB", "-22", "0"). */
export function formatValue(table: TopTable, value: number): string {
  return scaledLabel(value, table.sampleUnit, table.outputUnit);
}

/** The table as `go tool pprof -top` prints it, from the "Showing nodes" line on. */
export function topText(table: TopTable): string {
  const lines = [
    `Showing nodes accounting for ${formatValue(table, table.shown)}, ${percentage(table.shown, table.total).trim()} of ${formatValue(table, table.total)} total`,
  ];
  if (table.total !== 0 && table.droppedRows > 0) {
    lines.push(
      `Dropped ${table.droppedRows} node${table.droppedRows > 1 ? 's' : ''} (cum <= ${formatValue(table, table.dropCutoff)})`,
    );
  }
  lines.push(
    `${'flat'.padStart(10)} ${'flat'.padStart(5)}% ${'sum'.padStart(5)}% ${'cum'.padStart(10)} ${'cum'.padStart(5)}%`,
  );
  let flatSum = 0;
  for (const row of table.rows) {
    flatSum += row.flat;
    lines.push(
      `${formatValue(table, row.flat).padStart(10)} ${percentage(row.flat, table.total)} ${percentage(flatSum, table.total)} ${formatValue(table, row.cum).padStart(10)} ${percentage(row.cum, table.total)}  ${row.label}${row.inline ? ` ${row.inline}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}
