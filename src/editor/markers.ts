import type { Diagnostic, Explanation } from '../gctrace/index.ts';

/** Monaco's MarkerSeverity values, repeated here so this file needs no Monaco import. */
const severity = { error: 8, warning: 4, info: 2 } as const;

/** The marker data Monaco's setModelMarkers takes, for one diagnostic. */
export function diagnosticToMarker(diagnostic: Diagnostic) {
  return {
    severity: severity[diagnostic.severity],
    message: diagnostic.message,
    source: 'gctrace',
    code: diagnostic.kind,
    startLineNumber: diagnostic.line,
    startColumn: diagnostic.column,
    endLineNumber: diagnostic.line,
    endColumn: diagnostic.column + Math.max(1, diagnostic.length),
  };
}

/** Markdown for a hover: the field's name and value in context, then the why and the traps. */
export function explanationToMarkdown(explanation: Explanation): string {
  const parts = [
    `**${escapeMarkdown(explanation.title)}**`,
    escapeMarkdown(explanation.valueInContext),
  ];
  if (explanation.explanation && explanation.explanation !== explanation.valueInContext) {
    parts.push(escapeMarkdown(explanation.explanation));
  }
  const facts: string[] = [];
  if (explanation.unit) facts.push(`Unit: ${escapeMarkdown(explanation.unit)}`);
  if (explanation.metric) facts.push(`runtime/metrics: \`${explanation.metric}\``);
  if (facts.length) parts.push(facts.join(' · '));
  for (const trap of explanation.traps) parts.push(`⚠ ${escapeMarkdown(trap)}`);
  return parts.join('\n\n');
}

/** Trace text is data: keep Markdown from reading its characters as formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
