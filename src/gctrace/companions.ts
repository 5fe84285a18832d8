/**
 * Runtime lines that share the stream with gc lines: GC forced, scavenger (scvg/scav), pacer,
 * gctrace=2 `scan:` lines, schedtrace, inittrace, checkfinalizers. They are rare next to gc
 * lines, so each form is one regular expression with match indices for the field spans.
 */
import type { Content } from './content.ts';
import { positionOf, skipKnownPrefix } from './content.ts';
import { isWordChar } from './chars.ts';
import {
  floorTrap,
  kibComputed,
  type ExplanationTable,
  type FieldExplanation,
} from './explain/field-explanation.ts';
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
  /** What the field means; fields without one are explained by their kind. */
  explanation?: FieldExplanation,
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

// Fields that several forms of one kind print alike.
const gcForcedNotice: FieldExplanation = {
  title: 'Periodic forced GC',
  unit: 'flag',
  what: 'No GC ran for 2 minutes, so the runtime forced one.',
  computed:
    'forcegchelper (Go 1.4+) prints it before the GC; Go 1.0 – 1.3 print scvgN: GC forced after it.',
  traps: ['The resulting gc line does not carry (forced).', 'Never happens with GOGC=off.'],
  inContext: '{value}: two minutes passed without a collection',
};
const scavUtil: FieldExplanation = {
  title: 'Heap utilisation',
  unit: '%',
  what: 'In-use heap ÷ retained heap.',
  computed: 'Integer percent.',
  traps: [],
  inContext: '{value} of retained heap memory is in use',
};
const scavForced: FieldExplanation = {
  title: 'Forced',
  unit: 'flag',
  what: 'From debug.FreeOSMemory.',
  computed: '',
  traps: [],
  inContext: '{value}',
};
const scavControllerReset: FieldExplanation = {
  title: 'Controller reset',
  unit: 'flag',
  what: 'The scavenger’s rate controller was reset.',
  computed: '',
  traps: [],
  inContext: '{value}',
};

// gctrace=2 `scan:` lines: dumpScanStats (runtime/mgcmark_greenteagc.go with Green Tea, the
// default from Go 1.26; mgcmark_nogreenteagc.go otherwise, so 1.25 by default prints one number).
const scanTotalsNote =
  'Counted only under gctrace=2: the statistics are cleared and gathered from every P in gcMarkTermination, then printed right after the gc line of the same cycle.';
