/**
 * Runtime lines that share the stream with gc lines: GC forced, scavenger (scvg/scav), pacer,
 * gctrace=2 `scan:` lines, schedtrace, inittrace, checkfinalizers. They are rare next to gc
 * lines, so each form is one regular expression with match indices for the field spans.
 */
import type { Content } from './content.ts';
import { positionOf, skipKnownPrefix } from './content.ts';
import { isWordChar } from './chars.ts';
import type {
  CompanionKind,
  CompanionLine,
  CompanionValue,
  FieldKind,
  FieldSpan,
} from './types.ts';

/** Float forms of runtime `print`: `+2.500000e-001` (≤1.25) and shortest `0.25`, `1e-05` (1.26+). */
const F = String.raw`([+-]?\d\.\d{6}e[+-]\d{3}|-?\d+(?:\.\d+)?(?:e[+-]\d+)?|NaN|[+-]Inf)`;

type FieldDef = readonly [
  name: string,
  kind: FieldKind,
  type: 'int' | 'float' | 'hex' | 'text' | 'flag',
];

interface Form {
  kind: CompanionKind;
  /** Human name of the form, used in explanations. */
  label: string;
  re: RegExp;
  fields: readonly FieldDef[];
}

function form(
  kind: CompanionKind,
  label: string,
  source: string,
  fields: readonly FieldDef[],
): Form {
  return { kind, label, re: new RegExp(source + String.raw`\s*$`, 'dy'), fields };
}

