// Runs every scripts/bench-*.mjs in turn, each in its own Node process with --expose-gc.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireProjectNode } from './node-version.mjs';

requireProjectNode();

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const benches = readdirSync(dir)
  .filter((name) => /^bench-.+\.mjs$/.test(name))
  .filter((name) => only === undefined || name.includes(only))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`== ${name}`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=6144', dir + name],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
