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
  const cleaned = given
    .trim()
    .replace(/^gc\s*/i, '')
    .replace(/\s*(mb|ms|mib)$/i, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { verdict: 'invalid' };
  const x = Number(cleaned);
  if (answer.values.some((v) => Math.abs(x - v) <= answer.tolerance + 1e-9))
    return { verdict: 'right' };
  const trap = answer.traps.find((t) => Math.abs(x - t.value) <= t.tolerance + 1e-9);
  return trap === undefined ? { verdict: 'wrong' } : { verdict: 'wrong', why: trap.why };
}