const forms: Form[] = [
  form('gc-forced', 'GC forced (periodic GC, Go 1.4+)', String.raw`(GC forced)`, [
    ['notice', 'label', 'text'],
  ]),
  form(
    'gc-forced',
    'scvgN: GC forced (periodic GC, Go 1.0–1.3)',
    String.raw`scvg(-?\d+): (GC forced)`,
    [
      ['counter', 'counter', 'int'],
      ['notice', 'label', 'text'],
    ],
  ),
  form(
    'scvg-released',
    'scavenger released (Go 1.0–1.13)',
    String.raw`(forced )?scvg(-?\d+)?: (0x[0-9a-fA-F]+|\d+) MB released`,
    [
      ['forced', 'forced', 'flag'],
      ['counter', 'counter', 'int'],
      ['released', 'memory', 'hex'],
    ],
  ),
  form(
    'scvg-inuse',
    'scavenger summary (Go 1.0–1.13)',
    String.raw`(forced )?scvg(-?\d+)?: inuse: (\d+), idle: (\d+), sys: (\d+), released: (\d+), consumed: (\d+) \(MB\)`,
    [
      ['forced', 'forced', 'flag'],
      ['counter', 'counter', 'int'],
      ['inuse', 'memory', 'int'],
      ['idle', 'memory', 'int'],
      ['sys', 'memory', 'int'],
      ['released', 'memory', 'int'],
      ['consumed', 'memory', 'int'],
    ],
  ),
  form(
    'scav',
    'scavtrace (Go 1.21+)',
    String.raw`scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB now, (\d+)% util( \(forced\))?( \[controller reset\])?`,
    [
      ['workBackground', 'memory', 'int'],
      ['workEager', 'memory', 'int'],
      ['now', 'memory', 'int'],
      ['util', 'percent', 'int'],
      ['forced', 'forced', 'flag'],
      ['controllerReset', 'flag', 'flag'],
    ],
  ),
  form(
    'scav',
    'scavtrace (Go 1.14–1.20)',
    String.raw`scav (?:(\d+) )?(\d+) KiB work, (\d+) KiB total, (\d+)% util( \(forced\))?( \[controller reset\])?`,
    [
      ['generation', 'counter', 'int'],
      ['work', 'memory', 'int'],
      ['total', 'memory', 'int'],
      ['util', 'percent', 'int'],
      ['forced', 'forced', 'flag'],
      ['controllerReset', 'flag', 'flag'],
    ],
  ),
  form(
    'pacer-assist',
    'pacer start of cycle (gcpacertrace)',
    String.raw`pacer: assist ratio=${F} \(scan (\d+) MB in (\d+)->(\d+) MB\) workers=(\d+)\+\+?${F}`,
    [
      ['assistRatio', 'ratio', 'float'],
      ['scan', 'memory', 'int'],
      ['heapStart', 'memory', 'int'],
      ['goal', 'goal', 'int'],
      ['dedicatedWorkers', 'workers', 'int'],
      ['fractionalWorkers', 'workers', 'float'],
    ],
  ),
  form(
    'pacer-end-old',
    'pacer end of cycle, old pacer (Go 1.5–1.17)',
    String.raw`pacer: H_m_prev=(\d+) h_t=${F} H_T=(\d+) h_a=${F} H_a=(\d+) h_g=${F} H_g=(\d+) u_a=${F} u_g=${F} W_a=(\d+) goal[\u0394\u2206]=${F} actual[\u0394\u2206]=${F} u_a/u_g=${F}`,
    [
      ['markedPrevious', 'bytes', 'int'],
      ['triggerRatio', 'ratio', 'float'],
      ['trigger', 'bytes', 'int'],
      ['actualRatio', 'ratio', 'float'],
      ['heapActual', 'bytes', 'int'],
      ['goalRatio', 'ratio', 'float'],
      ['goal', 'bytes', 'int'],
      ['utilisationActual', 'ratio', 'float'],
      ['utilisationGoal', 'ratio', 'float'],
      ['scanWork', 'work', 'int'],
      ['goalDelta', 'ratio', 'float'],
      ['actualDelta', 'ratio', 'float'],
      ['utilisationRatio', 'ratio', 'float'],
    ],
  ),
  form(
    'pacer-end',
    'pacer end of cycle (Go 1.18+)',
    String.raw`pacer: (\d+)% CPU \((\d+) exp\.\) for (\d+)\+(\d+)\+(\d+) B work \((\d+) B exp\.\) in (\d+) B -> (\d+) B \([\u2206\u0394]goal (-?\d+), cons/mark ${F}\)( ?\[controller reset\])?`,
    [
      ['cpu', 'percent', 'int'],
      ['cpuExpected', 'percent', 'int'],
      ['heapWork', 'work', 'int'],
      ['stackWork', 'work', 'int'],
      ['globalsWork', 'work', 'int'],
      ['workExpected', 'work', 'int'],
      ['trigger', 'bytes', 'int'],
      ['heapLive', 'bytes', 'int'],
      ['goalDelta', 'bytes', 'int'],
      ['consMark', 'ratio', 'float'],
      ['controllerReset', 'flag', 'flag'],
    ],
  ),
  form(
    'pacer-sweep-done',
    'pacer sweep done (Go 1.6+)',
    String.raw`pacer: sweep done at heap size (\d+)MB; allocated (\d+)MB (?:of spans|during sweep); swept (\d+) pages(?: at ${F} pages/byte)?`,
    [
      ['heap', 'memory', 'int'],
      ['allocated', 'memory', 'int'],
      ['swept', 'pages', 'int'],
      ['pagesPerByte', 'ratio', 'float'],
    ],
  ),
  form(
    'scan-total',
    'gctrace=2 scan totals, Green Tea (Go 1.25+)',
    String.raw`scan: total (\d+)\+(\d+)\+(\d+)=(\d+) objs, (\d+)\+(\d+)=(\d+) spans`,
    [
      ['sparseObjects', 'objects', 'int'],
      ['spanObjectsSparse', 'objects', 'int'],
      ['spanObjectsDense', 'objects', 'int'],
      ['objects', 'objects', 'int'],
      ['spansSparse', 'count', 'int'],
      ['spansDense', 'count', 'int'],
      ['spans', 'count', 'int'],
    ],
  ),
  form('scan-total', 'gctrace=2 scan totals (Go 1.25+)', String.raw`scan: total (\d+) objs`, [
    ['objects', 'objects', 'int'],
  ]),
  form(
    'scan-class',
    'gctrace=2 scan per size class, Green Tea (Go 1.25+)',
    String.raw`scan: class (\d+B|L) (\d+)\+(\d+)\+(\d+)=(\d+) objs, (\d+)\+(\d+)=(\d+) spans`,
    [
      ['sizeClass', 'label', 'text'],
      ['sparseObjects', 'objects', 'int'],
      ['spanObjectsSparse', 'objects', 'int'],
      ['spanObjectsDense', 'objects', 'int'],
      ['objects', 'objects', 'int'],
      ['spansSparse', 'count', 'int'],
      ['spansDense', 'count', 'int'],
      ['spans', 'count', 'int'],
    ],
  ),
  form(
    'scan-class',
    'gctrace=2 scan per size class (Go 1.25+)',
    String.raw`scan: class (\d+B|L) (\d+) objs`,
    [
      ['sizeClass', 'label', 'text'],
      ['objects', 'objects', 'int'],
    ],
  ),
  form(
    'sched',
    'schedtrace',
    String.raw`SCHED (\d+)ms: gomaxprocs=(\d+) idleprocs=(\d+) threads=(\d+) spinningthreads=(\d+)(?: needspinning=(\d+))? idlethreads=(\d+) runqueue=(\d+)(.*)`,
    [
      ['time', 'time', 'int'],
      ['gomaxprocs', 'procs', 'int'],
      ['idleprocs', 'count', 'int'],
      ['threads', 'count', 'int'],
      ['spinningthreads', 'count', 'int'],
      ['needspinning', 'count', 'int'],
      ['idlethreads', 'count', 'int'],
      ['runqueue', 'count', 'int'],
      ['rest', 'label', 'text'],
    ],
  ),
  form('sched-detail', 'scheddetail', String.raw`\s*([PMG]\d+): (\S+=.*)`, [
    ['entity', 'label', 'text'],
    ['detail', 'label', 'text'],
  ]),
  form(
    'init',
    'inittrace (Go 1.16+)',
    String.raw`init (\S+) @(\d+(?:\.\d+)?) ms, (\d+(?:\.\d+)?) ms clock, (\d+) bytes, (\d+) allocs`,
    [
      ['package', 'label', 'text'],
      ['at', 'time', 'float'],
      ['clock', 'time', 'float'],
      ['bytes', 'bytes', 'int'],
      ['allocs', 'count', 'int'],
    ],
  ),
  form(
    'checkfinalizers',
    'checkfinalizers (Go 1.25+)',
    String.raw`checkfinalizers: queue: (\d+) finalizers \+ (\d+) cleanups`,
    [
      ['finalizers', 'count', 'int'],
      ['cleanups', 'count', 'int'],
    ],
  ),
  form(
    'mstats-skew',
    'heap accounting error (Go 1.3–1.4)',
    String.raw`runtime: mstats skew: heap=(\d+)/(\d+)`,
    [
      ['heap', 'bytes', 'int'],
      ['expected', 'bytes', 'int'],
    ],
  ),
  form(
    'alloc-trace',
    'allocfreetrace (Go 1.3–1.22)',
    String.raw`(tracealloc|tracefree|tracegc)\((.*)\)`,
    [
      ['event', 'label', 'text'],
      ['arguments', 'label', 'text'],
    ],
  ),
];

