/** Which explanation table applies to the gc lines of each era. */
import type { EraId } from '../types.ts';
import type { ExplanationTable } from './field-explanation.ts';
import { go10Phases, go11Phases, go13Phases, legacyFields } from './legacy.ts';
import { modernFields } from './modern.ts';
import { go15Phases, go16Phases } from './modern-phases.ts';

const go10: ExplanationTable = { ...legacyFields, ...go10Phases };
const go11: ExplanationTable = { ...legacyFields, ...go11Phases };
const go13: ExplanationTable = { ...legacyFields, ...go13Phases };
const go15: ExplanationTable = { ...modernFields, ...go15Phases };
const go16: ExplanationTable = { ...modernFields, ...go16Phases };

/** Explanations of every gc-line field, per era and field name (the `name` of a FieldSpan). */
export const fieldExplanations: Readonly<Record<EraId, Readonly<ExplanationTable>>> = {
  'go1.0': go10,
  'go1.1-1.2': go11,
  'go1.3': go13,
  'go1.4': go13,
  // An undated legacy line may be any of them.
  'go1.0-1.4': { ...go10, ...go11, ...go13 },
  'go1.5beta': go15,
  'go1.5': go15,
  'go1.6-1.17': go16,
  'go1.18+': go16,
  'go1.26+': go16,
  // An undated modern line may have either phase layout.
  'go1.5+': { ...modernFields, ...go15Phases, ...go16Phases },
};
