/**
 * Holds a release's goal rules against a real trace, cycle by cycle: each printed goal is worked
 * out again from what the line before it printed (the marked heap, stacks, globals) and from the
 * largest heap so far, by the rules of src/simulator/releases.ts. Unlike a whole simulated run,
 * this does not depend on how busy the machine was, so it can be tight.
 */
import { maxOf, minOf, type GcCycle } from '../gctrace/index.ts';
import { gogcGoalMB, heapMinimumMB, memoryLimitGoal, noGoalPrintedMB } from './pacer.ts';
import { rulesFor } from './releases.ts';

/** Which rule set a printed goal. */
export type GoalRule = 'minimum' | 'gogc' | 'limit' | 'no-goal';

/** How the printed goals of one trace compare with the rules. */
export interface RuleCheck {
  rule: GoalRule;
  /** Cycles whose goal this rule set. */
  cycles: number;
  /** Their printed goal minus what the rule gives, MB (0 inside the range flooring leaves open). */
  errors: number[];
}

/** The run's settings the rules need. */
export interface RuleInputs {
  goMinor: number;
  /** GOGC in percent; null for off. */
  gogc: number | null;
  /** GOMEMLIMIT in MiB; null when not set. */
  limitMB: number | null;
  /**
   * Check memory-limit goals too. Their non-heap memory is fitted on gogc-demo, whose live data
   * and garbage sit in separate spans; a program that mixes them has more, so leave it out there.
   */
  checkLimit: boolean;
}

/** Distance of `value` from the range [low, high], 0 inside it. */
function outside(value: number, low: number, high: number): number {
  return value < low ? value - low : value > high ? value - high : 0;
}

/** Checks every printed goal of `cycles` (one run, in order) against the rules of `inputs.goMinor`. */
export function checkGoalRules(cycles: readonly GcCycle[], inputs: RuleInputs): RuleCheck[] {
  const rules = rulesFor(inputs.goMinor);
  const checks = new Map<GoalRule, RuleCheck>();
  const record = (rule: GoalRule, error: number) => {
    const check = checks.get(rule) ?? { rule, cycles: 0, errors: [] };
    check.cycles++;
    check.errors.push(error);
    checks.set(rule, check);
  };
  const { gogc, limitMB } = inputs;
  let peakHeapMB = 0;
  cycles.forEach((cycle, i) => {
    const [h0, h1] = cycle.heapMB;
    const goal = cycle.goalMB;
    if (h0 == null || h1 == null || goal == null) return;
    peakHeapMB = Math.max(peakHeapMB, h0, h1);
    if (gogc === null && limitMB === null) {
      record('no-goal', goal - noGoalPrintedMB(inputs.goMinor, peakHeapMB));
      return;
    }
    const previous = cycles[i - 1];
    let gogcLow = Infinity;
    let gogcHigh = Infinity;
    if (gogc !== null) {
      if (previous === undefined) {
        gogcLow = gogcHigh = Math.floor(heapMinimumMB(gogc));
      } else {
        const marked = previous.heapMB[2] ?? 0;
        const stacks = previous.stacksMB ?? 0;
        const globals = previous.globalsMB ?? 0;
        // Printed values are floored MiB: the true ones are up to 1 MiB more. Go 1.19 prints all
        // allocated stack, of which the goal counts only the part scanned: anything from 0 up.
        const stacksLow = rules.stacksPrinted === 'allocated' ? 0 : stacks;
        const low = {
          goMinor: inputs.goMinor,
          gogc,
          markedMB: marked,
          stacksMB: stacksLow,
          globalsMB: globals,
        };
        const high = { ...low, markedMB: marked + 1, stacksMB: stacks + 1, globalsMB: globals + 1 };
        gogcLow = Math.floor(gogcGoalMB(low));
        gogcHigh = gogcGoalMB(high);
      }
    }
    // A GOGC goal is kept a little above where the cycle was triggered: the heap at its start
    // (1.21+), or the trigger the pacer computed (1.19), which is at most that heap.
    const liftedLow = rules.runwayFrom === 'trigger' ? Math.min(gogcLow, h0) : h0;
    const liftedHigh = h0 + 1 + rules.minRunwayMB;
    const byGogc = outside(goal, gogcLow, gogcHigh);
    const gogcError = byGogc === 0 || outside(goal, liftedLow, liftedHigh) === 0 ? 0 : byGogc;
    if (limitMB !== null && rules.memoryLimit !== null) {
      if (!inputs.checkLimit) return;
      const byLimit = memoryLimitGoal({
        goMinor: inputs.goMinor,
        limitMB,
        markedMB: previous?.heapMB[2] ?? 0,
        // The goal is printed when marking ends, with the heap then: halfway into its MiB.
        heapMB: h1 + 0.5,
        peakHeapMB,
      })!;
      if (byLimit.goalMB < gogcLow) record('limit', goal - byLimit.printedMB);
      else if (gogcError === 0) record('gogc', 0);
      else record('limit', goal - byLimit.printedMB);
      return;
    }
    record(previous === undefined ? 'minimum' : 'gogc', gogcError);
  });
  return [...checks.values()];
}

/** The largest error of `check` in either direction, MB. */
export function worstError(check: RuleCheck): number {
  return check.errors.reduce((worst, e) => (Math.abs(e) > Math.abs(worst) ? e : worst), 0);
}

/** The share of `check`'s cycles within `mb` of the rule. */
export function shareWithin(check: RuleCheck, mb: number): number {
  return check.errors.filter((e) => Math.abs(e) <= mb).length / Math.max(1, check.cycles);
}

/** What the checks of many traces add up to, per rule. */
export interface RuleSummary {
  rule: GoalRule;
  cycles: number;
  /** Cycles whose printed goal the rule gives exactly (within the flooring of its inputs). */
  exact: number;
  /** Cycles within 1 and 3 MB of the rule. */
  within1: number;
  within3: number;
  /** The largest errors below and above the rule, MB. */
  lowest: number;
  highest: number;
}

/** Adds up `checks` rule by rule. */
export function summariseRuleChecks(checks: readonly RuleCheck[]): RuleSummary[] {
  const byRule = new Map<GoalRule, number[]>();
  for (const check of checks) {
    const errors = byRule.get(check.rule) ?? [];
    for (const error of check.errors) errors.push(error);
    byRule.set(check.rule, errors);
  }
  return [...byRule].map(([rule, errors]) => ({
    rule,
    cycles: errors.length,
    exact: errors.filter((e) => e === 0).length,
    within1: errors.filter((e) => Math.abs(e) <= 1).length,
    within3: errors.filter((e) => Math.abs(e) <= 3).length,
    lowest: Math.min(0, minOf(errors)),
    highest: Math.max(0, maxOf(errors)),
  }));
}
