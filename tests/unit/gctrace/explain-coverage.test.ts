import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { companionFieldDefinitions } from '../../../src/gctrace/companions.ts';
import {
  companionFieldExplanation,
  gcFieldExplanation,
} from '../../../src/gctrace/explain/explain-at.ts';
import { fieldExplanations, lineFields, parseTrace } from '../../../src/gctrace/index.ts';
import { clockPhaseNames } from '../../../src/gctrace/eras.ts';
import type { EraId, FieldKind } from '../../../src/gctrace/index.ts';

// The fields to explain come from the scanners, never from the explanation tables: the field
// names of every gc line in the fixtures, the phase names of every era, and every companion form.
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const gcFields = new Map<string, { era: EraId; name: string; kind: FieldKind }>();
for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.txt'))) {
  const parsed = parseTrace(readFileSync(fixtures + file, 'utf8'));
  for (const cycle of parsed.cycles)
    for (const field of lineFields(parsed, cycle.line))
      if (!parsed.companions.some((c) => c.line === field.line && c.fields.includes(field)))
        gcFields.set(`${cycle.era} ${field.name}`, { era: cycle.era, ...field });
}
// Go 1.0 – 1.4 name their phases by era, so every era's names are known without a fixture.
const legacyEras: EraId[] = ['go1.0', 'go1.1-1.2', 'go1.3', 'go1.4', 'go1.0-1.4'];
for (const era of legacyEras)
  for (const count of [3, 4])
    for (const name of clockPhaseNames(era, count))
      if (!/^phase\d/.test(name))
        gcFields.set(`${era} clock.${name}`, { era, name: `clock.${name}`, kind: 'clock' });

describe('every field has an explanation', () => {
  it('the fixtures cover the gc lines of every era the explanations name', () => {
    const eras = new Set([...gcFields.values()].map((f) => f.era));
    expect(eras.size).toBeGreaterThanOrEqual(8);
  });
  for (const { era, name } of [...gcFields.values()].sort((a, b) =>
    `${a.era} ${a.name}`.localeCompare(`${b.era} ${b.name}`),
  ))
    it(`the ${era} gc-line field ${name} is explained by its era's table`, () => {
      expect(fieldExplanations[era][name]?.title).toBeTruthy();
    });
  for (const { companion, name, kind } of companionFieldDefinitions)
    it(`the ${companion} field ${name} is explained`, () => {
      const explanation = companionFieldExplanation(companion, name, kind);
      expect(explanation?.title).toBeTruthy();
      expect(explanation?.inContext).toContain('{value}');
    });
  it('gcFieldExplanation() falls back to the Go 1.5+ text', () => {
    expect(gcFieldExplanation('go1.6-1.17', 'clock.mark', 'clock')?.title).toBe(
      fieldExplanations['go1.5+']['clock.mark']?.title,
    );
  });
});
