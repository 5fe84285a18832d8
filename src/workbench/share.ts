/**
 * Share links that carry the trace itself: deflate-raw (CompressionStream) and base64url in the
 * URL fragment, which browsers never send to a server.
 *
 * Formats, all still read:
 * - version 1, `#trace=T`: the trace alone;
 * - version 2, `#v=2&trace=T[&name=N][&run=R][&from=S&to=E][&line=L][&b=T&bname=N&brun=R]`: the
 *   trace and the view (run R counted from 1, the range S–E in seconds, the selected cycle's line
 *   L) and the comparison trace B with its run. Keys a version-2 reader does not know are ignored
 *   (a link made before `brun` existed shows the second trace's main run).
 */
import type { Domain } from './protocol.ts';

/** Longest fragment a share link may carry, in characters (64 KiB). */
export const maxFragmentChars = 65_536;
/** Largest trace a link may expand to: protects the page from a crafted link. */
export const maxSharedTextBytes = 16 << 20;
export const fragmentKey = 'trace';
/** The share-link format this page writes. */
export const shareVersion = 2;
const compareKey = 'b';

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
) {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  const reader = output.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`it expands to more than ${Math.round(limit / 1048576)} MB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it holds characters a share link never has');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  // A length of 4n + 1 is never whole base64: the link was cut.
  if (text.length % 4 === 1) throw new Error('it is cut off');
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What a share link restores: the trace, and optionally how it was being looked at. */
export interface SharedView {
  text: string;
  /** The trace's name (a file name), when it had one. */
  name?: string | null;
  /** The run shown, counted from 0. */
  run?: number | null;
  /** The time range zoomed to, in seconds. */
  zoom?: Domain | null;
  /** The line of the selected cycle. */
  line?: number | null;
  /** The second trace, compared with the first, and its run (counted from 0). */
  compare?: { text: string; name?: string | null; run?: number | null } | null;
}

export type ShareResult =
  | { ok: true; fragment: string; compressedBytes: number }
  | { ok: false; fragmentChars: number; message: string };

async function compress(text: string): Promise<Uint8Array> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'), Infinity);
}

/** The fragment (without '#') for a trace and its view, or why it does not fit in a link. */
export async function encodeShare(view: SharedView): Promise<ShareResult> {
  const params = new URLSearchParams();
  params.set('v', String(shareVersion));
  const trace = await compress(view.text);
  let compressedBytes = trace.length;
  params.set(fragmentKey, toBase64Url(trace));
  if (view.name) params.set('name', view.name);
  setRun(params, 'run', view.run);
  if (view.zoom) {
    params.set('from', String(view.zoom[0]));
    params.set('to', String(view.zoom[1]));
  }
  if (view.line != null && view.line > 0) params.set('line', String(view.line));
  if (view.compare) {
    const other = await compress(view.compare.text);
    compressedBytes += other.length;
    params.set(compareKey, toBase64Url(other));
    if (view.compare.name) params.set('bname', view.compare.name);
    setRun(params, 'brun', view.compare.run);
  }
  const fragment = params.toString();
  if (fragment.length > maxFragmentChars) {
    return {
      ok: false,
      fragmentChars: fragment.length,
      message: `${view.compare ? 'These traces compress' : 'This trace compresses'} to ${Math.ceil(fragment.length / 1024)} KB of link, more than the ${maxFragmentChars / 1024} KB a share link may carry. Export it (CSV, JSON or Markdown) or share the file instead, or pick a shorter run.`,
    };
  }
  return { ok: true, fragment, compressedBytes };
}

/** A fragment that is not a share link this page knows (an unknown or newer format). */
export class UnknownLinkError extends Error {}

async function decodeTrace(value: string, what: string): Promise<string> {
  if (value.length > maxFragmentChars + 16)
    throw new Error('The link is longer than any share link this page makes.');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(value);
  } catch (error) {
    throw new Error(
      `The ${what} in this link is damaged or cut off (${(error as Error).message}). Ask for the link again, or paste the trace itself.`,
    );
  }
  let text: Uint8Array;
  try {
    text = await pipe(bytes, new DecompressionStream('deflate-raw'), maxSharedTextBytes);
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(
      `The ${what} in this link is damaged or cut off (${/expands/.test(reason) ? reason : 'it does not decompress'}). Ask for the link again, or paste the trace itself.`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    throw new Error(`The ${what} in this link is damaged: it is not text.`);
  }
}

/** A whole number from 1 up, or null when absent or not one. */
function positive(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

/**
 * A run is counted from 1 in a link, as the page names runs, and from 0 in the view; the first
 * run, the one shown by default, is left out of the link.
 */
function setRun(params: URLSearchParams, key: string, run: number | null | undefined): void {
  if (run != null && run > 0) params.set(key, String(run + 1));
}

/** The run (from 0) that `key` of a link names, or null when absent or not a run. */
function runOf(params: URLSearchParams, key: string): number | null {
  const run = positive(params.get(key));
  return run === null ? null : run - 1;
}

function range(from: string | null, to: string | null): Domain | null {
  if (from === null || to === null || from.trim() === '' || to.trim() === '') return null;
  const start = Number(from);
  const end = Number(to);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? [start, end] : null;
}

/**
 * What a location hash shares: null when it is empty; throws an `UnknownLinkError` when it is not
 * a share link this page knows, and a readable Error when it is one but damaged. A view part that
 * does not make sense (a run of "x") is left out rather than refusing the trace.
 */
export async function decodeShare(hash: string): Promise<SharedView | null> {
  const fragment = hash.replace(/^#/, '');
  if (fragment === '') return null;
  const params = new URLSearchParams(fragment);
  const version = params.get('v');
  if (version !== null && version !== String(shareVersion)) {
    throw new UnknownLinkError(
      /^\d+$/.test(version) && Number(version) > shareVersion
        ? `This share link was made by a newer version of this page (format ${version}). Reload the page to get the newest version, then open the link again.`
        : `This link's format (v=${version}) is not one this page makes. Ask for the link again, or paste the trace itself.`,
    );
  }
  const value = params.get(fragmentKey);
  if (value === null) {
    const shown = fragment.length > 24 ? `${fragment.slice(0, 24)}…` : fragment;
    throw new UnknownLinkError(
      `The end of this link (#${shown}) is not a share link this page knows: a share link's address ends in #trace=… or #v=2&trace=…. It may have been cut or changed; ask for the link again, or paste the trace itself.`,
    );
  }
  const text = value === '' ? '' : await decodeTrace(value, 'trace');
  if (text.trim() === '')
    throw new Error(
      'This share link holds no trace: it is empty. Ask for the link again, or paste the trace itself.',
    );
  const view: SharedView = { text, name: params.get('name') };
  if (version === null) return view;
  view.run = runOf(params, 'run');
  view.zoom = range(params.get('from'), params.get('to'));
  view.line = positive(params.get('line'));
  const other = params.get(compareKey);
  view.compare =
    other === null
      ? null
      : {
          text: await decodeTrace(other, 'second trace'),
          name: params.get('bname'),
          run: runOf(params, 'brun'),
        };
  return view;
}
