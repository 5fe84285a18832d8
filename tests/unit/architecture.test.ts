// The layout README.md describes ("How the code is laid out"), held true: every import under src/
// is read and checked against the rules and the table of allowed edges below.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** One import found in a file: what it names, how it was written, and whether it is types only. */
export interface ImportRef {
  specifier: string;
  form: 'static' | 'dynamic' | 'url' | 'glob';
  typeOnly: boolean;
}

const importForms: [ImportRef['form'], RegExp][] = [
  // import x from '…', import { a, b } from '…', import type …, import '…', export … from '…'
  ['static', /\b(import|export)\s+(type\s+)?(?:[\w*${}\s,]*?\s*from\s*)?['"]([^'"\n]+)['"]/g],
  ['dynamic', /\bimport\s*\(\s*()()['"]([^'"\n]+)['"]/g],
  ['url', /\bnew\s+URL\s*\(\s*()()['"]([^'"\n]+)['"]\s*,\s*import\.meta\.url/g],
  ['glob', /\bimport\.meta\.glob\s*(?:<[^>]*>)?\(\s*()()['"]([^'"\n]+)['"]/g],
];

/** Every import specifier in a .ts, .mjs or .astro source (front matter and scripts alike). */
export function findImports(text: string): ImportRef[] {
  // Comments can mention imports without making one. Only comments that start a line are cut, so
  // that '…/*.txt' and 'http://…' inside strings stay whole.
  const code = text.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
  const found: ImportRef[] = [];
  for (const [form, pattern] of importForms) {
    for (const match of code.matchAll(pattern)) {
      if (form === 'static' && match[1] === 'export' && !/\bfrom\s*['"]/.test(match[0])) continue;
      found.push({ specifier: match[3]!, form, typeOnly: Boolean(match[2]) });
    }
  }
  return found;
}

/**
 * Where an import points: a part of src/ (its folder, or a root file's name), a top folder of the
 * repository outside src/ ('content/', 'tests/'), 'node:' for a Node built-in, or 'npm:<package>'.
 */
export function importTarget(fromFile: string, specifier: string): string {
  const path = specifier.split('?')[0]!;
  if (path.startsWith('.') || path.startsWith('/')) {
    const to = relative(root, resolve(dirname(fromFile), path));
    const [top, part, rest] = to.split('/');
    if (top !== 'src') return `${top}/`;
    return rest === undefined && part!.includes('.') ? part!.replace(/\.\w+$/, '') : part!;
  }
  const bare = path.replace(/^node:/, '').split('/')[0]!;
  if (path.startsWith('node:') || builtinModules.includes(bare)) return 'node:';
  // astro:content and the other astro: modules come with the astro package.
  if (path.startsWith('astro:')) return 'npm:astro';
  return `npm:${path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]}`;
}

/** The part of src/ a file belongs to: its first folder, or its own name for a file at the top. */
function partOf(file: string): string {
  return importTarget(file, `./${relative(dirname(file), file)}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

interface Edge {
  file: string;
  from: string;
  to: string;
  ref: ImportRef;
}

const edges: Edge[] = sourceFiles(src).flatMap((file) =>
  findImports(readFileSync(file, 'utf8')).map((ref) => ({
    file: relative(root, file),
    from: partOf(file),
    to: importTarget(file, ref.specifier),
    ref,
  })),
);

/**
 * Every edge allowed between two different parts: [from, to, why]. A `to` ending in `*` matches
 * packages by prefix. Layers point one way: pages → layouts → components → client →
 * {cell, workbench, lesson, simulator} → {editor, charts} → gctrace; site/ (URL and DOM helpers)
 * sits under all of them.
 */
const allowedEdges: [from: string, to: string, why: string][] = [
  ['pages', 'layouts', 'every page is drawn inside the site layout'],
  ['pages', 'components', 'pages are made of components'],
  ['pages', 'client', "a page loads its own page script (the presenter's, the simulator's)"],
  ['pages', 'lesson', 'the glossary page lists the glossary entries'],
  ['pages', 'simulator', 'the simulator page draws its first trace at build time'],
  ['pages', 'charts', 'the presenter draws its charts at build time'],
  ['pages', 'site', 'links carry the base path; lessons are ordered'],
  ['pages', 'content/', 'the presenter reads the sample traces'],
  ['pages', 'npm:astro', 'pages read the lesson collection (astro:content)'],
  ['layouts', 'components', 'the layout holds the header and footer'],
  ['layouts', 'client', 'the layout loads the theme, copy-code and offline scripts'],
  ['layouts', 'site', 'links carry the base path'],
  ['layouts', 'styles', 'the layout loads the global and print styles'],
  ['components', 'client', 'a component loads the custom element that gives it behaviour'],
  ['components', 'cell', 'TraceCell renders its first state at build time'],
  ['components', 'charts', 'TraceCell draws its first charts at build time'],
  ['components', 'lesson', 'lesson components call the pure lesson helpers'],
  ['components', 'simulator', 'slider ranges come from the simulator settings'],
  ['components', 'site', 'links carry the base path; lessons are ordered'],
  ['components', 'styles', 'the cell and workbench styles'],
  ['components', 'content/', 'components read the sample traces by slug'],
  ['components', 'npm:astro', 'component props and the lesson collection'],
  ['components', 'npm:jsdom', 'charts are drawn at build time in a DOM of their own'],
  ['components', 'run', "RunProgram checks a lesson's program, flags and releases at build time"],
  ['components', 'public/', 'RunProgram reads the in-page programs manifest (public/wasm)'],
  ['client', 'cell', 'the trace-cell element drives the cell model and view'],
  ['client', 'workbench', 'the workbench element drives the workbench'],
  ['client', 'lesson', 'the exercise element checks answers'],
  ['client', 'simulator', 'the simulator element runs the model'],
  ['client', 'content/', 'the simulator loads the real run of the chosen settings when asked'],
  ['client', 'editor', 'elements own an editor (the editor is just an input)'],
  ['client', 'charts', 'elements update their charts'],
  ['client', 'gctrace', 'elements parse the text they are given'],
  ['client', 'site', 'DOM helpers'],
  ['client', 'run', 'the run-program element runs an in-page Go program into its cell'],
  ['run', 'cell', "types only: a comparison of runs reads the cells' views"],
  ['workbench', 'cell', 'the workbench shows cells the way a lesson cell does'],
  ['workbench', 'charts', 'the workbench draws charts'],
  ['workbench', 'gctrace', 'the workbench parses and analyses traces'],
  ['workbench', 'site', 'DOM helpers'],
  ['workbench', 'npm:d3-scale', 'the time-range brush maps pixels to seconds'],
  ['cell', 'charts', 'the cell draws charts'],
  ['cell', 'gctrace', 'the cell parses and explains its trace'],
  ['cell', 'site', 'DOM helpers'],
  ['lesson', 'gctrace', 'exercises and annotated lines read parsed traces'],
  ['lesson', 'content/', 'the glossary is content'],
  ['simulator', 'gctrace', 'the simulator prints and reads real trace lines'],
  ['editor', 'gctrace', 'the editor highlights and hovers with the engine'],
  ['editor', 'npm:monaco-editor', 'the editor adapters are the only Monaco code'],
  ['charts', 'gctrace', 'types, and the display units: a chart takes analysed cycles'],
  ['charts', 'npm:d3-*', 'charts are drawn with d3'],
  ['pages', 'gctrace', "the presenter counts the replay trace's lines"],
  ['components', 'gctrace', 'cells and exercises count lines and read traces at build time'],
  ['content.config', 'charts', "the presenter deck's schema accepts only the charts' kinds"],
  ['cli', 'gctrace', 'the command line parses and analyses traces'],
  ['cli', 'node:', 'it reads files and streams, runs the program and serves the site'],
  ['cli', 'package.json/', '--version prints the package version'],
  ['cli', 'dist/', 'watch serves the built site'],
  ['integrations', 'npm:astro', 'an Astro build hook'],
  ['integrations', 'node:', 'it writes the service worker at build time'],
  ['integrations', 'npm:pagefind', 'the search index is built from the pages with Pagefind'],
  ['content.config', 'npm:astro', 'the content collections are declared to Astro'],
  ['run', 'node:', 'the Node runner and the source hash, for the tests and the build script'],
  ['content.config', 'node:', 'it checks that every sample trace has its provenance file'],
  ['profile', 'npm:pprof-format', 'profiles are decoded from profile.proto by a kept library'],
  ['profile-view', 'profile', 'the profile panel shows what the profile core computes'],
  ['profile-view', 'charts', 'the profile panel draws the flame graph'],
  ['profile-view', 'site', 'DOM helpers'],
  ['components', 'profile', 'ProfileView reads the captured profiles at build time'],
  ['components', 'profile-view', 'ProfileView draws its first report at build time'],
  ['components', 'node:', 'ProfileView reads the captured profile files at build time'],
  ['client', 'profile', '<profile-view> reads the profiles it is given'],
  ['client', 'profile-view', '<profile-view> draws the report and the time marks'],
  ['cli', 'profile', 'the profile command prints the top table'],
];

/**
 * Imports that break a rule today and are known: [file, specifier, why]. Remove an entry when its
 * import goes; nothing may be added here.
 */
const knownViolations: [file: string, specifier: string, why: string][] = [];

const known = (e: Edge) =>
  knownViolations.some(([file, specifier]) => e.file === file && e.ref.specifier === specifier);
const checked = edges.filter((e) => !known(e));
const show = (list: Edge[]) => list.map((e) => `${e.file} imports ${e.ref.specifier}`);
const matches = (to: string, pattern: string) =>
  pattern.endsWith('*') ? to.startsWith(pattern.slice(0, -1)) : to === pattern;

describe('findImports', () => {
  it('finds static, type, side-effect, re-export, dynamic, URL, worker and glob imports', () => {
    // Hand-written source with one import of each form.
    const text = [
      `import { a, b } from './a.ts';`,
      `import type {\n  T,\n} from "../b.ts";`,
      `import './style.css';`,
      `export { c } from './c.ts';`,
      `export type { D } from './d.ts';`,
      `import Worker from 'monaco-editor/editor/editor.worker?worker';`,
      `const m = await import('../editor/e.ts');`,
      `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });`,
      `const texts = import.meta.glob<string>('../../content/traces/*.txt', { eager: true });`,
      `// import { gone } from './commented.ts';`,
      `/* import('./also-commented.ts') */`,
      `const url = new URL(address, location.href);`,
      `export const x = 1;`,
    ].join('\n');
    expect(findImports(text)).toEqual([
      { specifier: './a.ts', form: 'static', typeOnly: false },
      { specifier: '../b.ts', form: 'static', typeOnly: true },
      { specifier: './style.css', form: 'static', typeOnly: false },
      { specifier: './c.ts', form: 'static', typeOnly: false },
      { specifier: './d.ts', form: 'static', typeOnly: true },
      { specifier: 'monaco-editor/editor/editor.worker?worker', form: 'static', typeOnly: false },
      { specifier: '../editor/e.ts', form: 'dynamic', typeOnly: false },
      { specifier: './worker.ts', form: 'url', typeOnly: false },
      { specifier: '../../content/traces/*.txt', form: 'glob', typeOnly: false },
    ]);
  });

  it('names parts of src/, folders outside it, built-ins and packages', () => {
    const file = join(src, 'cell', 'view.ts');
    expect(importTarget(file, './model.ts')).toBe('cell');
    expect(importTarget(file, '../gctrace/index.ts')).toBe('gctrace');
    expect(importTarget(file, '../content.config.ts')).toBe('content.config');
    expect(importTarget(file, '../../tests/fixtures/x.txt')).toBe('tests/');
    expect(importTarget(file, 'node:fs')).toBe('node:');
    expect(importTarget(file, 'path')).toBe('node:');
    expect(importTarget(file, 'd3-scale')).toBe('npm:d3-scale');
    expect(importTarget(file, '@axe-core/playwright/x')).toBe('npm:@axe-core/playwright');
    expect(importTarget(file, 'astro:content')).toBe('npm:astro');
  });
});