/** Words that start a runtime line; a line starting with one that matches no known form is reported. */
const runtimeStarts = [
  'GC forced',
  'forced scvg',
  'scvg',
  'scav ',
  'pacer:',
  'scan: ',
  'SCHED ',
  'checkfinalizers:',
  'runtime: ',
];

const keywords = [
  'GC forced',
  'scvg',
  'scav ',
  'pacer:',
  'scan: ',
  'SCHED ',
  'init ',
  'checkfinalizers:',
  'runtime: mstats',
  'trace',
];

export interface CompanionScan {
  companion: CompanionLine | null;
  /** Set when the line starts like a runtime line that matched no known form. */
  unknown: { column: number; length: number; message: string } | null;
}

/** Label of the form that matched (for explanations). */
export const companionLabels: Readonly<Record<CompanionKind, string>> = Object.fromEntries(
  forms.map((f) => [f.kind, f.label.replace(/ \(Go [^)]*\)$/, '')]),
) as Record<CompanionKind, string>;

/** Tries every form at index `at` of `text` (the content from `c.start` to `c.end`). */
function tryForms(c: Content, text: string, at: number): CompanionLine | null {
  for (const f of forms) {
    f.re.lastIndex = at;
    const m = f.re.exec(text);
    if (m === null || m.indices === undefined) continue;
    const values: Record<string, CompanionValue> = {};
    const fields: FieldSpan[] = [];
    f.fields.forEach(([name, kind, type], i) => {
      const text = m[i + 1];
      const range = m.indices![i + 1];
      let value: CompanionValue;
      if (text === undefined || range === undefined) {
        value = type === 'flag' ? false : null;
        values[name] = value;
        return;
      }
      if (type === 'flag') value = true;
      else if (type === 'text') value = text;
      else if (type === 'hex')
        value = text.startsWith('0x') || text.startsWith('0X') ? parseInt(text, 16) : Number(text);
      else
        value =
          text === 'NaN'
            ? NaN
            : text === '+Inf'
              ? Infinity
              : text === '-Inf'
                ? -Infinity
                : Number(text);
      values[name] = value;
      const from = positionOf(c, c.start + range[0]);
      fields.push({
        name,
        kind,
        line: from.line,
        startColumn: from.column,
        endColumn: from.column + (range[1] - range[0]),
        text,
        value: typeof value === 'number' ? value : null,
      });
    });
    const start = positionOf(c, c.start + at);
    return { kind: f.kind, line: start.line, column: start.column, values, fields };
  }
  return null;
}

