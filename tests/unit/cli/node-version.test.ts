import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../../scripts/node-version.mjs';

describe('the scripts check the Node they run under', () => {
  it('accepts Node 22.18 and later, and says how to fix an older one', () => {
    for (const fine of ['v24.11.1', 'v22.18.0', 'v23.0.0', 'v25.2.0']) {
      expect(nodeVersionProblem(fine), fine).toBeNull();
    }
    for (const old of ['v20.19.5', 'v22.17.1', 'v18.20.0']) {
      const problem = nodeVersionProblem(old);
      expect(problem, old).toContain(`this is Node ${old}`);
      expect(problem).toContain('npm run --silent gctrace -- --help');
    }
  });

  // The machine's own Node (Debian 12 ships Node 18; this project's machines have Node 20) is
  // older than the scripts need: run the command line with it, as a user typing `node …` would.
  const systemNode = '/usr/bin/node';
  const systemVersion = existsSync(systemNode)
    ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
    : '';
  it.runIf(systemVersion !== '' && nodeVersionProblem(systemVersion) !== null)(
    `the command line under the system's ${systemVersion || 'Node'} exits 2 with the fix`,
    () => {
      const run = spawnSync(systemNode, ['scripts/gctrace.mjs', '--version'], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('These scripts need Node 22.18 or newer');
    },
  );
});
