/**
 * Lines that look like a gc line but are not one: a character in its start (`gc`, the cycle
 * number, `@`) is another that looks the same, such as a fullwidth `ｇｃ １` from an
 * input method or a Cyrillic `с` from a chat or a web page. Such a line would otherwise be read
 * as program output without a word; it gets a diagnostic naming the odd character instead.
 */
import { isSpace } from './chars.ts';

/** Characters that pass for the ASCII of a gc line's start, with the ASCII and their name. */
const lookAlikes = new Map<number, [ascii: string, name: string]>([
  [0x0441, ['c', 'the Cyrillic small letter es']],
  [0x0421, ['C', 'the Cyrillic capital letter es']],
  [0x03f2, ['c', 'the Greek lunate sigma']],
  [0x217d, ['c', 'the small Roman numeral one hundred']],
  [0x1d04, ['c', 'the small capital c']],
  [0x0261, ['g', 'the Latin small script g']],
  [0x0581, ['g', 'the Armenian small letter co']],
  [0x050d, ['g', 'the Cyrillic small letter komi sje']],
]);

/** The ASCII a character passes for, and its name, or null when it is not a look-alike. */
function lookAlike(code: number): [string, string] | null {
  // Fullwidth forms U+FF01–FF5E are ASCII 0x21–0x7E, widened.
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return [ascii, `the fullwidth '${ascii}'`];
  }
  return lookAlikes.get(code) ?? null;
}

export interface LookAlike {
  /** Index in the scanned string of the first odd character. */
  index: number;
  message: string;
}

/**
 * Whether the text from `start` to `end` starts like a gc line (`gc 12 @`, or `gc12(` before Go
 * 1.5) once look-alike characters are read as the ASCII they pass for, and has one. Cheap for
 * other lines: it gives up at the first character that is neither 'g' nor a look-alike of it.
 */
export function findLookAlike(s: string, start: number, end: number): LookAlike | null {
  let i = start;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  const first = s.charCodeAt(i);
  if (first !== 103 && lookAlike(first)?.[0] !== 'g') return null;
  let folded = '';
  let odd = -1;
  let oddName = '';
  let oddAscii = '';
  for (let k = i; k < end && folded.length < 24; k++) {
    const code = s.charCodeAt(k);
    if (isSpace(code)) {
      folded += ' ';
      continue;
    }
    const found = code > 127 ? lookAlike(code) : null;
    if (found !== null && odd < 0) {
      odd = k;
      [oddAscii, oddName] = found;
    }
    folded += found?.[0] ?? s[k];
  }
  if (odd < 0 || !/^gc(?: +\d+ +@|\d+\()/.test(folded)) return null;
  const hex = s.charCodeAt(odd).toString(16).toUpperCase().padStart(4, '0');
  return {
    index: odd,
    message: `this looks like a gc line, but '${s[odd]}' is ${oddName} (U+${hex}), not the ASCII '${oddAscii}' the runtime prints, so the line is not read as one: type the character again, or copy the trace from the terminal or the file itself`,
  };
}
