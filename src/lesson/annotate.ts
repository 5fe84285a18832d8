/** Splits one gc line of a trace into its fields, each with the engine's explanation. */
import {
  explainAt,
  fieldExplanations,
  lineFields,
  lineText,
  mainRun,
  parseTrace,
} from '../gctrace/index.ts';

export interface AnnotatedField {
  index: number;
  name: string;
  text: string;
  title: string;
  /** What the field is, from the engine's explanation table. */
  what: string;
}

export interface AnnotatedLine {
  line: number;
  text: string;
  /** The line cut into plain text and fields, in order. */
  parts: { text: string; field: AnnotatedField | null }[];
  fields: AnnotatedField[];
}

/** The line of cycle `gc` (in the main run) with every field explained; throws if there is none. */
export function annotateLine(trace: string, gc: number): AnnotatedLine {
  const parsed = parseTrace(trace);
  const main = mainRun(parsed.runs.map((r) => r.cycleIndices.length));
  const cycle = parsed.cycles.find((c) => c.gc === gc && c.run === main);
  if (cycle === undefined) throw new Error(`the trace has no line for gc ${gc}`);
  const text = lineText(parsed, cycle.line);
  const spans = lineFields(parsed, cycle.line)
    .filter((span) => span.line === cycle.line)
    .sort((a, b) => a.startColumn - b.startColumn);
  const table = fieldExplanations[cycle.era];
  const fields: AnnotatedField[] = [];
  const parts: AnnotatedLine['parts'] = [];
  let at = 1;
  // The cycle number is not among the engine's spans; its explanation is in the same table.
  const counter = /^(gc ?#?)(\d+)/.exec(text);
  const counterInfo = table['gc'] ?? fieldExplanations['go1.5+']['gc'];
  if (
    counter !== null &&
    counterInfo !== undefined &&
    (spans[0]?.startColumn ?? 99) > counter[0].length
  ) {
    const field: AnnotatedField = {
      index: 0,
      name: 'gc',
      text: counter[0],
      title: counterInfo.title,
      what: counterInfo.what,
    };
    fields.push(field);
    parts.push({ text: counter[0], field });
    at = counter[0].length + 1;
  }
  for (const span of spans) {
    if (span.startColumn < at) continue;
    const explanation = explainAt(parsed, cycle.line, span.startColumn);
    if (explanation === null) continue;
    if (span.startColumn > at)
      parts.push({ text: text.slice(at - 1, span.startColumn - 1), field: null });
    const info = table[span.name] ?? fieldExplanations['go1.5+'][span.name];
    const field: AnnotatedField = {
      index: fields.length,
      name: span.name,
      text: span.text,
      title: info?.title ?? explanation.title,
      what: info?.what ?? explanation.explanation,
    };
    fields.push(field);
    parts.push({ text: span.text, field });
    at = span.endColumn;
  }
  if (at <= text.length) parts.push({ text: text.slice(at - 1), field: null });
  return { line: cycle.line, text, parts, fields };
}
