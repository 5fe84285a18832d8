/**
 * The local server of `watch`: the built site, and the watched lines as Server-Sent Events.
 * Loopback only; the event stream needs the token; the Host header must name this server
 * (against DNS rebinding); no CORS headers, so other sites' pages cannot read the stream.
 */
import { timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { LineLog, LogEvent, SourceState } from './line-log.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
};

/**
 * Lines printed within this many milliseconds go to a page as one event: a program printing a
 * line at a time, thousands a second, would otherwise cost the page an event per line.
 */
export const gatherMs = 10;
/** The most lines one event carries. */
const eventLines = 5000;

/** The running server: its port, and a close that ends every open event stream first. */
export interface LiveServer {
  port: number;
  close(): Promise<void>;
}

/** The lines and state of the log as the text of Server-Sent Events. */
export function sseEvent(event: LogEvent): string {
  if (event.kind === 'lines') {
    const last = event.from + event.lines.length - 1;
    return `event: lines\nid: ${last}\ndata: ${JSON.stringify({ from: event.from, lines: event.lines })}\n\n`;
  }
  return `event: ${event.state.state === 'running' ? 'running' : 'exit'}\ndata: ${JSON.stringify(stateData(event.state))}\n\n`;
}

function stateData(state: SourceState): Record<string, unknown> {
  return state.state === 'running'
    ? { what: state.what, source: state.source }
    : { what: state.what, source: state.source, status: state.status, signal: state.signal };
}

/** Serves `siteDir` (null: not built) and the log's event stream on 127.0.0.1:`port` (0: any free port). */
export async function startServer(options: {
  log: LineLog;
  token: string;
  port: number;
  siteDir: string | null;
}): Promise<LiveServer> {
  const { log, token, siteDir } = options;
  /** Open event streams, each with the function that writes the lines it is gathering. */
  const streams = new Map<ServerResponse, () => void>();
  let port = 0;
  const server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return refuse(response, 403, 'wrong Host header');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'only GET and HEAD');
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === '/live/events') {
      if (!sameToken(url.searchParams.get('token') ?? '', token))
        return refuse(response, 403, 'a valid token is needed');
      return eventStream(request, response);
    }
    serveFile(url.pathname, response, request.method === 'HEAD');
  });

  function eventStream(request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A reconnecting page says which line it has; a new one gets everything.
    const after = Number(request.headers['last-event-id'] ?? 0);
    response.write('retry: 1000\n\n');
    for (const batch of log.batchesAfter(Number.isInteger(after) ? after : 0, eventLines))
      response.write(sseEvent({ kind: 'lines', ...batch }));
    response.write(sseEvent({ kind: 'state', state: log.state }));
    // New lines wait `gatherMs` for the ones printed right after them; a state change goes
    // after the lines before it.
    let gathered: { from: number; lines: string[] } | null = null;
    let timer: NodeJS.Timeout | null = null;
    const flush = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (gathered !== null) response.write(sseEvent({ kind: 'lines', ...gathered }));
      gathered = null;
    };
    const unsubscribe = log.subscribe((event) => {
      if (event.kind !== 'lines') {
        flush();
        response.write(sseEvent(event));
        return;
      }
      if (gathered !== null && gathered.lines.length + event.lines.length > eventLines) flush();
      if (gathered === null) gathered = { from: event.from, lines: [...event.lines] };
      else for (const line of event.lines) gathered.lines.push(line);
      timer ??= setTimeout(flush, gatherMs);
    });
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    streams.set(response, flush);
    response.on('close', () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      clearInterval(keepAlive);
      streams.delete(response);
    });
  }

  function serveFile(pathname: string, response: ServerResponse, head: boolean) {
    if (siteDir === null)
      return refuse(response, 404, 'the site is not built: run npx astro build, then watch again');
    let path: string;
    try {
      path = normalize(join(siteDir, decodeURIComponent(pathname)));
    } catch {
      return refuse(response, 400, 'bad path');
    }
    if (path !== siteDir && !path.startsWith(siteDir.endsWith(sep) ? siteDir : siteDir + sep))
      return refuse(response, 403, 'outside the site');
    let stat = statOrNull(path);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: pathname + '/' });
        return response.end();
      }
      path = join(path, 'index.html');
      stat = statOrNull(path);
    }
    if (stat === null || !stat.isFile()) return refuse(response, 404, 'not found');
    response.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'x-content-type-options': 'nosniff',
    });
    if (head) return response.end();
    createReadStream(path).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    close() {
      for (const [response, flush] of streams) {
        flush();
        response.end();
      }
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message + '\n');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
