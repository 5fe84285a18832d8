// The scripts import the site's TypeScript modules directly, which Node runs from version 22.18
// on (it strips the types). `npm run …` puts the project's own Node 24 (the `node` package in
// node_modules) first on the PATH; a bare `node scripts/…` may find an older system Node.

/** The oldest Node that runs the scripts: it must strip TypeScript types by default. */
const least = [22, 18];

/** What is wrong with this Node version for the scripts, or null when it will do. */
export function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > least[0] || (major === least[0] && minor >= least[1])) return null;
  return (
    `These scripts need Node ${least.join('.')} or newer (the project brings Node 24); this is Node ${version}.\n` +
    "Run them through npm, which uses the project's Node: `npm install` once, then for example " +
    '`npm run --silent gctrace -- --help`, `npm test` or `npm run bench`; or call `npx node scripts/…`.'
  );
}

/** Stops the script with the fix when it runs under a Node too old for it. */
export function requireProjectNode() {
  const problem = nodeVersionProblem(process.version);
  if (problem === null) return;
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
