#!/usr/bin/env node
// Command line for the trace engine: `npm run --silent gctrace -- --help` lists the commands.
// Node 24 strips the TypeScript types of the modules it imports; an older Node is told how to
// run it instead, before the TypeScript is loaded.
import { requireProjectNode } from './node-version.mjs';

requireProjectNode();
const { main } = await import('../src/cli/main.ts');

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
