// Prints how the GC simulator compares with every real run of content/programs/gogc-demo it can
// be set to (content/traces/go1.NN/, content/traces/*.txt and content/traces/simulator/), as a
// Markdown table: real / model for cycles, goal, peak heap, live heap and GC CPU, and whether the
// model stays in the bands the unit tests hold it to.
// Usage: npx node scripts/compare-simulator.mjs [--seeds N]
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { knownCaptures, settingsWords } from '../src/simulator/captures.ts';
import {
  compareWithCapture,
  failedChecks,
  figureChecks,
  figureKeys,
  figureLabels,
  formatError,
  formatFigure,
} from '../src/simulator/compare.ts';

const tracesDir = fileURLToPath(new URL('../content/traces/', import.meta.url));
const seedsArg = process.argv.indexOf('--seeds');
const seeds = seedsArg > 0 ? Math.max(1, Number(process.argv[seedsArg + 1]) || 1) : 1;

const folders = [
  '',
  ...readdirSync(tracesDir)
    .filter((name) => /^go1\.\d+$|^simulator$/.test(name))
    .map((name) => `${name}/`),
];
const entries = folders.flatMap((folder) =>
  readdirSync(tracesDir + folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [
      folder + name.replace(/\.json$/, ''),
      JSON.parse(readFileSync(tracesDir + folder + name, 'utf8')),
    ]),
);
const known = knownCaptures(entries).sort(
  (a, b) =>
    b.settings.goMinor - a.settings.goMinor ||
    Number(b.busyMachine) - Number(a.busyMachine) ||
    a.id.localeCompare(b.id),
);

console.log(
  `| run | settings | ${figureKeys.map((k) => figureLabels[k]).join(' | ')} | in bands |`,
);
console.log(`|---|---|${figureKeys.map(() => '---').join('|')}|---|`);
let failures = 0;
for (const capture of known) {
  const text = readFileSync(`${tracesDir}${capture.id}.txt`, 'utf8');
  for (let seed = 1; seed <= seeds; seed++) {
    const c = compareWithCapture(capture.settings, text, seed);
    const failed = failedChecks(figureChecks(capture.busyMachine, capture.settings), c);
    failures += failed.length > 0 ? 1 : 0;
    const cells = figureKeys.map(
      (k) => `${formatFigure(c.real[k])} / ${formatFigure(c.model[k])} (${formatError(k, c)})`,
    );
    const run = `${capture.goVersion}${capture.busyMachine ? ' busy' : ' quiet'}${seeds > 1 ? ` #${seed}` : ''}`;
    const settings = `${settingsWords(capture.settings)}${capture.settings.liveMB !== 32 ? `, live ${capture.settings.liveMB}` : ''}${capture.settings.allocMBps !== 256 ? `, ${capture.settings.allocMBps} MB/s` : ''}`;
    console.log(
      `| ${run} | ${settings} | ${cells.join(' | ')} | ${failed.length ? `no: ${failed.map((f) => f.key).join(', ')}` : 'yes'} |`,
    );
  }
}
console.log(`\n${known.length} runs, ${seeds} seed(s) each; ${failures} outside the bands.`);
