import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExercise, roundMs } from '../../../src/lesson/exercise-logic.ts';
import { checkAnswer, readNumber } from '../../../src/lesson/exercise-check.ts';
import { analyseTrace, parseTrace } from '../../../src/gctrace/index.ts';

const trace = (slug: string) => readFileSync(`content/traces/${slug}.txt`, 'utf8');

describe('buildExercise', () => {
  it('next-goal takes the goal printed on the next line, and names the usual wrong answers', () => {
    const ex = buildExercise(trace('gogc-100'), { kind: 'next-goal', gc: 40, gogc: 100 });
    expect(ex.answer).toMatchObject({ type: 'number', unit: 'MB', tolerance: 2 });
    if (ex.answer.type !== 'number') throw new Error('number expected');
    expect(ex.answer.values[0]).toBeGreaterThan(60);
    expect(checkAnswer(ex.answer, '64').verdict).toBe('right');
    expect(ex.working).toMatch(/× 2 =/);
    // The shown lines end at gc 40: the answer is not on screen.
    const lines = trace('gogc-100').split('\n');
    const last = ex.show[ex.show.length - 1]![1];
    expect(lines[last - 1]).toMatch(/^gc 40 /);
  });

  it('allocated-between is start heap minus the previous live heap', () => {
    const ex = buildExercise(trace('leaking-map'), { kind: 'allocated-between', gc: 145 });
    // gc 144 … 39->40->20 MB; gc 145 … 40->41->21 MB
    expect(ex.answer).toMatchObject({ values: [20], tolerance: 1 });
    expect(checkAnswer(ex.answer, '20 MB').verdict).toBe('right');
    const wrong = checkAnswer(ex.answer, '1');
    expect(wrong.verdict).toBe('wrong');
    expect(wrong.why).toMatch(/while gc 145 was marking/);
  });

  it('pause adds the first and last clock phases and explains the sum of all three', () => {
    const ex = buildExercise(trace('leaking-map'), { kind: 'pause', gc: 144 });
    expect(ex.answer).toMatchObject({ values: [0.021] });
    expect(checkAnswer(ex.answer, '0.021').verdict).toBe('right');
    expect(checkAnswer(ex.answer, '6.321').why).toMatch(/concurrent/);
  });

  it('pause on a Go 1.5 line uses the first and fifth clock times', () => {
    const ex = buildExercise(trace('seed-go1.5'), { kind: 'pause', gc: 4 });
    expect(ex.answer).toMatchObject({ values: [0.129] });
    expect(checkAnswer(ex.answer, '0.103').why).toMatch(/synchronisation/);
  });

  it('pause on Go 1.0–1.4 lines is every clock phase, the same as the analysis', () => {
    // Real lines from tests/fixtures: before Go 1.5 the whole collection stopped the world.
    const cases: [string, number, number][] = [
      ['spec-constructed-go1.0.txt', 5, 4 + 1 + 0],
      ['spec-constructed-go1.1.txt', 7, 12 + 3 + 0],
      ['spec-constructed-go1.3.txt', 14, (8 + 152 + 1542 + 35) / 1000],
      ['issue-go1.4.2.txt', 6, (0 + 0 + 0 + 1000) / 1000],
    ];
    for (const [name, gc, printedSum] of cases) {
      const text = readFileSync(`tests/fixtures/${name}`, 'utf8');
      const ex = buildExercise(text, { kind: 'pause', gc });
      if (ex.answer.type !== 'number') throw new Error('number expected');
      expect(ex.answer.values[0]).toBeCloseTo(printedSum, 9);
      const parsed = parseTrace(text);
      const line = parsed.cycles.find((c) => c.gc === gc)!.line;
      const measured = analyseTrace(parsed)
        .runs.flatMap((r) => r.measures)
        .find((m) => m.line === line)!.pauseMs!;
      expect(ex.answer.values[0]).toBeCloseTo(measured, 9);
      expect(checkAnswer(ex.answer, String(printedSum)).verdict).toBe('right');
    }
  });

  it('asks about the main run when the go tool printed its own runs first', () => {
    // `go run` output: the go tool's short runs come first, the program is the last and longest.
    const text = readFileSync('content/traces/go-run-multiprocess.txt', 'utf8');
    const lines = text.split('\n');
    const programLine = lines.findLastIndex((l) => l.startsWith('gc 5 @')) + 1;
    const clock = /: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock/.exec(lines[programLine - 1]!)!;
    const ex = buildExercise(text, { kind: 'pause', gc: 5 });
    expect(ex.answer).toMatchObject({ values: [roundMs(Number(clock[1]) + Number(clock[3]))] });
    expect(ex.show[0]![1]).toBe(programLine);
    const trend = buildExercise(text, { kind: 'trend' });
    expect(trend.working).toMatch(/warm-up/);
    // The trend's sample lines are the program's, after the go tool's runs.
    expect(trend.show[0]![0]).toBeGreaterThan(programLine - 5);
  });

  it('forced accepts every cycle marked (forced)', () => {
    const ex = buildExercise(trace('forced'), { kind: 'forced' });
    if (ex.answer.type !== 'number') throw new Error('number expected');
    expect(ex.answer.values.length).toBeGreaterThan(0);
    for (const v of ex.answer.values)
      expect(checkAnswer(ex.answer, `gc ${v}`).verdict).toBe('right');
  });

  it('gogc picks the setting the engine infers from the goals', () => {
    const ex = buildExercise(trace('gogc-200'), { kind: 'gogc' });
    expect(ex.answer).toMatchObject({ type: 'choice', correct: '200' });
    expect(checkAnswer(ex.answer, '100').why).toMatch(/GOGC=100/);
  });

  it('trend follows the engine verdict: growing for the leak, stable for the plateau', () => {
    expect(buildExercise(trace('leaking-map'), { kind: 'trend' }).answer).toMatchObject({
      correct: 'growing',
    });
    expect(buildExercise(trace('plateau-cache'), { kind: 'trend' }).answer).toMatchObject({
      correct: 'stable',
    });
  });

  it('live-growth compares the live heaps and recognises the start heaps', () => {
    const ex = buildExercise(trace('leaking-map'), { kind: 'live-growth', from: 40, to: 146 });
    expect(ex.answer).toMatchObject({ values: [19] });
    expect(checkAnswer(ex.answer, '35').why).toMatch(/start heaps/);
  });
});

