// Runs every gate in order and ends with one "N passed, N failed" line that counts every test
// case (unit and end-to-end) plus each gate that is not itself a test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${seconds} s)`);
  return ok;
}

function gate(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
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

function runner(label, command, args, reportFile, count) {
  const ok = run(label, command, args);
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

gate('Chromium present', 'sh', ['scripts/ensure-chromium.sh']);
gate('types (astro check)', 'astro', ['check']);
gate('formatting (prettier)', 'prettier', ['--check', '.']);
runner(
  'unit tests (vitest)',
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
  `${reports}/vitest.json`,
  countVitest,
);
const built = gate('production build', 'astro', ['build']);
if (built) {
  runner(
    'end-to-end tests (playwright)',
    'playwright',
    ['test'],
    `${reports}/playwright.json`,
    countPlaywright,
  );
} else {
  failed++;
  failures.push('end-to-end tests (skipped: the build failed)');
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