const scanObjects: FieldExplanation = {
  title: 'Objects scanned',
  unit: 'objects',
  what: 'Heap objects the collector scanned for pointers in this cycle (the whole heap, or this size class).',
  computed: `${scanTotalsNote} With Green Tea it is the sum of the three numbers before the = sign; without it, sparseObjsScanned alone.`,
  traps: [
    'Objects that hold no pointers are marked but never scanned, so they are not counted.',
    'Go 1.25 prints this short form unless built with GOEXPERIMENT=greenteagc; Go 1.26+ prints the Green Tea form by default.',
  ],
  inContext: '{value} objects scanned for pointers',
};
const scanSparseObjects: FieldExplanation = {
  title: 'Objects scanned one by one',
  unit: 'objects',
  what: 'Objects scanned one at a time, as before Green Tea: large objects and objects in spans that are not scanned as a whole.',
  computed: `sparseObjsScanned: "Objects scanned with scanobject or scanObjectSmall" (Green Tea, Go 1.25+). ${scanTotalsNote}`,
  traps: [],
  inContext: '{value} objects scanned one by one',
};
const scanSpanObjectsSparse: FieldExplanation = {
  title: 'Objects scanned in sparse spans',
  unit: 'objects',
  what: 'Objects scanned as part of a whole span that had few marked objects, so each was scanned on its own.',
  computed: `spanObjsSparseScanned: "Objects scanned with scanObjectsSmall" (Green Tea). ${scanTotalsNote}`,
  traps: [],
  inContext: '{value} objects scanned in sparsely marked spans',
};
const scanSpanObjectsDense: FieldExplanation = {
  title: 'Objects scanned in dense spans',
  unit: 'objects',
  what: 'Objects scanned as part of a whole span dense enough to be scanned in one pass: Green Tea’s fast path.',
  computed: `spanObjsDenseScanned: "Objects scanned with ScanSpanPacked" (Green Tea). ${scanTotalsNote}`,
  traps: [
    'The larger this share of the total, the more Green Tea saved over scanning object by object.',
  ],
  inContext: '{value} objects scanned in densely marked spans',
};
const scanSpansSparse: FieldExplanation = {
  title: 'Sparse spans scanned',
  unit: 'spans',
  what: 'Spans scanned whole but object by object, because few of their objects were marked.',
  computed: `spansSparseScanned: "Spans scanned with scanObjectsSmall" (Green Tea). ${scanTotalsNote}`,
  traps: [],
  inContext: '{value} spans scanned sparsely',
};
const scanSpansDense: FieldExplanation = {
  title: 'Dense spans scanned',
  unit: 'spans',
  what: 'Spans scanned in one pass because many of their objects were marked.',
  computed: `spansDenseScanned: "Spans scanned with ScanSpanPacked" (Green Tea). ${scanTotalsNote}`,
  traps: [],
  inContext: '{value} spans scanned densely',
};
const scanSpans: FieldExplanation = {
  title: 'Spans scanned',
  unit: 'spans',
  what: 'Spans the Green Tea collector scanned as a whole: the sum of the two numbers before the = sign.',
  computed: `totalSpans = spansSparseScanned + spansDenseScanned (dumpScanStats). ${scanTotalsNote}`,
  traps: [],
  inContext: '{value} spans scanned as a whole',
};
const scanSizeClass: FieldExplanation = {
  title: 'Size class',
  unit: '',
  what: 'The object size of this row: the size class in bytes, or L for large objects (size class 0, one object per span).',
  computed:
    'gc.SizeClassToSize[i] followed by B; classes with nothing scanned this cycle are left out (dumpScanStats).',
  traps: [],
  inContext: 'objects of size class {value}',
};