describe('the architecture', () => {
  it('reads every source file under src/', () => {
    const parts = new Set(edges.map((e) => e.from));
    for (const part of ['gctrace', 'charts', 'editor', 'cell', 'workbench', 'client', 'pages']) {
      expect(parts).toContain(part);
    }
    for (const form of ['static', 'dynamic', 'url', 'glob'] as const) {
      expect(edges.some((e) => e.ref.form === form)).toBe(true);
    }
  });

  it('src/gctrace imports nothing outside itself: no other part, package or Node built-in', () => {
    expect(show(checked.filter((e) => e.from === 'gctrace' && e.to !== 'gctrace'))).toEqual([]);
  });

  it('src/profile imports nothing outside itself but the protobuf decoder', () => {
    const outside = checked.filter(
      (e) => e.from === 'profile' && e.to !== 'profile' && e.to !== 'npm:pprof-format',
    );
    expect(show(outside)).toEqual([]);
  });

  it('only src/editor imports monaco-editor', () => {
    const monaco = checked.filter((e) => e.to === 'npm:monaco-editor' && e.from !== 'editor');
    expect(show(monaco)).toEqual([]);
  });

  it('src/charts and src/editor never import each other', () => {
    const crossed = checked.filter(
      (e) =>
        (e.from === 'charts' && e.to === 'editor') || (e.from === 'editor' && e.to === 'charts'),
    );
    expect(show(crossed)).toEqual([]);
  });

  it('in src/run only the Node runner and the source hash import Node built-ins', () => {
    // The rest of src/run is shared with the page's runner, which a browser loads.
    const nodeOnly = ['src/run/node-runner.ts', 'src/run/source-hash.ts'];
    const node = checked.filter((e) => e.from === 'run' && e.to === 'node:');
    expect(show(node.filter((e) => !nodeOnly.includes(e.file)))).toEqual([]);
  });

  it('nothing under src/ imports tests/', () => {
    expect(show(checked.filter((e) => e.to === 'tests/'))).toEqual([]);
  });

  it('src/cell never imports src/workbench', () => {
    expect(show(checked.filter((e) => e.from === 'cell' && e.to === 'workbench'))).toEqual([]);
  });

  it('src/charts imports only d3 packages, types from src/gctrace and its display units', () => {
    // The units rule (MB → GB, s → min → h) is the engine's, so that the findings and the
    // command line read like the charts; it is the one value the charts take from it.
    const units = (e: Edge) => e.to === 'gctrace' && e.ref.specifier === '../gctrace/units.ts';
    const outside = checked.filter(
      (e) =>
        e.from === 'charts' &&
        e.to !== 'charts' &&
        !e.to.startsWith('npm:d3-') &&
        !(e.to === 'gctrace' && e.ref.typeOnly) &&
        !units(e),
    );
    expect(show(outside)).toEqual([]);
  });

  it('every import between parts is an allowed edge', () => {
    const unexpected = checked.filter(
      (e) =>
        e.from !== e.to && !allowedEdges.some(([from, to]) => from === e.from && matches(e.to, to)),
    );
    expect(show(unexpected)).toEqual([]);
  });

  it('no allowed edge points back up a layer', () => {
    // An edge and its reverse both allowed would make a cycle between two parts.
    const both = allowedEdges.filter(([from, to]) =>
      allowedEdges.some(([f, t]) => f === to && t === from),
    );
    expect(both).toEqual([]);
  });

  it('every known violation is still an import a rule would reject', () => {
    for (const [file, specifier] of knownViolations) {
      const edge = edges.find((e) => e.file === file && e.ref.specifier === specifier);
      if (!edge) continue; // gone already: its entry should be removed
      expect(allowedEdges.some(([from, to]) => from === edge.from && matches(edge.to, to))).toBe(
        false,
      );
    }
  });
});
