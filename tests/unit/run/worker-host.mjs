// Runs src/run/worker.ts in a Node worker thread as the browser would run it in a classic Web
// Worker: `self` is the global scope, importScripts runs a script from the site's files, fetch
// reads them, and postMessage goes to the test.
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';

const read = (url) => readFileSync(new URL(url));
const errorListeners = [];
// An exception nothing catches fires the scope's error event, as in a browser's worker; one that
// no listener expected is reported to the test.
process.on('uncaughtException', (error) => {
  let expected = false;
  const event = { error, message: String(error), preventDefault: () => (expected = true) };
  for (const listener of errorListeners) listener(event);
  if (!expected) parentPort.postMessage({ type: 'host-error', message: String(error) });
});
Object.assign(globalThis, {
  self: globalThis,
  postMessage: (message) => parentPort.postMessage(message),
  importScripts: (...urls) => {
    for (const url of urls) runInThisContext(read(url).toString('utf8'), { filename: url });
  },
  close: () => parentPort.postMessage({ type: 'host-closed' }),
  addEventListener: (type, listener) => {
    if (type === 'error') errorListeners.push(listener);
  },
  fetch: async (url) => {
    try {
      return new Response(read(url), { headers: { 'content-type': 'application/wasm' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  },
});
await import(new URL('../../../src/run/worker.ts', import.meta.url));
parentPort.on('message', (data) => globalThis.onmessage({ data }));
parentPort.postMessage({ type: 'host-ready' });
