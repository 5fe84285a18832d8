/** The answer data an exercise carries to the browser, and the check run on the learner's answer. */

/** A wrong answer we can recognise, and why it is wrong. */
export interface Trap {
  value: number;
  tolerance: number;
  why: string;
}

export interface NumberAnswer {
  type: 'number';
  /** Any of these is right (more than one when, say, several cycles were forced). */
  values: number[];
  tolerance: number;
  unit: string;
  traps: Trap[];
}

export interface ChoiceAnswer {
  type: 'choice';
  options: { value: string; label: string }[];
  correct: string;
  /** For each wrong option, why it is wrong. */
  why: Record<string, string>;
}

export type Answer = NumberAnswer | ChoiceAnswer;

/** A number as a person may type it, or why it cannot be read as one. */
export type ReadNumber = { ok: true; value: number } | { ok: false; why?: string };

/**
 * Reads a typed number the ways people write them: `0.021`, `.021`, `21.`, `+5`, `−5`, `2.1e-2`,
 * a decimal comma where it cannot be a thousands separator (`0,021`, `12,5`), thousands
 * separators in groups of three (`1,234,567`, `1,234.5`), and a unit or "gc" around it
 * (`20 MB`, `0.021 ms`, `gc 7`, `#7`, `50%`). `1,234` is refused with a reason: it is 1.234 to
 * some readers and 1234 to others.
 */
export function readNumber(given: string): ReadNumber {
  let text = given
    .trim()
    .replace(/^gc\s*/i, '')
    .replace(/^#\s*/, '')
    .replace(/\s*(mb|mib|ms|%)$/i, '')
    .replace(/^[\u2212\u2013]/, '-');
  const sign = /^[+-]/.test(text) ? (text[0] === '-' ? -1 : 1) : 1;
  text = text.replace(/^[+-]/, '');
  if (/^0?,\d+$/.test(text)) {
    // 0,021 or ,5: a decimal comma, as no number is written with a thousands separator after 0.
    text = text.replace(',', '.');
  } else if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
    if (/^\d{1,3},\d{3}$/.test(text)) {
      return {
        ok: false,
        why: `${given.trim()} can be read two ways: write ${text.replace(',', '.')} or ${text.replace(',', '')}`,
      };
    }
    // Thousands separators.
    text = text.replace(/,/g, '');
  } else if (/^\d+,\d+$/.test(text)) {
    // A decimal comma: the digits after it are not a group of three.
    text = text.replace(',', '.');
  }
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { ok: false };
  const value = sign * Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** Checks a learner's answer: right, a recognised wrong answer with its reason, or just wrong. */
export function checkAnswer(
  answer: Answer,
  given: string,
): { verdict: 'right' | 'wrong' | 'invalid'; why?: string } {
  if (answer.type === 'choice') {
    if (!answer.options.some((o) => o.value === given)) return { verdict: 'invalid' };
    return given === answer.correct
      ? { verdict: 'right' }
      : { verdict: 'wrong', why: answer.why[given] };
  }
  const read = readNumber(given);
  if (!read.ok) return { verdict: 'invalid', why: read.why };
  const x = read.value;
  if (answer.values.some((v) => Math.abs(x - v) <= answer.tolerance + 1e-9))
    return { verdict: 'right' };
  const trap = answer.traps.find((t) => Math.abs(x - t.value) <= t.tolerance + 1e-9);
  return trap === undefined ? { verdict: 'wrong' } : { verdict: 'wrong', why: trap.why };
}
