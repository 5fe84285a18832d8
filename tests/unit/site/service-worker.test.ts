// The generated service worker, run in a sandbox with a fake Cache Storage, network and clock:
// how a page is answered on a fast, a slow and a dropped connection.
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { networkWaitMs, serviceWorkerSource } from '../../../src/integrations/service-worker.ts';

type Answer = { after: number; body?: string; fail?: true; status?: number };

/** Starts the worker with these pages cached; `network` says how the network answers a path. */
function startWorker(cached: Record<string, string>, network: (path: string) => Answer) {
  const stored = new Map(Object.entries(cached));
  const listeners = new Map<string, (event: unknown) => void>();
  const messages: { client: string; message: unknown }[] = [];
  const key = (request: string | { url: string }) =>
    new URL(typeof request === 'string' ? request : request.url, 'https://site.test').pathname;
  const cache = {
    put: async (request: string, response: Response) =>
      void stored.set(key(request), await response.text()),
    addAll: async () => undefined,
  };
  const caches = {
    open: async () => cache,
    keys: async () => [],
    delete: async () => true,
    match: async (request: string) => {
      const body = stored.get(key(request));
      return body === undefined ? undefined : new Response(body, { status: 200 });
    },
  };
  const fetch = (request: { url: string }) =>
    new Promise<Response>((resolve, reject) => {
      const answer = network(key(request));
      setTimeout(() => {
        if (answer.fail) reject(new TypeError('Failed to fetch'));
        else resolve(new Response(answer.body ?? '', { status: answer.status ?? 200 }));
      }, answer.after);
    });
  const self = {
    location: new URL('https://site.test/sw.js'),
    addEventListener: (type: string, listener: (event: unknown) => void) =>
      listeners.set(type, listener),
    skipWaiting: async () => undefined,
    clients: {
      claim: async () => undefined,
      get: async (client: string) => ({
        postMessage: (message: unknown) => messages.push({ client, message }),
      }),
    },
  };
  runInNewContext(serviceWorkerSource([], [], 'test', '/'), {
    self,
    caches,
    fetch,
    Response,
    URL,
    Promise,
    setTimeout: (fn: () => void, ms: number, ...args: unknown[]) => setTimeout(fn, ms, ...args),
  });

  /** Navigates to a path; tells when the page was answered and with what. */
  function navigate(path: string) {
    const pending: Promise<unknown>[] = [];
    let answered: string | null = null;
    let answeredAt = -1;
    const started = Date.now();
    let response!: Promise<Response>;
    listeners.get('fetch')!({
      request: { url: `https://site.test${path}`, method: 'GET', mode: 'navigate' },
      resultingClientId: 'tab-1',
      clientId: '',
      respondWith: (promise: Promise<Response>) => {
        response = promise;
        void promise.then(async (r) => {
          answered = r.type === 'error' ? 'error' : await r.text();
          answeredAt = Date.now() - started;
        });
      },
      waitUntil: (promise: Promise<unknown>) => pending.push(promise),
    });
    return {
      response,
      answered: () => answered,
      answeredAt: () => answeredAt,
      settled: () => Promise.all(pending),
    };
  }
  return { navigate, stored, messages };
}

describe('the service worker answers a page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('from the network when it answers in time, and keeps the new copy', async () => {
    const worker = startWorker({ '/lessons/a/': 'old' }, () => ({ after: 200, body: 'new' }));
    const page = worker.navigate('/lessons/a/');
    await vi.advanceTimersByTimeAsync(200);
    expect(page.answered()).toBe('new');
    await page.settled();
    expect(worker.stored.get('/lessons/a/')).toBe('new');
    expect(worker.messages).toEqual([]);
  });

  it(`from the cache after ${networkWaitMs} ms on a slow network, then says a newer one is ready`, async () => {
    const worker = startWorker({ '/lessons/a/': 'old' }, () => ({ after: 20_000, body: 'new' }));
    const page = worker.navigate('/lessons/a/');
    await vi.advanceTimersByTimeAsync(networkWaitMs - 1);
    expect(page.answered()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(page.answered()).toBe('old');
    expect(page.answeredAt()).toBe(networkWaitMs);
    expect(worker.messages).toEqual([]);
    // The network's answer, long after: it replaces the copy and the page is told.
    await vi.advanceTimersByTimeAsync(20_000);
    await page.settled();
    expect(worker.stored.get('/lessons/a/')).toBe('new');
    expect(worker.messages).toEqual([
      { client: 'tab-1', message: { type: 'page-updated', path: '/lessons/a/' } },
    ]);
  });

  it('says nothing when the slow answer is the page already shown', async () => {
    const worker = startWorker({ '/lessons/a/': 'same' }, () => ({ after: 9_000, body: 'same' }));
    const page = worker.navigate('/lessons/a/');
    await vi.advanceTimersByTimeAsync(9_000);
    await page.settled();
    expect(page.answered()).toBe('same');
    expect(worker.messages).toEqual([]);
  });

  it('from the cache at once when the connection drops', async () => {
    const worker = startWorker({ '/lessons/a/': 'old' }, () => ({ after: 5, fail: true }));
    const page = worker.navigate('/lessons/a/');
    await vi.advanceTimersByTimeAsync(5);
    expect(page.answered()).toBe('old');
    expect(page.answeredAt()).toBe(5);
  });

  it('from the slow network when nothing is cached: waiting is the only way', async () => {
    const worker = startWorker({}, () => ({ after: 12_000, body: 'first visit' }));
    const page = worker.navigate('/lessons/b/');
    await vi.advanceTimersByTimeAsync(networkWaitMs);
    expect(page.answered()).toBeNull();
    await vi.advanceTimersByTimeAsync(12_000 - networkWaitMs);
    expect(page.answered()).toBe('first visit');
  });

  it('with the cached 404 page when a page is neither cached nor reachable', async () => {
    const worker = startWorker({ '/404.html': 'No page here' }, () => ({ after: 5, fail: true }));
    const page = worker.navigate('/lessons/never-seen/');
    await vi.advanceTimersByTimeAsync(5);
    expect(page.answered()).toBe('No page here');
  });

  it('a cached copy stands for a page even where the path lacks its last slash', async () => {
    const worker = startWorker({ '/glossary/': 'terms' }, () => ({ after: 1, fail: true }));
    const page = worker.navigate('/glossary');
    await vi.advanceTimersByTimeAsync(1);
    expect(page.answered()).toBe('terms');
  });
});
