// Prints how the GC simulator compares with real go1.19.8 traces of content/programs/gogc-demo
// run with the same settings (content/traces/simulator/*.txt): cycle count, steady-state goal
// and GC frequency. Usage: npx node scripts/compare-simulator.mjs [--seeds N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { captures, compareWithCapture, tolerance } from '../src/simulator/compare.ts';

const capturesDir = fileURLToPath(new URL('../content/traces/simulator/', import.meta.url));
const seedsArg = process.argv.indexOf('--seeds');
const seeds = seedsArg > 0 ? Math.max(1, Number(process.argv[seedsArg + 1]) || 1) : 1;

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const pad = (s, n) => String(s).padEnd(n);
let worst = { cycles: 0, steadyGoalMB: 0, steadyIntervalS: 0 };

console.log(
  `${pad('capture', 40)}${pad('cycles real/sim', 22)}${pad('goal MB real/sim', 24)}${pad('GC/s real/sim', 26)}`,
);
for (const capture of captures) {
  const text = readFileSync(capturesDir + capture.file, 'utf8');
  for (let seed = 1; seed <= seeds; seed++) {
    const c = compareWithCapture(capture, text, seed);
    for (const key of Object.keys(worst)) {
      worst[key] = Math.max(worst[key], Math.abs(c.error[key]));
    }
    const label = seeds > 1 ? `${capture.file} #${seed}` : capture.file;
    console.log(
      pad(label, 40) +
        pad(`${c.real.cycles}/${c.simulated.cycles} (${pct(c.error.cycles)})`, 22) +
        pad(
          `${c.real.steadyGoalMB}/${c.simulated.steadyGoalMB} (${pct(c.error.steadyGoalMB)})`,
          24,
        ) +
        pad(
          `${c.real.gcPerSecond.toFixed(2)}/${c.simulated.gcPerSecond.toFixed(2)} (${pct(-c.error.steadyIntervalS / (1 + c.error.steadyIntervalS))})`,
          26,
        ),
    );
  }
}
console.log(
  `\nworst: cycles ${pct(worst.cycles)} (tolerance ${pct(tolerance.cycles)}), goal ${pct(worst.steadyGoalMB)} (tolerance ${pct(tolerance.steadyGoalMB)}), interval ${pct(worst.steadyIntervalS)} (tolerance ${pct(tolerance.steadyIntervalS)})`,
);
