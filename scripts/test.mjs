// Runs every gate and ends with one "N passed, N failed" line that counts every test case (unit
// and end-to-end) plus each gate that is not itself a test runner.
//
// Two lanes, because the end-to-end tests spend much of their time waiting on the browser: once
// the site is built they start; the formatting check and the unit tests start with the build, and
// the type check follows them once the site is built. That lane's output is held back and printed
// whole as each of its gates ends, so the two never interleave line by line. No test times the page: speed and
// memory are measured by `npm run bench`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { requireProjectNode } from './node-version.mjs';

requireProjectNode();

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const reports = 'test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

/**
 * Runs a command; with `quiet`, its output is collected and printed in one piece at the end. A
 * quiet gate runs beside the end-to-end tests at a lower CPU priority: they are the longest lane,
 * and the others then take the CPU time the browser tests leave while they wait.
 */
function run(label, command, args, { quiet = false } = {}) {
  const started = Date.now();
  const heading = `\n▶ ${label}: ${command} ${args.join(' ')}`;
  if (!quiet) console.log(heading);
  return new Promise((done) => {
    // `nice` sets the priority before the command starts, so all its threads and workers get it.
    const lower = quiet && process.platform !== 'win32';
    const child = lower
      ? spawn('nice', ['-n', '10', command, ...args], { stdio: 'pipe', env })
      : spawn(command, args, { stdio: quiet ? 'pipe' : 'inherit', env });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = status === 0;
      if (quiet) process.stdout.write(`${heading}\n${Buffer.concat(output).toString()}`);
      console.log(`${ok ? '✔' : '✘'} ${label} (${seconds} s)`);
      done(ok);
    });
  });
}

function record(label, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

async function gate(label, command, args, options) {
  return record(label, await run(label, command, args, options));
}

function countVitest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  if (stats.flaky > 0) console.log(`${stats.flaky} end-to-end test(s) passed only on their retry`);
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

/** A gate that is itself a test runner: its report's counts are added instead of one for it. */
async function runner(label, command, args, reportFile, count, options) {
  const ok = await run(label, command, args, options);
  const counted = count(reportFile);
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
  }
  if (!ok) {
    if (!counted || counted.failed === 0) failed++;
    failures.push(label);
  }
  return ok;
}

const started = Date.now();
await gate('Chromium present', 'sh', ['scripts/ensure-chromium.sh']);
const building = gate('production build', 'astro', ['build']);

async function checksAndUnitTests() {
  // Beside the build: these read only the sources.
  await gate('formatting (prettier)', 'prettier', ['--check', '.'], { quiet: true });
  await runner(
    'unit tests (vitest)',
    'vitest',
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
    `${reports}/vitest.json`,
    countVitest,
    { quiet: true },
  );
  // After it: the type check and the build both write Astro's generated types (.astro/).
  await building;
  await gate('types (astro check)', 'astro', ['check'], { quiet: true });
}

const checked = checksAndUnitTests();
const built = await building;

async function endToEnd() {
  if (!built) {
    failed++;
    failures.push('end-to-end tests (skipped: the build failed)');
    return;
  }
  await runner(
    'end-to-end tests (playwright)',
    'playwright',
    ['test', '--project=site'],
    `${reports}/playwright.json`,
    countPlaywright,
  );
}

await Promise.all([endToEnd(), checked]);

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\nAll gates took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
