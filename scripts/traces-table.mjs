// Prints the Markdown table of content/traces/RELEASES.md: one row per capture
// in content/traces/go1.NN/ (release, file, program, settings, lines, size,
// truth), read from the .json provenance and the .txt beside it.
//
// Usage: node scripts/traces-table.mjs [TRACES_DIR]   (default content/traces)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'content/traces';
const releases = readdirSync(dir)
  .filter((d) => /^go1\.\d+$/.test(d) && statSync(join(dir, d)).isDirectory())
  .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));

const cell = (s) => String(s ?? '').replaceAll('|', '\\|');
const rows = [
  '| release | file | program | settings | arguments | lines | bytes | truth |',
  '|---|---|---|---|---|---|---|---|',
];
for (const rel of releases) {
  const names = readdirSync(join(dir, rel))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  for (const name of names) {
    const meta = JSON.parse(readFileSync(join(dir, rel, `${name}.json`), 'utf8'));
    const txt = readFileSync(join(dir, rel, `${name}.txt`), 'utf8');
    const lines = txt.split('\n').length - (txt.endsWith('\n') ? 1 : 0);
    // The command is "SETTINGS ./program ARGS 2>file".
    const m = /^(.*?)\s*\.\/(\S+)\s*(.*?)\s*2>\S+$/.exec(meta.command ?? '');
    const program = meta.program?.replace(/^content\/programs\//, '').replace(/\/main\.go$/, '');
    rows.push(
      `| ${meta.goVersion} | ${rel}/${name}.txt | ${cell(program)} | ${cell(m?.[1])} | ${cell(m?.[3])} | ${lines} | ${Buffer.byteLength(txt)} | ${cell(meta.truth)} |`,
    );
  }
}
console.log(rows.join('\n'));
