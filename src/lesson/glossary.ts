/** The glossary: terms with stable ids, which lessons link to as /glossary/#id. */
import entries from '../../content/glossary.json';

export interface GlossaryEntry {
  id: string;
  term: string;
  /** Plain text; `backticks` mark code. */
  definition: string;
}

export const glossary: readonly GlossaryEntry[] = [...(entries as GlossaryEntry[])].sort((a, b) =>
  a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }),
);

const byId = new Map(glossary.map((entry) => [entry.id, entry]));

/** The glossary entry with this id, or an error naming the ids that exist. */
export function glossaryEntry(id: string): GlossaryEntry {
  const entry = byId.get(id);
  if (entry === undefined) {
    throw new Error(
      `<Term id="${id}">: no such glossary entry in content/glossary.json. Known ids: ${[...byId.keys()].join(', ')}.`,
    );
  }
  return entry;
}

/** Splits text on `backticks` into plain and code parts, for rendering. */
export function codeParts(text: string): { code: boolean; text: string }[] {
  return text
    .split('`')
    .map((part, index) => ({ code: index % 2 === 1, text: part }))
    .filter((part) => part.text !== '');
}
