/**
 * What the field under the cursor means: the data behind the editor's hovers.
 * Facts follow the format specification (runtime sources of Go 1.0 – 1.27).
 */
import { companionFieldExplanations, companionLabels } from '../companions.ts';
import { lineFields, lineKindAt, lineText } from '../fields.ts';
import type {
  CompanionKind,
  CompanionLine,
  Diagnostic,
  EraId,
  ExplainOptions,
  FieldKind,
  FieldSpan,
  LineKind,
  ParsedTrace,
} from '../types.ts';
import type { FieldExplanation } from './field-explanation.ts';
import { modernFields } from './modern.ts';
import { explanationForRelease } from './releases.ts';
import { fieldExplanations } from './tables.ts';

/** Generic texts for fields of kinds without their own entry (counts in scan: and SCHED lines). */
const genericByKind: Partial<Record<FieldKind, FieldExplanation>> = {
  objects: {
    title: 'Objects',
    unit: 'objects',
    what: 'Object count.',
    computed: '',
    traps: [],
    inContext: '{value} objects',
  },
  count: {
    title: 'Count',
    unit: 'count',
    what: 'A count printed by the runtime.',
    computed: '',
    traps: [],
    inContext: '{value}',
  },
  procs: modernFields.procs,
  time: {
    title: 'Time',
    unit: 'ms',
    what: 'A time printed by the runtime.',
    computed: '',
    traps: [],
    inContext: '{value}',
  },
  label: {
    title: 'Label',
    unit: '',
    what: 'Text printed by the runtime.',
    computed: '',
    traps: [],
    inContext: '{value}',
  },
};

/** What `explainAt` returns: the field under the cursor (or the diagnostic there) in plain words. */
export interface Explanation {
  field: string;
  kind: FieldKind | 'diagnostic';
  range: { line: number; startColumn: number; endColumn: number };
  title: string;
  /** The printed text. */
  value: string;
  valueInContext: string;
  explanation: string;
  unit: string;
  metric?: string;
  traps: string[];
  /** Messages of diagnostics that touch this column. */
  diagnostics: string[];
}

/** What a gc-line field of an era means: its era's text, else the Go 1.5+ one, else its kind's. */
export function gcFieldExplanation(
  era: EraId,
  name: string,
  kind: FieldKind,
): FieldExplanation | undefined {
  return fieldExplanations[era][name] ?? fieldExplanations['go1.5+'][name] ?? genericByKind[kind];
}

/** What a companion-line field means: the text beside its definition, else its kind's. */
export function companionFieldExplanation(
  companion: CompanionKind,
  name: string,
  kind: FieldKind,
): FieldExplanation | undefined {
  return companionFieldExplanations[companion][name] ?? genericByKind[kind];
}

function eraOfLine(parsed: ParsedTrace, line: number): EraId {
  for (const c of parsed.cycles) if (c.line <= line && line <= c.endLine) return c.era;
  return 'go1.5+';
}

/** What every column of one line shares: its fields, diagnostics, era and companion lines. */
interface LineContext {
  text: string;
  cycles: readonly unknown[];
  diagnosticList: readonly unknown[];
  cycleCount: number;
  diagnosticCount: number;
  line: number;
  fields: FieldSpan[];
  lineDiagnostics: Diagnostic[];
  era: EraId;
  companions: CompanionLine[];
}

/**
 * The line of each parse looked at last. A hover or a caret moves along one line, and finding a
 * line's fields and era means reading through the whole trace's cycles, so that is done once per
 * line. The text and lists are compared too, in case a caller appends to a parse in place.
 */
const lastLineOf = new WeakMap<ParsedTrace, LineContext>();

function lineContext(parsed: ParsedTrace, line: number, kind: LineKind): LineContext {
  const last = lastLineOf.get(parsed);
  if (
    last !== undefined &&
    last.line === line &&
    last.text === parsed.text &&
    last.cycles === parsed.cycles &&
    last.cycleCount === parsed.cycles.length &&
    last.diagnosticList === parsed.diagnostics &&
    last.diagnosticCount === parsed.diagnostics.length
  )
    return last;
  const fields =
    kind === 'cycle' || kind === 'companion' || kind === 'diagnostic'
      ? lineFields(parsed, line).filter((f) => f.line === line)
      : [];
  const context: LineContext = {
    text: parsed.text,
    cycles: parsed.cycles,
    diagnosticList: parsed.diagnostics,
    cycleCount: parsed.cycles.length,
    diagnosticCount: parsed.diagnostics.length,
    line,
    fields,
    lineDiagnostics: parsed.diagnostics.filter((d) => d.line === line),
    era: eraOfLine(parsed, line),
    companions: parsed.companions.filter((c) => c.line === line),
  };
  lastLineOf.set(parsed, context);
  return context;
}

