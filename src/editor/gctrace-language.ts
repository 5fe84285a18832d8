/**
 * The `gctrace` language for Monaco as plain data: a Monarch tokenizer that colours each field
 * of a gc line by what it is, marks companion runtime lines, and dims program output.
 * Monarch matches at the current position only, so fields are told apart by what follows them
 * (lookaheads), which works the same for every era and for lines behind a log prefix.
 */

/** Lines the runtime prints besides gc lines (scavenger, pacer, scheduler, init, …). */
const companionStart = String.raw`GC forced|forced scvg:|scvg-?\d*:|scav \d|pacer:|scan:|SCHED \d|checkfinalizers:|init \S+ @`;
const gcStart = String.raw`\bgc #?\d+ @|\bgc\d+\(\d+\):`;
const num = String.raw`\d+(?:\.\d+)?`;

/** Monarch rules, first match wins; exported for the token-table tests. */
export const gctraceLanguage = {
  defaultToken: '',
  tokenPostfix: '.gctrace',
  tokenizer: {
    root: [
      // A whole line with no runtime marker is the program's own output.
      [new RegExp(`^(?!.*(?:${gcStart}|${companionStart})).+$`), 'output'],
      [new RegExp(`(?:${companionStart}).*$`), 'companion'],
      [/(gc)( #?)(\d+)(?= @)/, ['gc.keyword', 'white', 'gc.counter']],
      [
        /(gc)(\d+)(\()(\d+)(\):)/,
        ['gc.keyword', 'gc.counter', 'delimiter', 'gc.procs', 'delimiter'],
      ],
      [/@\d+\.\d+s/, 'gc.timestamp'],
      [/\d+%/, 'gc.percent'],
      [/\(checking for goroutine leaks\)/, 'gc.leakcheck'],
      [/\(forced\)/, 'gc.forced'],
      [new RegExp(`${num}(?=(?:\\+${num})* ms clock)`), 'gc.clock'],
      [new RegExp(`${num}(?=(?:[+/]${num})* ms cpu)`), 'gc.cpu'],
      [/\d+(?=(?:\+\d+)* (?:ms|us)\b)/, 'gc.clock'],
      [/\d+(?= MB goal)/, 'gc.goal'],
      [/\d+(?= MB stacks)/, 'gc.stacks'],
      [/\d+(?= MB globals)/, 'gc.globals'],
      [/\d+(?= P\b)/, 'gc.procs'],
      [/\d+(?= ?-> ?\d+| MB)/, 'gc.heap'],
      [/ms clock|ms cpu|MB goal|MB stacks|MB globals|MB|ms|us|P\b/, 'gc.unit'],
      [/->|\+|\/|:|,/, 'delimiter'],
      [/\d+/, 'number'],
      [/[^\s\d]+/, 'prefix'],
      [/\s+/, 'white'],
    ],
  },
};

/** Token colours for light and dark editor themes (hex without '#', as Monaco wants). */
export const gctraceTokenColours = {
  light: {
    'gc.keyword': '0b4f8a',
    'gc.counter': '0b4f8a',
    'gc.timestamp': '6f42c1',
    'gc.percent': 'a14300',
    'gc.leakcheck': '8a3ffc',
    'gc.clock': '0060a8',
    'gc.cpu': '8a5300',
    'gc.heap': '00704f',
    'gc.goal': '6f4e7c',
    'gc.stacks': '5b6770',
    'gc.globals': '5b6770',
    'gc.procs': '3d4650',
    'gc.forced': 'b3261e',
    'gc.unit': '5f6670',
    companion: '7a4f00',
    output: '6b7078',
    prefix: '6b7078',
    delimiter: '5f6670',
  },
  dark: {
    'gc.keyword': '8ecbff',
    'gc.counter': '8ecbff',
    'gc.timestamp': 'c7a6ff',
    'gc.percent': 'ffb27a',
    'gc.leakcheck': 'd1b3ff',
    'gc.clock': '7cc4ff',
    'gc.cpu': 'f0c070',
    'gc.heap': '6fdcb0',
    'gc.goal': 'd7a8e8',
    'gc.stacks': 'a9b4bf',
    'gc.globals': 'a9b4bf',
    'gc.procs': 'c9d1d9',
    'gc.forced': 'ff9b8f',
    'gc.unit': '9aa3ad',
    companion: 'e0b870',
    output: '8b929b',
    prefix: '8b929b',
    delimiter: '9aa3ad',
  },
} as const;