/** Recognises a companion line in the content, or says it looks like an unknown runtime line. */
export function scanCompanion(c: Content): CompanionScan {
  const text = c.s.slice(c.start, c.end);
  let tried = -1;
  const contentStart = skipKnownPrefix(c.s, c.start, c.end);
  let lead = contentStart;
  while (lead < c.end && (c.s.charCodeAt(lead) === 32 || c.s.charCodeAt(lead) === 9)) lead++;
  if (lead < c.end) {
    const found = tryForms(c, text, contentStart - c.start);
    if (found !== null) return { companion: found, unknown: null };
    tried = contentStart - c.start;
  }
  for (const word of keywords) {
    let from = 0;
    for (;;) {
      const k = text.indexOf(word, from);
      if (k < 0) break;
      from = k + 1;
      if (k === tried || (k > 0 && isWordChar(text.charCodeAt(k - 1)))) continue;
      let begin = k;
      // scvg lines may carry a 'forced ' word before the keyword.
      if (word === 'scvg' && text.slice(Math.max(0, k - 7), k) === 'forced ') begin = k - 7;
      const found = tryForms(c, text, begin);
      if (found !== null) return { companion: found, unknown: null };
    }
  }
  const head = c.s.slice(lead, Math.min(c.end, lead + 20));
  for (const start of runtimeStarts) {
    if (head.startsWith(start)) {
      const pos = positionOf(c, lead);
      return {
        companion: null,
        unknown: {
          column: pos.column,
          length: c.end - lead,
          message: `this looks like a runtime '${start.trim()}' line, but not one of the forms printed by Go 1.0–1.27; it is kept as unknown runtime output`,
        },
      };
    }
  }
  return { companion: null, unknown: null };
}
