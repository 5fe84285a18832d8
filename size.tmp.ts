import { readFileSync } from 'node:fs';
import { readProfile } from '/work/wt/profiles/src/profile/read.ts';
const t0 = performance.now();
const r = await readProfile(readFileSync(process.argv[2]));
const t1 = performance.now();
if (!r.ok) throw new Error(r.problem.message);
const locs = new Set(r.profile.samples.flatMap(s => s.locations.map(l => l.id)));
console.log('samples', r.profile.samples.length, 'locations', locs.size, 'decode ms', (t1 - t0).toFixed(0));
