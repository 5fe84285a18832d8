// Reading a large real profile: content/profiles/go1.27/encoding-json-test.pb.gz (go test
// -memprofile of encoding/json, see its .json): unzip and decode, the top table, the diff of the
// profile with itself, the flame graph's tree. Best of three each; sizes of every captured profile.
// Run through `npm run bench` (Node 24 strips the TypeScript types).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { diffProfiles, readProfile, stackTree, topTable } from '../src/profile/index.ts';

const dir = new URL('../content/profiles/go1.27/', import.meta.url);
const large = new URL('encoding-json-test.pb.gz', dir);
const bytes = readFileSync(large);

async function best(run) {
  let ms = Infinity;
  let value;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    value = await run();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, value };
}

const read = await best(() => readProfile(bytes, 'heap'));
if (!read.value.ok) throw new Error(read.value.problem.message);
const profile = read.value.profile;
const top = await best(() => topTable(profile, { sampleType: 'alloc_space' }));
const lines = await best(() =>
  topTable(profile, { sampleType: 'alloc_space', granularity: 'lines' }),
);
const diff = await best(() =>
  topTable(diffProfiles(profile, profile), { sampleType: 'alloc_space' }),
);
const tree = await best(() => stackTree(profile, { sampleType: 'alloc_space', minShare: 0.002 }));

const sizes = {};
for (const release of readdirSync(new URL('../content/profiles/', import.meta.url))) {
  if (!/^go1\.\d+$/.test(release)) continue;
  for (const name of readdirSync(new URL(`../content/profiles/${release}/`, import.meta.url))) {
    if (!name.endsWith('.pb.gz')) continue;
    sizes[`${release}/${name}`] = statSync(
      new URL(`../content/profiles/${release}/${name}`, import.meta.url),
    ).size;
  }
}

const figures = {
  profile: 'content/profiles/go1.27/encoding-json-test.pb.gz',
  gzippedBytes: bytes.length,
  protobufBytes: gunzipSync(bytes).length,
  samples: profile.samples.length,
  readMs: Math.round(read.ms),
  topTableMs: Math.round(top.ms),
  topTableByLineMs: Math.round(lines.ms),
  diffTopTableMs: Math.round(diff.ms),
  stackTreeMs: Math.round(tree.ms),
  rows: top.value.rows.length,
  sizes,
  loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  node: process.version,
};
console.log(
  `profile: ${figures.profile}, ${figures.gzippedBytes} bytes gzipped, ${figures.protobufBytes} unzipped, ${figures.samples} samples`,
);
console.log(`  read (gunzip + decode, best of 3): ${figures.readMs} ms`);
console.log(
  `  top table by function / by line:   ${figures.topTableMs} / ${figures.topTableByLineMs} ms`,
);
console.log(`  top table of a diff:               ${figures.diffTopTableMs} ms`);
console.log(`  stack tree:                        ${figures.stackTreeMs} ms`);
console.log(`  load average: ${figures.loadAverage.join(', ')}`);
mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../bench-results/profile.json', import.meta.url),
  JSON.stringify(figures, null, 2) + '\n',
);
