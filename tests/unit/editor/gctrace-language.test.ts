import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gctraceLanguage } from '../../../src/editor/gctrace-language.ts';

type Action = string | string[];
type Rule = [RegExp, Action];

/**
 * Tokenises one line the way Monarch does for a single-state grammar: at each position the first
 * rule whose regex matches right there wins; a leading ^ means "only at the start of the line";
 * an array action gives one token per capture group.
 */
function tokenize(line: string): [string, string][] {
  const rules = gctraceLanguage.tokenizer.root as Rule[];
  const tokens: [string, string][] = [];
  let pos = 0;
  while (pos < line.length) {
    const rest = line.slice(pos);
    let matched = false;
    for (const [regex, action] of rules) {
      const atStartOnly = regex.source.startsWith('^');
      if (atStartOnly && pos !== 0) continue;
      const source = atStartOnly ? regex.source.slice(1) : regex.source;
      const match = new RegExp(`^(?:${source})`, regex.flags).exec(rest);
      if (!match || match[0].length === 0) continue;
      if (Array.isArray(action)) {
        action.forEach((token, i) => {
          if (match[i + 1]) tokens.push([match[i + 1]!, token]);
        });
      } else tokens.push([match[0], action]);
      pos += match[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      tokens.push([line[pos]!, '']);
      pos++;
    }
  }
  return tokens.filter(([, token]) => token !== 'white' && token !== 'delimiter');
}

const tokensOf = (line: string, kind: string) =>
  tokenize(line)
    .filter(([, token]) => token === kind)
    .map(([text]) => text);

// Real lines: the first from a Go 1.19.8 capture in content/traces, the second from the seed
// training note (Go 1.5), the third from golang/go#12228 (Go 1.4.2).
const go119 = readFileSync('content/traces/forced.txt', 'utf8')
  .split('\n')
  .find((line) => line.startsWith('gc ') && line.includes('(forced)'))!;
const go15 =
  'gc 1 @0.009s 1%: 0.059+0.17+0.005+0.24+0.12 ms clock, 0.17+0.17+0+0/0.36/0.067+0.38 ms cpu, 5->5->3 MB, 4 MB goal, 8 P';
const go14 =
  'gc6(5): 0+0+0+1000 us, 0 -> 0 MB, 2118 (2655-537) objects, 85 goroutines, 109/0/0 sweeps, 8(66) handoff, 11(38) steal, 103/4/0 yields';

describe('the gctrace Monarch language', () => {
  it('colours every field of a Go 1.18+ line by its kind', () => {
    const fields =
      /^gc (\d+) (@[\d.]+s) (\d+%): ([\d.+]+) ms clock, ([\d.+/]+) ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (\d+) MB stacks, (\d+) MB globals, (\d+) P \(forced\)$/.exec(
        go119,
      )!;
    expect(fields).not.toBeNull();
    expect(tokensOf(go119, 'gc.keyword')).toEqual(['gc']);
    expect(tokensOf(go119, 'gc.counter')).toEqual([fields[1]]);
    expect(tokensOf(go119, 'gc.timestamp')).toEqual([fields[2]]);
    expect(tokensOf(go119, 'gc.percent')).toEqual([fields[3]]);
    expect(tokensOf(go119, 'gc.clock')).toEqual(fields[4]!.split('+'));
    expect(tokensOf(go119, 'gc.cpu')).toEqual(fields[5]!.split(/[+/]/));
    expect(tokensOf(go119, 'gc.heap')).toEqual([fields[6], fields[7], fields[8]]);
    expect(tokensOf(go119, 'gc.goal')).toEqual([fields[9]]);
    expect(tokensOf(go119, 'gc.stacks')).toEqual([fields[10]]);
    expect(tokensOf(go119, 'gc.globals')).toEqual([fields[11]]);
    expect(tokensOf(go119, 'gc.procs')).toEqual([fields[12]]);
    expect(tokensOf(go119, 'gc.forced')).toEqual(['(forced)']);
  });

  it('reads the five clock phases and seven CPU values of Go 1.5', () => {
    expect(tokensOf(go15, 'gc.clock')).toEqual(['0.059', '0.17', '0.005', '0.24', '0.12']);
    expect(tokensOf(go15, 'gc.cpu')).toEqual(['0.17', '0.17', '0', '0', '0.36', '0.067', '0.38']);
    expect(tokensOf(go15, 'gc.heap')).toEqual(['5', '5', '3']);
    expect(tokensOf(go15, 'gc.goal')).toEqual(['4']);
    expect(tokensOf(go15, 'gc.procs')).toEqual(['8']);
  });

  it('reads the gcN(P) head and microsecond phases of Go 1.4', () => {
    expect(tokensOf(go14, 'gc.counter')).toEqual(['6']);
    expect(tokensOf(go14, 'gc.procs')).toEqual(['5']);
    expect(tokensOf(go14, 'gc.clock')).toEqual(['0', '0', '0', '1000']);
    expect(tokensOf(go14, 'gc.heap')).toEqual(['0', '0']);
  });

  it('finds a gc line behind a log prefix', () => {
    const line = `2026-11-26T10:00:00.000000000Z stderr F ${go15}`;
    expect(tokensOf(line, 'gc.counter')).toEqual(['1']);
    expect(tokensOf(line, 'gc.goal')).toEqual(['4']);
  });

  it('marks companion runtime lines and dims program output', () => {
    expect(tokenize('GC forced')).toEqual([['GC forced', 'companion']]);
    expect(tokenize('scav 16272 KiB work, 18704 KiB total, 27% util')[0]![1]).toBe('companion');
    expect(tokenize('pacer: sweep done at heap size 15MB; allocated 0MB during sweep')[0]![1]).toBe(
      'companion',
    );
    expect(tokenize('listening on :8080, 12 workers')).toEqual([
      ['listening on :8080, 12 workers', 'output'],
    ]);
  });
});
