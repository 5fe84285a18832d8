import { describe, expect, it } from 'vitest';
import { formatCycle, lineFields, lineKindAt, parseTrace } from '../../../src/gctrace/index.ts';

const go16 =
  'gc 1 @1.186s 0%: 0.092+0.47+0.038 ms clock, 0.37+0.15/0.81/1.8+0.15 ms cpu, 4->4->1 MB, 5 MB goal, 8 P';
const go119 =
  'gc 10 @0.120s 3%: 0.028+0.42+0.001 ms clock, 0.057+0/0.28/0+0.003 ms cpu, 39->39->27 MB, 47 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)';

function one(text: string) {
  const parsed = parseTrace(text);
  expect(parsed.cycles).toHaveLength(1);
  return parsed.cycles[0];
}

describe('parseTrace reads the gc line of every era', () => {
  it('reads Go 1.0 lines (integer ms, no commas)', () => {
    const c = one(
      'gc5(2): 4+1+0 ms 12 -> 6 MB 171234 -> 80211 (1023456-943245) objects 35 handoff',
    );
    expect(c).toMatchObject({
      era: 'go1.0',
      gc: 5,
      procs: 2,
      clockMs: [4, 1, 0],
      heapMB: [12, 6],
      atSeconds: null,
      cpuMs: null,
    });
    expect(c.legacy).toMatchObject({
      objects: [171234, 80211],
      mallocs: 1023456,
      frees: 943245,
      handoff: [35],
    });
  });
  it('reads Go 1.1–1.2 lines with steal and yields', () => {
    const c = one(
      'gc7(4): 12+3+0 ms, 98 -> 51 MB 1205338 -> 612002 (8400123-7788121) objects, 12(340) handoff, 25(1411) steal, 210/55/3 yields',
    );
    expect(c).toMatchObject({ era: 'go1.1-1.2', heapMB: [98, 51], clockMs: [12, 3, 0] });
    expect(c.legacy).toMatchObject({ handoff: [12, 340], steal: [25, 1411], yields: [210, 55, 3] });
  });
  it('reads Go 1.3 lines in µs and converts the phases to ms', () => {
    const c = one(
      'gc14(4): 8+152+1542+35 us, 48 -> 97 MB, 1024321 (5123456-4099135) objects, 1933/1010/12 sweeps, 4(120) handoff, 10(322) steal, 150/20/1 yields',
    );
    expect(c).toMatchObject({
      era: 'go1.3',
      clockMs: [0.008, 0.152, 1.542, 0.035],
      heapMB: [48, 97],
    });
    expect(c.legacy?.sweeps).toEqual([1933, 1010, 12]);
  });
  it('reads Go 1.4 lines with the goroutine count', () => {
    const c = one(
      'gc6(5): 0+0+0+1000 us, 0 -> 0 MB, 2118 (2655-537) objects, 85 goroutines, 109/0/0 sweeps, 8(66) handoff, 11(38) steal, 103/4/0 yields',
    );
    expect(c).toMatchObject({ era: 'go1.4', clockMs: [0, 0, 0, 1] });
    expect(c.legacy?.goroutines).toBe(85);
  });
  it('reads the Go 1.5 beta form gc #N', () => {
    const c = one(
      'gc #3 @0.009s 1%: 0.059+0.17+0.005+0.24+0.12 ms clock, 0.17+0.17+0+0/0.36/0.067+0.38 ms cpu, 5->5->3 MB, 4 MB goal, 8 P',
    );
    expect(c).toMatchObject({ era: 'go1.5beta', gc: 3 });
  });
  it('reads Go 1.5 lines with five clock phases and seven CPU values', () => {
    const c = one(
      'gc 1 @0.009s 1%: 0.059+0.17+0.005+0.24+0.12 ms clock, 0.17+0.17+0+0/0.36/0.067+0.38 ms cpu, 5->5->3 MB, 4 MB goal, 8 P',
    );
    expect(c).toMatchObject({
      era: 'go1.5',
      clockMs: [0.059, 0.17, 0.005, 0.24, 0.12],
      cpuMs: [0.17, 0.17, 0, [0, 0.36, 0.067], 0.38],
    });
  });
  it('reads Go 1.6–1.17 lines', () => {
    expect(one(go16)).toMatchObject({
      era: 'go1.6-1.17',
      gc: 1,
      atSeconds: 1.186,
      cpuPercent: 0,
      clockMs: [0.092, 0.47, 0.038],
      cpuMs: [0.37, [0.15, 0.81, 1.8], 0.15],
      heapMB: [4, 4, 1],
      goalMB: 5,
      procs: 8,
      stacksMB: null,
      forced: false,
    });
  });
  it('reads Go 1.18+ lines with stacks, globals and (forced)', () => {
    expect(one(go119)).toMatchObject({
      era: 'go1.18+',
      stacksMB: 0,
      globalsMB: 0,
      procs: 2,
      forced: true,
      goalMB: 47,
    });
  });
  it('reads the Go 1.26 goroutine-leak infix', () => {
    const c = one(
      'gc 7 @12.504s 1% (checking for goroutine leaks): 0.031+2.4+0.044 ms clock, 0.25+0.10/4.6/1.2+0.35 ms cpu, 41->43->22 MB, 44 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)',
    );
    expect(c).toMatchObject({ era: 'go1.26+', leakCheck: true, forced: true });
  });
  it('keeps the GOGC=off goals exact and marks them unbounded', () => {
    expect(one(go119.replace('47 MB goal', '8796093022191 MB goal'))).toMatchObject({
      goalMB: 8796093022191,
      goalUnbounded: true,
    });
    expect(one(go16.replace('5 MB goal', '17592186044415 MB goal'))).toMatchObject({
      goalMB: 17592186044415,
      goalUnbounded: true,
    });
  });
});