/** The printed text with its unit, unless the text already carries it ("@9.951s", "44 MB goal"). */
function withUnit(text: string, unit: string): string {
  const suffix =
    unit === 'MB' || unit === 'KiB' || unit === 'B' || unit === 'ms'
      ? ` ${unit}`
      : unit === 's' || unit === '%'
        ? unit
        : '';
  if (suffix === '') return text;
  // Fields printed with their label ("44 MB goal") read best as the number and unit alone.
  const number = /^-?\d+(?:\.\d+)?/.exec(text)?.[0];
  if (number !== undefined && number !== text) return number + suffix;
  return text.endsWith(unit) ? text : text + suffix;
}

/** Eras of the lines printed by Go 1.18 and later, whose fields can differ by release. */
const releaseDependentEras: ReadonlySet<EraId> = new Set(['go1.18+', 'go1.26+']);

/**
 * Explains the field (or diagnostic) at a 1-based line and column; null where there is nothing
 * to say. With `options.goRelease` the fields whose meaning changed between releases are
 * explained for that release; without it they say what each release prints.
 */
export function explainAt(
  parsed: ParsedTrace,
  line: number,
  column: number,
  options: ExplainOptions = {},
): Explanation | null {
  const kind = lineKindAt(parsed, line);
  if (kind === null) return null;
  const { fields, lineDiagnostics, era, companions } = lineContext(parsed, line, kind);
  const diagnostics = lineDiagnostics.filter(
    (d) => column >= d.column && column <= d.column + Math.max(d.length, 1),
  );
  const field = fields.find((f) => column >= f.startColumn && column < f.endColumn);
  if (field === undefined) {
    const d = diagnostics.find((x) => x.severity !== 'info') ?? diagnostics[0];
    if (d === undefined) return null;
    return {
      field: d.kind,
      kind: 'diagnostic',
      range: { line, startColumn: d.column, endColumn: d.column + Math.max(d.length, 1) },
      title: d.severity === 'error' ? 'Problem' : d.severity === 'warning' ? 'Warning' : 'Note',
      value: lineText(parsed, line).slice(d.column - 1, d.column - 1 + d.length),
      valueInContext: d.message,
      explanation: d.message,
      unit: '',
      traps: [],
      diagnostics: diagnostics.map((x) => x.message),
    };
  }
  const companion =
    kind === 'companion' ? companions.find((c) => c.fields.includes(field)) : undefined;
  const general =
    companion !== undefined
      ? companionFieldExplanation(companion.kind, field.name, field.kind)
      : gcFieldExplanation(era, field.name, field.kind);
  const info =
    general === undefined
      ? undefined
      : companion !== undefined
        ? explanationForRelease(`${companion.kind}.${field.name}`, general, options.goRelease)
        : releaseDependentEras.has(era)
          ? explanationForRelease(field.name, general, options.goRelease)
          : general;
  const title = info?.title ?? field.name;
  const unit = info?.unit ?? '';
  const shown =
    field.kind === 'clock' &&
    fieldExplanations['go1.0-1.4'][field.name] !== undefined &&
    /us/.test(lineText(parsed, line))
      ? `${field.text} µs`
      : withUnit(field.text, unit);
  const explanation =
    info === undefined
      ? `${title}.`
      : info.computed !== ''
        ? `${info.what} ${info.computed}`
        : info.what;
  const where = companion !== undefined ? ` (${companionLabels[companion.kind]})` : '';
  const result: Explanation = {
    field: field.name,
    kind: field.kind,
    range: { line, startColumn: field.startColumn, endColumn: field.endColumn },
    title: title + where,
    value: field.text,
    valueInContext: (info?.inContext ?? `${title}: {value}`).split('{value}').join(shown),
    explanation,
    unit,
    traps: info?.traps ?? [],
    diagnostics: diagnostics.map((x) => x.message),
  };
  if (info?.metric !== undefined) result.metric = info.metric;
  return result;
}