const forms: Form[] = [
  form('gc-forced', 'GC forced (periodic GC, Go 1.4+)', String.raw`(GC forced)`, [
    ['notice', 'label', 'text', gcForcedNotice],
  ]),
  form(
    'gc-forced',
    'scvgN: GC forced (periodic GC, Go 1.0–1.3)',
    String.raw`scvg(-?\d+): (GC forced)`,
    [
      [
        'counter',
        'counter',
        'int',
        {
          title: 'Scavenger round',
          unit: 'count',
          what: 'Scavenger round that forced the GC.',
          computed: 'Round counter from 0.',
          traps: [],
          inContext: 'scavenger round {value}',
        },
      ],
      ['notice', 'label', 'text', gcForcedNotice],
    ],
  ),
  form(
    'scvg-released',
    'scavenger released (Go 1.0–1.13)',
    String.raw`(forced )?scvg(-?\d+)?: (0x[0-9a-fA-F]+|\d+) MB released`,
    [
      [
        'forced',
        'forced',
        'flag',
        {
          title: 'Forced scavenge',
          unit: 'flag',
          what: 'Triggered by debug.FreeOSMemory (Go 1.13 form).',
          computed: 'Printed as "forced scvg:".',
          traps: [],
          inContext: '{value}: the program asked to return memory',
        },
      ],
      [
        'counter',
        'counter',
        'int',
        {
          title: 'Scavenger round',
          unit: 'count',
          what: 'Round counter; -1 when triggered by debug.FreeOSMemory (Go 1.2 – 1.12).',
          computed: 'Counts from 0.',
          traps: ['Go 1.13 prints scvg: without a number, after every scavenger step.'],
          inContext: 'scavenger round {value}',
        },
      ],
      [
        'released',
        'memory',
        'hex',
        {
          title: 'Released to the OS',
          unit: 'MB',
          what: 'Memory returned to the operating system in this round.',
          computed: 'Bytes >> 20, floored; printed in hex (0x…) by Go 1.0 – 1.1.',
          traps: ['0 MB released is normal: less than 1 MiB.'],
          inContext: '{value} returned to the OS',
        },
      ],
    ],
  ),
  form(
    'scvg-inuse',
    'scavenger summary (Go 1.0–1.13)',
    String.raw`(forced )?scvg(-?\d+)?: inuse: (\d+), idle: (\d+), sys: (\d+), released: (\d+), consumed: (\d+) \(MB\)`,
    [
      [
        'forced',
        'forced',
        'flag',
        {
          title: 'Forced scavenge',
          unit: 'flag',
          what: 'Triggered by debug.FreeOSMemory (Go 1.13 form).',
          computed: 'Printed as "forced scvg:".',
          traps: [],
          inContext: '{value}',
        },
      ],
      [
        'counter',
        'counter',
        'int',
        {
          title: 'Scavenger round',
          unit: 'count',
          what: 'Round counter; -1 for debug.FreeOSMemory.',
          computed: 'Counts from 0.',
          traps: [],
          inContext: 'scavenger round {value}',
        },
      ],
      [
        'inuse',
        'memory',
        'int',
        {
          title: 'Heap spans in use',
          unit: 'MB',
          what: 'Heap memory in spans that hold objects.',
          computed: 'memstats.heap_inuse >> 20.',
          traps: [floorTrap],
          inContext: '{value} of heap spans in use',
        },
      ],
      [
        'idle',
        'memory',
        'int',
        {
          title: 'Idle heap spans',
          unit: 'MB',
          what: 'Free heap spans, including ones returned to the OS.',
          computed: 'memstats.heap_idle >> 20.',
          traps: [floorTrap],
          inContext: '{value} of idle heap spans',
        },
      ],
      [
        'sys',
        'memory',
        'int',
        {
          title: 'Heap from the OS',
          unit: 'MB',
          what: 'Heap memory obtained from the operating system.',
          computed: 'memstats.heap_sys >> 20.',
          traps: [floorTrap],
          inContext: '{value} of heap obtained from the OS',
        },
      ],
      [
        'released',
        'memory',
        'int',
        {
          title: 'Returned to the OS',
          unit: 'MB',
          what: 'Heap memory given back to the OS so far.',
          computed: 'memstats.heap_released >> 20.',
          traps: [floorTrap],
          inContext: '{value} given back to the OS',
        },
      ],
      [
        'consumed',
        'memory',
        'int',
        {
          title: 'Consumed',
          unit: 'MB',
          what: 'Heap memory the process still holds: sys − released.',
          computed: 'heap_sys − heap_released.',
          traps: ['Closest to what the OS charges the process for the heap.'],
          inContext: '{value} of heap memory held',
        },
      ],
    ],
  ),
  form(
    'scav',
    'scavtrace (Go 1.21+)',
    String.raw`scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB now, (\d+)% util( \(forced\))?( \[controller reset\])?`,
    [
      [
        'workBackground',
        'memory',
        'int',
        {
          title: 'Released in the background',
          unit: 'KiB',
          what: 'Memory the background scavenger returned since the previous line.',
          computed: kibComputed,
          traps: [],
          inContext: '{value} returned by the background scavenger',
        },
      ],
      [
        'workEager',
        'memory',
        'int',
        {
          title: 'Released eagerly',
          unit: 'KiB',
          what: 'Memory returned synchronously, e.g. to stay under the memory limit.',
          computed: kibComputed,
          traps: ['Steady eager work means the program is pressing against GOMEMLIMIT.'],
          inContext: '{value} returned eagerly',
        },
      ],
      [
        'now',
        'memory',
        'int',
        {
          title: 'Released now',
          unit: 'KiB',
          what: 'Heap memory currently returned to the OS.',
          computed: kibComputed,
          traps: ['The Go 1.21+ docs still say "KiB total"; the code prints "KiB now".'],
          inContext: '{value} currently returned to the OS',
        },
      ],
      ['util', 'percent', 'int', scavUtil],
      ['forced', 'forced', 'flag', scavForced],
      ['controllerReset', 'flag', 'flag', scavControllerReset],
    ],
  ),
  form(
    'scav',
    'scavtrace (Go 1.14–1.20)',
    String.raw`scav (?:(\d+) )?(\d+) KiB work, (\d+) KiB total, (\d+)% util( \(forced\))?( \[controller reset\])?`,
    [
      [
        'generation',
        'counter',
        'int',
        {
          title: 'Scavenger generation',
          unit: 'count',
          what: 'Scavenger generation (Go 1.15 – 1.18).',
          computed: 'Counter.',
          traps: [],
          inContext: 'generation {value}',
        },
      ],
      [
        'work',
        'memory',
        'int',
        {
          title: 'Released since last line',
          unit: 'KiB',
          what: 'Memory returned to the OS since the previous scav line.',
          computed: kibComputed,
          traps: [],
          inContext: '{value} returned since the last line',
        },
      ],
      [
        'total',
        'memory',
        'int',
        {
          title: 'Released in total',
          unit: 'KiB',
          what: 'Heap memory currently returned to the OS.',
          computed: kibComputed,
          traps: [],
          inContext: '{value} currently returned to the OS',
        },
      ],
      ['util', 'percent', 'int', scavUtil],
      ['forced', 'forced', 'flag', scavForced],
      ['controllerReset', 'flag', 'flag', scavControllerReset],
    ],
  ),
  form(
    'pacer-assist',
    'pacer start of cycle (gcpacertrace)',
    String.raw`pacer: assist ratio=${F} \(scan (\d+) MB in (\d+)->(\d+) MB\) workers=(\d+)\+\+?${F}`,
    [
      [
        'assistRatio',
        'ratio',
        'float',
        {
          title: 'Assist ratio',
          unit: 'work/byte',
          what: 'Scan work a goroutine must do per byte it allocates during marking.',
          computed: 'Pacer startCycle.',
          traps: ['Floats print as +d.dddddde±ddd up to Go 1.25, shortest form from 1.26.'],
          inContext: 'assist ratio {value}',
        },
      ],
      [
        'scan',
        'memory',
        'int',
        {
          title: 'Scannable heap',
          unit: 'MB',
          what: 'Heap the pacer expects to scan.',
          computed: 'MB.',
          traps: [floorTrap],
          inContext: '{value} to scan',
        },
      ],
      [
        'heapStart',
        'memory',
        'int',
        {
          title: 'Heap at start',
          unit: 'MB',
          what: 'Heap when the cycle started.',
          computed: 'MB.',
          traps: [floorTrap],
          inContext: 'heap {value} at the start',
        },
      ],
      [
        'goal',
        'goal',
        'int',
        {
          title: 'Goal',
          unit: 'MB',
          what: 'Heap goal of the cycle.',
          computed: 'heapGoal >> 20 (startCycle, runtime/mgcpacer.go).',
          traps: [floorTrap],
          inContext: 'goal {value}',
        },
      ],
      [
        'dedicatedWorkers',
        'workers',
        'int',
        {
          title: 'Dedicated workers',
          unit: 'workers',
          what: 'Dedicated background mark workers.',
          computed: 'Pacer.',
          traps: [],
          inContext: '{value} dedicated workers',
        },
      ],
      [
        'fractionalWorkers',
        'workers',
        'float',
        {
          title: 'Fractional workers',
          unit: 'workers',
          what: 'Fractional worker count (1.5 – 1.9) or utilisation goal (1.10+).',
          computed:
            'fractionalUtilizationGoal (startCycle); up to Go 1.25 the float prints with its sign, hence the doubled plus (workers=0++2.500000e-001); from 1.26 in the shortest form (workers=0+0.25).',
          traps: [],
          inContext: 'fractional {value}',
        },
      ],
    ],
  ),
  form(
    'pacer-end-old',
    'pacer end of cycle, old pacer (Go 1.5–1.17)',
    String.raw`pacer: H_m_prev=(\d+) h_t=${F} H_T=(\d+) h_a=${F} H_a=(\d+) h_g=${F} H_g=(\d+) u_a=${F} u_g=${F} W_a=(\d+) goal[\u0394\u2206]=${F} actual[\u0394\u2206]=${F} u_a/u_g=${F}`,
    [
      [
        'markedPrevious',
        'bytes',
        'int',
        {
          title: 'H_m_prev: bytes marked by the previous cycle',
          unit: '',
          what: 'H_m_prev: bytes marked by the previous cycle (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'H_m_prev: bytes marked by the previous cycle: {value}',
        },
      ],
      [
        'triggerRatio',
        'ratio',
        'float',
        {
          title: 'h_t: trigger ratio',
          unit: '',
          what: 'h_t: trigger ratio (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'h_t: trigger ratio: {value}',
        },
      ],
      [
        'trigger',
        'bytes',
        'int',
        {
          title: 'H_T: trigger heap size',
          unit: '',
          what: 'H_T: trigger heap size (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'H_T: trigger heap size: {value}',
        },
      ],
      [
        'actualRatio',
        'ratio',
        'float',
        {
          title: 'h_a: actual growth ratio',
          unit: '',
          what: 'h_a: actual growth ratio (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'h_a: actual growth ratio: {value}',
        },
      ],
      [
        'heapActual',
        'bytes',
        'int',
        {
          title: 'H_a: heap at end of cycle',
          unit: '',
          what: 'H_a: heap at end of cycle (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'H_a: heap at end of cycle: {value}',
        },
      ],
      [
        'goalRatio',
        'ratio',
        'float',
        {
          title: 'h_g: goal ratio (GOGC/100)',
          unit: '',
          what: 'h_g: goal ratio (GOGC/100) (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'h_g: goal ratio (GOGC/100): {value}',
        },
      ],
      [
        'goal',
        'bytes',
        'int',
        {
          title: 'H_g: goal heap size',
          unit: '',
          what: 'H_g: goal heap size (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'H_g: goal heap size: {value}',
        },
      ],
      [
        'utilisationActual',
        'ratio',
        'float',
        {
          title: 'u_a: actual CPU utilisation',
          unit: '',
          what: 'u_a: actual CPU utilisation (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'u_a: actual CPU utilisation: {value}',
        },
      ],
      [
        'utilisationGoal',
        'ratio',
        'float',
        {
          title: 'u_g: goal CPU utilisation',
          unit: '',
          what: 'u_g: goal CPU utilisation (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'u_g: goal CPU utilisation: {value}',
        },
      ],
      [
        'scanWork',
        'work',
        'int',
        {
          title: 'W_a: scan work done',
          unit: '',
          what: 'W_a: scan work done (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'W_a: scan work done: {value}',
        },
      ],
      [
        'goalDelta',
        'ratio',
        'float',
        {
          title: 'goalΔ',
          unit: '',
          what: 'goalΔ (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'goalΔ: {value}',
        },
      ],
      [
        'actualDelta',
        'ratio',
        'float',
        {
          title: 'actualΔ',
          unit: '',
          what: 'actualΔ (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'actualΔ: {value}',
        },
      ],
      [
        'utilisationRatio',
        'ratio',
        'float',
        {
          title: 'u_a/u_g',
          unit: '',
          what: 'u_a/u_g (old pacer end-of-cycle line, Go 1.5 – 1.17).',
          computed: 'Pacer endCycle; byte counts are exact integers.',
          traps: ['Internal pacer state, for runtime developers.'],
          inContext: 'u_a/u_g: {value}',
        },
      ],
    ],
  ),
  form(
    'pacer-end',
    'pacer end of cycle (Go 1.18+)',
    String.raw`pacer: (\d+)% CPU \((\d+) exp\.\) for (\d+)\+(\d+)\+(\d+) B work \((\d+) B exp\.\) in (\d+) B -> (\d+) B \([\u2206\u0394]goal (-?\d+), cons/mark ${F}\)( ?\[controller reset\])?`,
    [
      [
        'cpu',
        'percent',
        'int',
        {
          title: 'Mark CPU utilisation',
          unit: '%',
          what: 'Actual CPU utilisation of marking.',
          computed: 'Integer percent.',
          traps: [],
          inContext: '{value} CPU during marking',
        },
      ],
      [
        'cpuExpected',
        'percent',
        'int',
        {
          title: 'Expected utilisation',
          unit: '%',
          what: 'The goal utilisation (25%).',
          computed: '',
          traps: [],
          inContext: 'goal {value}',
        },
      ],
      [
        'heapWork',
        'work',
        'int',
        {
          title: 'Heap scan work',
          unit: 'B',
          what: 'Heap bytes scanned.',
          computed: '',
          traps: [],
          inContext: '{value} of heap scanned',
        },
      ],
      [
        'stackWork',
        'work',
        'int',
        {
          title: 'Stack scan work',
          unit: 'B',
          what: 'Stack bytes scanned.',
          computed: '',
          traps: [],
          inContext: '{value} of stacks scanned',
        },
      ],
      [
        'globalsWork',
        'work',
        'int',
        {
          title: 'Globals scan work',
          unit: 'B',
          what: 'Global bytes scanned.',
          computed: '',
          traps: [],
          inContext: '{value} of globals scanned',
        },
      ],
      [
        'workExpected',
        'work',
        'int',
        {
          title: 'Expected scan work',
          unit: 'B',
          what: 'Scan work the pacer expected.',
          computed: '',
          traps: [],
          inContext: '{value} expected',
        },
      ],
      [
        'trigger',
        'bytes',
        'int',
        {
          title: 'Trigger heap',
          unit: 'B',
          what: 'Heap size when the cycle was triggered.',
          computed:
            'c.triggered (endCycle, runtime/mgcpacer.go); the line is skipped when the heap at the end is not above it.',
          traps: [],
          inContext: 'triggered at {value}',
        },
      ],
      [
        'heapLive',
        'bytes',
        'int',
        {
          title: 'Heap at end',
          unit: 'B',
          what: 'Heap size at the end of the cycle.',
          computed: '',
          traps: [],
          inContext: '{value} at the end',
        },
      ],
      [
        'goalDelta',
        'bytes',
        'int',
        {
          title: '∆goal',
          unit: 'B',
          what: 'End heap − goal; negative means the cycle finished under the goal.',
          computed: 'Signed bytes.',
          traps: ['U+2206 ∆, not the Greek Δ of the old pacer line.'],
          inContext: '{value} from the goal',
        },
      ],
      [
        'consMark',
        'ratio',
        'float',
        {
          title: 'cons/mark',
          unit: 'ratio',
          what: 'Estimated allocation-to-scan rate ratio.',
          computed: 'Float.',
          traps: [],
          inContext: 'cons/mark {value}',
        },
      ],
      [
        'controllerReset',
        'flag',
        'flag',
        {
          title: 'Controller reset',
          unit: 'flag',
          what: 'Printed only by Go 1.18 – 1.19.',
          computed: '',
          traps: [],
          inContext: '{value}',
        },
      ],
    ],
  ),
  form(
    'pacer-sweep-done',
    'pacer sweep done (Go 1.6+)',
    String.raw`pacer: sweep done at heap size (\d+)MB; allocated (\d+)MB (?:of spans|during sweep); swept (\d+) pages(?: at ${F} pages/byte)?`,
    [
      [
        'heap',
        'memory',
        'int',
        {
          title: 'Heap when sweeping finished',
          unit: 'MB',
          what: 'Heap size when sweeping finished.',
          computed:
            'heapLive >> 20, with MB written without a space (sweepone, runtime/mgcsweep.go).',
          traps: [
            floorTrap,
            'Printed only from Go 1.25: up to 1.24 sweepone (runtime/mgcsweep.go) tested the state from before its own decrement (`state != sweepDrainedMask`), so the line never appeared.',
          ],
          inContext: '{value}',
        },
      ],
      [
        'allocated',
        'memory',
        'int',
        {
          title: 'Allocated during sweep',
          unit: 'MB',
          what: 'Allocated while sweeping ran.',
          computed: '(heapLive − sweepHeapLiveBasis) >> 20 (sweepone).',
          traps: [],
          inContext: '{value} allocated during sweep',
        },
      ],
      [
        'swept',
        'pages',
        'int',
        {
          title: 'Pages swept',
          unit: 'pages',
          what: 'Pages swept in this sweep cycle.',
          computed: 'mheap_.pagesSwept (sweepone).',
          traps: [],
          inContext: '{value} pages',
        },
      ],
      [
        'pagesPerByte',
        'ratio',
        'float',
        {
          title: 'Sweep pacing',
          unit: 'pages/byte',
          what: 'Proportional sweep rate: pages to sweep per byte allocated.',
          computed:
            'mheap_.sweepPagesPerByte; a float, printed with its sign up to Go 1.25 and in the shortest form from 1.26.',
          traps: [],
          inContext: '{value} pages/byte',
        },
      ],
    ],
  ),
  form(
    'scan-total',
    'gctrace=2 scan totals, Green Tea (Go 1.25+)',
    String.raw`scan: total (\d+)\+(\d+)\+(\d+)=(\d+) objs, (\d+)\+(\d+)=(\d+) spans`,
    [
      ['sparseObjects', 'objects', 'int', scanSparseObjects],
      ['spanObjectsSparse', 'objects', 'int', scanSpanObjectsSparse],
      ['spanObjectsDense', 'objects', 'int', scanSpanObjectsDense],
      ['objects', 'objects', 'int', scanObjects],
      ['spansSparse', 'count', 'int', scanSpansSparse],
      ['spansDense', 'count', 'int', scanSpansDense],
      ['spans', 'count', 'int', scanSpans],
    ],
  ),
  form('scan-total', 'gctrace=2 scan totals (Go 1.25+)', String.raw`scan: total (\d+) objs`, [
    ['objects', 'objects', 'int', scanObjects],
  ]),
  form(
    'scan-class',
    'gctrace=2 scan per size class, Green Tea (Go 1.25+)',
    String.raw`scan: class (\d+B|L) (\d+)\+(\d+)\+(\d+)=(\d+) objs, (\d+)\+(\d+)=(\d+) spans`,
    [
      ['sizeClass', 'label', 'text', scanSizeClass],
      ['sparseObjects', 'objects', 'int', scanSparseObjects],
      ['spanObjectsSparse', 'objects', 'int', scanSpanObjectsSparse],
      ['spanObjectsDense', 'objects', 'int', scanSpanObjectsDense],
      ['objects', 'objects', 'int', scanObjects],
      ['spansSparse', 'count', 'int', scanSpansSparse],
      ['spansDense', 'count', 'int', scanSpansDense],
      ['spans', 'count', 'int', scanSpans],
    ],
  ),
  form(
    'scan-class',
    'gctrace=2 scan per size class (Go 1.25+)',
    String.raw`scan: class (\d+B|L) (\d+) objs`,
    [
      ['sizeClass', 'label', 'text', scanSizeClass],
      ['objects', 'objects', 'int', scanObjects],
    ],
  ),
  form(
    'sched',
    'schedtrace',
    String.raw`SCHED (\d+)ms: gomaxprocs=(\d+) idleprocs=(\d+) threads=(\d+) spinningthreads=(\d+)(?: needspinning=(\d+))? idlethreads=(\d+) runqueue=(\d+)(.*)`,
    [
      ['time', 'time', 'int'],
      [
        'gomaxprocs',
        'procs',
        'int',
        {
          title: 'P count (GOMAXPROCS)',
          unit: 'P',
          what: 'The number of Ps, i.e. GOMAXPROCS, when this scheduler line was printed.',
          computed: 'gomaxprocs.',
          traps: [],
          inContext: 'gomaxprocs={value}: up to that many goroutines ran Go code at once',
        },
      ],
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
      [
        'package',
        'label',
        'text',
        {
          title: 'Package',
          unit: '',
          what: 'The package whose init ran.',
          computed: 'inittrace=1.',
          traps: [],
          inContext: 'package {value}',
        },
      ],
      [
        'at',
        'time',
        'float',
        {
          title: 'Start',
          unit: 'ms',
          what: 'When the init started, since program start.',
          computed: 'fmtNSAsMS.',
          traps: [],
          inContext: 'started at {value}',
        },
      ],
      [
        'clock',
        'time',
        'float',
        {
          title: 'Init time',
          unit: 'ms',
          what: 'Wall time of the package’s init.',
          computed: 'fmtNSAsMS.',
          traps: [],
          inContext: 'took {value}',
        },
      ],
      [
        'bytes',
        'bytes',
        'int',
        {
          title: 'Bytes allocated',
          unit: 'B',
          what: 'Heap bytes allocated by the init.',
          computed: '',
          traps: [],
          inContext: '{value} allocated',
        },
      ],
      [
        'allocs',
        'count',
        'int',
        {
          title: 'Allocations',
          unit: 'count',
          what: 'Allocations made by the init.',
          computed: '',
          traps: [],
          inContext: '{value} allocations',
        },
      ],
    ],
  ),
  form(
    'checkfinalizers',
    'checkfinalizers (Go 1.25+)',
    String.raw`checkfinalizers: queue: (\d+) finalizers \+ (\d+) cleanups`,
    [
      [
        'finalizers',
        'count',
        'int',
        {
          title: 'Queued finalizers',
          unit: 'count',
          what: 'Finalizers waiting to run.',
          computed: 'checkfinalizers=1 (Go 1.25+).',
          traps: ['A growing queue means finalizers cannot keep up.'],
          inContext: '{value} finalizers queued',
        },
      ],
      [
        'cleanups',
        'count',
        'int',
        {
          title: 'Queued cleanups',
          unit: 'count',
          what: 'runtime.AddCleanup functions waiting to run.',
          computed: 'checkfinalizers=1.',
          traps: [],
          inContext: '{value} cleanups queued',
        },
      ],
    ],
  ),
  form(
    'mstats-skew',
    'heap accounting error (Go 1.3–1.4)',
    String.raw`runtime: mstats skew: heap=(\d+)/(\d+)`,
    [
      [
        'heap',
        'bytes',
        'int',
        {
          title: 'Heap by the statistics',
          unit: 'B',
          what: 'Heap bytes as the runtime’s memory statistics counted them when its consistency check failed.',
          computed: 'Printed by Go 1.3 – 1.4 just before a fatal error.',
          traps: ['A runtime bug, not normal output: the program stops right after this line.'],
          inContext: 'the statistics counted {value} of heap',
        },
      ],
      [
        'expected',
        'bytes',
        'int',
        {
          title: 'Heap the check expected',
          unit: 'B',
          what: 'The heap size the consistency check expected the statistics to show.',
          computed: 'Printed by Go 1.3 – 1.4 just before a fatal error.',
          traps: ['A runtime bug, not normal output: the program stops right after this line.'],
          inContext: 'the check expected {value}',
        },
      ],
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

/** Every field each companion form prints, with its kind: what there is to explain. */
export const companionFieldDefinitions: readonly {
  companion: CompanionKind;
  name: string;
  kind: FieldKind;
}[] = forms.flatMap((f) => f.fields.map(([name, kind]) => ({ companion: f.kind, name, kind })));

/** Explanations of companion-line fields, per companion kind and field name. */
export const companionFieldExplanations: Readonly<
  Record<CompanionKind, Readonly<ExplanationTable>>
> = (() => {
  const tables = {} as Record<CompanionKind, ExplanationTable>;
  for (const f of forms) {
    const table = (tables[f.kind] ??= {});
    for (const [name, , , explanation] of f.fields) if (explanation) table[name] = explanation;
  }
  return tables;
})();

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