describe('parseTrace recognises companion lines', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['GC forced', 'gc-forced', {}],
    ['scvg3: GC forced', 'gc-forced', { counter: 3 }],
    ['scvg3: 0x1c MB released', 'scvg-released', { counter: 3, released: 28 }],
    ['scvg1: 0 MB released', 'scvg-released', { released: 0 }],
    ['scvg-1: 57 MB released', 'scvg-released', { counter: -1, released: 57 }],
    ['scvg: 5 MB released', 'scvg-released', { counter: null }],
    ['forced scvg: 57 MB released', 'scvg-released', { forced: true, released: 57 }],
    [
      'scvg0: inuse: 0, idle: 0, sys: 1, released: 0, consumed: 1 (MB)',
      'scvg-inuse',
      { sys: 1, consumed: 1 },
    ],
    [
      'scav 16272 KiB work, 18704 KiB total, 27% util',
      'scav',
      { work: 16272, total: 18704, util: 27 },
    ],
    ['scav 27728 KiB work, 101856 KiB total, 90% util (forced)', 'scav', { forced: true }],
    ['scav 12 64 KiB work, 3720 KiB total, 98% util', 'scav', { generation: 12, work: 64 }],
    [
      'scav 1024 KiB work (bg), 0 KiB work (eager), 5120 KiB now, 97% util',
      'scav',
      { workBackground: 1024, now: 5120 },
    ],
    ['scav 1 KiB work, 2 KiB total, 3% util [controller reset]', 'scav', { controllerReset: true }],
    [
      'pacer: assist ratio=+2.500000e-001 (scan 1 MB in 158->8796093022191 MB) workers=2++0.000000e+000',
      'pacer-assist',
      { goal: 8796093022191, dedicatedWorkers: 2 },
    ],
    [
      'pacer: assist ratio=0.25 (scan 1 MB in 4->8 MB) workers=0+0.25',
      'pacer-assist',
      { fractionalWorkers: 0.25 },
    ],
    [
      'pacer: H_m_prev=238509512 h_t=+9.500000e-001 H_T=431954218 h_a=+8.341498e-001 H_a=437462176 h_g=+1.000000e+000 H_g=477019024 u_a=+9.265638e-001 u_g=+2.500000e-001 W_a=152566176 goal\u0394=+5.000000e-002 actual\u0394=-1.158502e-001 u_a/u_g=+3.706255e+000',
      'pacer-end-old',
      { actualDelta: -0.1158502 },
    ],
    [
      'pacer: 27% CPU (25 exp.) for 43384+1864+223376 B work (267440 B exp.) in 7275394 B -> 9738832 B (\u2206goal 1553704, cons/mark +1.133880e+000)',
      'pacer-end',
      { cpu: 27, goalDelta: 1553704 },
    ],
    [
      'pacer: sweep done at heap size 15MB; allocated 3MB during sweep; swept 1234 pages at +1.000000e-004 pages/byte',
      'pacer-sweep-done',
      { heap: 15 },
    ],
    [
      'scan: total 10412+52001+230877=293290 objs, 3012+1766=4778 spans',
      'scan-total',
      { objects: 293290 },
    ],
    ['scan: class 16B 1200 objs', 'scan-class', { sizeClass: '16B' }],
    [
      'SCHED 1004ms: gomaxprocs=8 idleprocs=8 threads=13 spinningthreads=0 needspinning=0 idlethreads=6 runqueue=0 [0 0 0 0 0 0 0 0]',
      'sched',
      { gomaxprocs: 8 },
    ],
    [
      'init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs',
      'init',
      { package: 'internal/bytealg' },
    ],
    ['checkfinalizers: queue: 3 finalizers + 1 cleanups', 'checkfinalizers', { finalizers: 3 }],
  ];
  for (const [line, kind, values] of cases) {
    it(`reads '${line.slice(0, 48)}…' as ${kind}`, () => {
      const parsed = parseTrace(line);
      expect(parsed.companions).toHaveLength(1);
      expect(parsed.companions[0].kind).toBe(kind);
      expect(parsed.companions[0].values).toMatchObject(values);
      expect(parsed.lineKinds.companion).toBe(1);
    });
  }
  it('keeps pacer integers beyond 2^53 exactly in the printed text', () => {
    const parsed = parseTrace(
      'pacer: 27% CPU (25 exp.) for 1+1+1 B work (1 B exp.) in 1 B -> 18446744073709551615 B (\u2206goal -9788280, cons/mark 1.5)',
    );
    const field = parsed.companions[0].fields.find((f) => f.name === 'heapLive');
    expect(field?.text).toBe('18446744073709551615');
    expect(parsed.companions[0].values.goalDelta).toBe(-9788280);
  });
  it('reports a pacer line it does not know as an unknown runtime line', () => {
    const parsed = parseTrace('pacer: something new');
    expect(parsed.diagnostics[0]).toMatchObject({
      kind: 'unknown-runtime-line',
      line: 1,
      column: 1,
    });
  });
});