describe('checkAnswer', () => {
  it('rejects text that is not a number', () => {
    const ex = buildExercise(trace('leaking-map'), { kind: 'allocated-between', gc: 145 });
    expect(checkAnswer(ex.answer, 'twenty').verdict).toBe('invalid');
  });
});

describe('readNumber', () => {
  const value = (text: string) => {
    const read = readNumber(text);
    return read.ok ? read.value : null;
  };

  it('reads the forms people write a number in', () => {
    expect(value('0.021')).toBe(0.021);
    expect(value('.021')).toBe(0.021);
    expect(value('-.5')).toBe(-0.5);
    expect(value('21.')).toBe(21);
    expect(value('+5')).toBe(5);
    expect(value('−5')).toBe(-5);
    expect(value('2.1e-2')).toBe(0.021);
    expect(value('0.021 ms')).toBe(0.021);
    expect(value('.021ms')).toBe(0.021);
    expect(value('20 MB')).toBe(20);
    expect(value('gc 7')).toBe(7);
    expect(value('#7')).toBe(7);
    expect(value('50%')).toBe(50);
  });

  it('takes a comma as the decimal mark only where it cannot separate thousands', () => {
    expect(value('0,021')).toBe(0.021);
    expect(value(',5')).toBe(0.5);
    expect(value('12,5')).toBe(12.5);
    expect(value('1,2345')).toBe(1.2345);
    expect(value('1,234,567')).toBe(1234567);
    expect(value('1,234.5')).toBe(1234.5);
    const ambiguous = readNumber('1,234');
    expect(ambiguous.ok).toBe(false);
    expect(!ambiguous.ok && ambiguous.why).toMatch(/1\.234 or 1234/);
  });

  it('refuses what is not one number', () => {
    for (const text of ['twenty', '1.2.3', '1,23,4', '.', '', '-', '4 - 2', '0x10', 'Infinity'])
      expect(value(text)).toBeNull();
  });

  it('a leading-dot answer is checked like any other', () => {
    const ex = buildExercise(trace('leaking-map'), { kind: 'pause', gc: 144 });
    const right = String(ex.answer.type === 'number' ? ex.answer.values[0] : '');
    expect(checkAnswer(ex.answer, right.replace(/^0\./, '.')).verdict).toBe('right');
    expect(checkAnswer(ex.answer, right.replace('.', ',')).verdict).toBe('right');
  });
});
