// Each lesson's "Try this" says what an edit to one of its cells will change. These tests make
// that edit to the cell's own trace, as the lesson's MDX gives it, and read the findings and the
// verdict the cell would show, rendered by the code the cell renders them with. (That an edit in
// the page's editor reaches the findings at all is the trace cell's own end-to-end test.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildCellModel } from '../../../src/cell/model.ts';
import { renderBuiltCell } from '../../../src/cell/view.ts';
import { repoRoot } from '../traces.ts';
import { cellsOf, lessons } from './lesson-cells.ts';

/** The trace of the cell `id` in the lesson whose URL slug is `slug`. */
function cellText(slug: string, id: string): string {
  const lesson = lessons.find((l) => l.slug === slug);
  if (!lesson) throw new Error(`no lesson ${slug}`);
  const cell = cellsOf(lesson.folder).find((c) => c.id === id);
  if (!cell) throw new Error(`no cell ${id} in ${slug}`);
  return cell.text;
}

/** What the cell shows for this trace: its verdict, and each finding's value by its label. */
function shown(text: string) {
  const doc = new JSDOM('').window.document;
  const built = renderBuiltCell(doc, buildCellModel(text), ['heap'], 'cell');
  const findings = JSDOM.fragment(built.findings);
  const values = new Map(
    [...findings.querySelectorAll('.finding')].map((row) => [
      row.querySelector('dt')!.textContent!,
      row.querySelector('dd')!.textContent!,
    ]),
  );
  return {
    verdict: findings.querySelector('.verdict')?.getAttribute('data-verdict'),
    title: findings.querySelector('.verdict-title')?.textContent,
    finding: (label: string) => values.get(label),
    findingList: findings.querySelector('.finding-list')?.outerHTML,
  };
}

/** Applies `edit` to the gc line of cycle `gc` (first match). */
function editLine(text: string, gc: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`gc ${gc} @`));
  if (index < 0) throw new Error(`no gc ${gc} line`);
  lines[index] = edit(lines[index]!);
  return lines.join('\n');
}

const leak = 'Live heap keeps growing: a likely leak';

describe('each "Try this" changes what it says it changes', () => {
  it('lesson 1: four Go 1.5 lines are too few for a verdict', () => {
    expect(shown(cellText('what-a-leak-is', 'leak')).title).toBe(leak);
    const seed = readFileSync(join(repoRoot, 'content/traces/seed-go1.5.txt'), 'utf8').trimEnd();
    expect(shown(seed).title).toBe('Not enough to tell yet');
  });

  it('lesson 2: deleting the pacer and scav lines leaves the findings as they were', () => {
    const text = cellText('godebug-and-gctrace', 'companions');
    const stripped = text
      .split('\n')
      .filter((line) => !/^(pacer:|scav)/.test(line))
      .join('\n');
    expect(stripped.length).toBeLessThan(text.length);
    const before = shown(text);
    const after = shown(stripped);
    expect(before.findingList).toContain('Peak heap');
    expect(after.findingList).toBe(before.findingList);
    expect(after.title).toBe(before.title);
  });

  it('lesson 3: a 400 MB end heap on gc 144 becomes the peak; the verdict does not move', () => {
    const text = editLine(cellText('reading-one-line', 'fields'), 144, (line) =>
      line.replace('39->40->20 MB', '39->400->20 MB'),
    );
    expect(shown(text).finding('Peak heap')).toBe('400 MB');
    expect(shown(text).title).toBe(leak);
  });

  it('lesson 4: another real run of leaking-map pasted in is also called a leak', () => {
    expect(cellText('running-a-trace', 'run')).not.toBe('');
    const other = readFileSync(
      join(repoRoot, 'tests/fixtures/go1.19-leaking-map-clean.txt'),
      'utf8',
    ).trimEnd();
    expect(shown(other).title).toBe(leak);
  });

  it('lesson 5: four rising readings do not make a steady leak; a plateau cut short does', () => {
    let text = cellText('spotting-a-leak', 'steady');
    const gcs = [...text.matchAll(/^gc (\d+) @/gm)].map((m) => Number(m[1]));
    [20, 25, 30, 35].forEach((live, k) => {
      text = editLine(text, gcs[gcs.length - 4 + k]!, (line) =>
        line.replace(/(\d+->\d+->)\d+ MB/, `$1${live} MB`),
      );
    });
    expect(shown(text).verdict).toBe('stable');

    const plateau = cellText('spotting-a-leak', 'plateau');
    expect(shown(plateau).verdict).toBe('stable');
    const lines = plateau.split('\n');
    const cut = lines.findIndex((line) => line.startsWith('gc 66 @2.271s'));
    expect(cut).toBeGreaterThan(0);
    expect(shown(lines.slice(0, cut + 1).join('\n')).title).toBe(leak);
  });

  it('lesson 7: goals three times the live heap imply GOGC=200', () => {
    let text = cellText('goal-gogc-memory-limit', 'gogc-excerpt');
    expect(shown(text).finding('Implied GOGC')).toContain('100');
    for (const gc of [41, 42, 43, 44, 45])
      text = editLine(text, gc, (line) => line.replace(/\d+ MB goal/, '98 MB goal'));
    expect(shown(text).finding('Implied GOGC')).toContain('200');
  });

  it('lesson 9: only the first and fifth Go 1.5 clock times are pauses', () => {
    const original = cellText('across-go-versions', 'go15');
    const before = shown(original).finding('Pause max');
    const third = editLine(original, 4, (line) =>
      line.replace('0.029+0.17+0.074+0.48+0.10', '0.029+0.17+7.4+0.48+0.10'),
    );
    expect(third).not.toBe(original);
    expect(shown(third).finding('Pause max')).toBe(before);
    const fifth = editLine(original, 4, (line) =>
      line.replace('0.029+0.17+0.074+0.48+0.10', '0.029+0.17+0.074+0.48+10'),
    );
    expect(shown(fifth).finding('Pause max')).toMatch(/^10(\.\d+)? ms/);
  });

  it('lesson 10: one high live heap at the end does not change the verdict', () => {
    const text = cellText('exercises', 'one-reading');
    const edited = text.replace(/29->29->17 MB(?![\s\S]*29->29->17 MB)/, '29->29->60 MB');
    expect(edited).not.toBe(text);
    expect(shown(edited).finding('Peak heap')).toBe('60 MB');
    expect(shown(edited).verdict).toBe('stable');
  });
});
