import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeParts, glossary, glossaryEntry } from '../../../src/lesson/glossary.ts';

describe('glossary', () => {
  it('has unique, URL-safe ids and a definition for every term', () => {
    const ids = glossary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of glossary) {
      expect(entry.id).toMatch(/^[a-z][a-z-]*$/);
      expect(entry.definition.length).toBeGreaterThan(40);
      expect(entry.definition.split('`').length % 2, entry.id).toBe(1);
    }
  });

  it('has an entry for every <Term id> the lessons use', () => {
    const used = new Set<string>();
    for (const folder of readdirSync('content/lessons')) {
      const text = readFileSync(`content/lessons/${folder}/index.mdx`, 'utf8');
      for (const match of text.matchAll(/<Term id="([^"]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const id of used) expect(() => glossaryEntry(id), id).not.toThrow();
  });

  it('names the known ids when an id is unknown', () => {
    expect(() => glossaryEntry('no-such-term')).toThrow(/Known ids: .*live-heap/);
  });

  it('splits backticks into code parts', () => {
    expect(codeParts('set `GOGC=off` here')).toEqual([
      { code: false, text: 'set ' },
      { code: true, text: 'GOGC=off' },
      { code: false, text: ' here' },
    ]);
  });
});