describe('parseTrace copes with real-world mess', () => {
  it('strips a Kubernetes CRI prefix and reports the column after it', () => {
    const c = one(`2024-01-01T00:00:00.000000000Z stderr F ${go16}`);
    expect(c).toMatchObject({ gc: 1, column: 41 });
  });
  it('reads syslog, logcat and timestamp prefixes', () => {
    expect(one(`Jan  2 15:04:05 host app[123]: ${go16}`).gc).toBe(1);
    expect(one(`01-02 15:04:05.123  123  456 E Go      : ${go16}`).gc).toBe(1);
    expect(one(`2024/01/02 15:04:05 ${go16}`).gc).toBe(1);
  });
  it('unescapes Docker JSON log lines and maps columns back to the raw line', () => {
    const raw = `{"log":"${go16.replace(/->/g, '-\\u003e')}\\n","stream":"stderr","time":"2024-01-01T00:00:00Z"}`;
    const parsed = parseTrace(raw);
    expect(parsed.cycles[0]).toMatchObject({ heapMB: [4, 4, 1], column: 9 });
    const live = lineFields(parsed, 1).find((f) => f.name === 'heap.live');
    expect(raw.slice(live!.startColumn - 1, live!.endColumn - 1)).toBe('1');
  });
  it('splits CRLF, LF and lone CR lines alike', () => {
    const parsed = parseTrace(
      `${go16}\r\n${go16.replace('gc 1 ', 'gc 2 ')}\r${go16.replace('gc 1 ', 'gc 3 ')}\n`,
    );
    expect(parsed.cycles.map((c) => c.gc)).toEqual([1, 2, 3]);
    expect(parsed.lineCount).toBe(3);
  });
  it('accepts tabs, non-breaking and other Unicode spaces between fields', () => {
    expect(
      one(
        go16.replace(/ /g, (_, i: number) =>
          i % 3 === 0 ? '\u00a0' : i % 3 === 1 ? '\t' : '\u2009',
        ),
      ).heapMB,
    ).toEqual([4, 4, 1]);
  });
  it('treats Markdown code fences as markup and keeps the cycles inside', () => {
    const parsed = parseTrace(`\`\`\`text\n${go16}\n\`\`\``);
    expect(parsed.lineKinds).toMatchObject({ markup: 2, cycle: 1 });
  });
  it('rejoins a gc line broken by program output and reports where', () => {
    const parsed = parseTrace(
      'gc 3 @0.102s 2%: 0.1+user output\n1.2+0.01 ms clock, 0.2+0.1/0.2/0.3+0.02 ms cpu, 4->4->2 MB, 5 MB goal, 4 P',
    );
    expect(parsed.cycles[0]).toMatchObject({
      gc: 3,
      clockMs: [0.1, 1.2, 0.01],
      rejoined: true,
      endLine: 2,
    });
    expect(parsed.diagnostics[0]).toMatchObject({
      kind: 'rejoined',
      line: 1,
      column: 22,
      length: 11,
    });
    expect(parsed.lineKinds.cycle).toBe(2);
  });
  it('reports a truncated line, says what is missing and keeps a partial cycle', () => {
    const parsed = parseTrace(
      'gc 4 @0.2s 2%: 0.1+1.2+0.01 ms clock, 0.2+0.1/0.2/0.3+0.02 ms cpu, 4->',
    );
    expect(parsed.cycles[0]).toMatchObject({ truncated: true, heapMB: [4] });
    expect(parsed.diagnostics[0].kind).toBe('truncated');
    expect(parsed.diagnostics[0].message).toContain('missing: heap sizes, heap goal, P count');
  });
  it('reports a broken gc line at the exact column where it broke', () => {
    const parsed = parseTrace('gc 12 @x');
    expect(parsed.diagnostics[0]).toMatchObject({
      line: 1,
      column: 8,
      kind: 'malformed-gc-line',
      severity: 'error',
    });
    expect(parsed.diagnostics[0].message).toBe(
      "expected a number after '@' (seconds since start), found 'x'",
    );
    expect(lineKindAt(parsed, 1)).toBe('diagnostic');
  });
  it("says ' ms clock' is expected after the clock phases", () => {
    const parsed = parseTrace(
      'gc 1 @0.1s 0%: 0.1+0.2+0.3 ms clok, 1+1/1/1+1 ms cpu, 4->4->1 MB, 5 MB goal, 1 P',
    );
    expect(parsed.diagnostics[0].message).toContain("expected ' ms clock' after the clock phases");
    expect(parsed.diagnostics[0].column).toBe(27);
  });
  it('leaves program output that merely starts with gc alone', () => {
    expect(parseTrace('gc is great\ngc 12 items collected').lineKinds.output).toBe(2);
  });
  it('splits runs when numbering restarts or time goes backwards', () => {
    const text = [1, 2, 3, 1, 2]
      .map((n, i) => go16.replace('gc 1 @1.186s', `gc ${n} @${i < 3 ? i + 1 : i - 2}.000s`))
      .join('\n');
    const parsed = parseTrace(text);
    expect(parsed.runs.map((r) => r.cycleIndices.length)).toEqual([3, 2]);
    expect(parsed.diagnostics.some((d) => d.kind === 'new-run' && d.line === 4)).toBe(true);
  });
  it('lists the cycles of interleaved runs in order, and gives a run the era most of it has', () => {
    const at = (n: number, t: string) => go16.replace('gc 1 @1.186s', `gc ${n} @${t}s`);
    const interleaved = parseTrace(
      [at(1, '1.0'), at(2, '2.0'), at(1, '0.5'), at(3, '3.0'), at(2, '1.0')].join('\n'),
    );
    expect(interleaved.runs.map((r) => r.cycleIndices)).toEqual([
      [0, 1, 3],
      [2, 4],
    ]);
    expect(interleaved.runs.map((r) => [r.cycleStart, r.cycleEnd])).toEqual([
      [0, 4],
      [2, 5],
    ]);
    expect(interleaved.cycles.map((c) => c.run)).toEqual([0, 0, 1, 0, 1]);
    // Four clock phases make an unnamed Go 1.5+ line; it stays in the run without deciding its era.
    const odd = at(2, '2.0').replace('0.092+0.47+0.038 ms clock', '0.092+0.47+0.01+0.038 ms clock');
    const mixed = parseTrace([at(1, '1.0'), odd, at(3, '3.0'), at(4, '4.0')].join('\n'));
    expect(mixed.runs).toHaveLength(1);
    expect(mixed.runs[0].cycleIndices).toEqual([0, 1, 2, 3]);
    expect(mixed.runs[0].era).toBe('go1.6-1.17');
  });
  it('reports gaps in the numbering as warnings', () => {
    const parsed = parseTrace(`${go16}\n${go16.replace('gc 1 @1.186s', 'gc 4 @2.000s')}`);
    expect(parsed.diagnostics[0]).toMatchObject({
      kind: 'numbering-gap',
      severity: 'warning',
      line: 2,
    });
  });
  it('accounts for every line of a mixed stream', () => {
    const parsed = parseTrace(
      `hello\n\n${go16}\nscav 1 KiB work, 2 KiB total, 3% util\ngc 9 @oops\n\`\`\``,
    );
    const k = parsed.lineKinds;
    expect(k).toEqual({ cycle: 1, companion: 1, output: 1, blank: 1, markup: 1, diagnostic: 1 });
  });
  it('round-trips formatCycle for the examples of the spec', () => {
    expect(formatCycle(one(go16))).toBe(go16);
    expect(formatCycle(one(go119))).toBe(go119);
  });
});
