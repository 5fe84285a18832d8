/**
 * Share links that carry the trace itself: deflate-raw (CompressionStream) and base64url in the
 * URL fragment, which browsers never send to a server.
 */

/** Longest fragment a share link may carry, in characters (64 KiB). */
export const maxFragmentChars = 65_536;
/** Largest trace a link may expand to: protects the page from a crafted link. */
export const maxSharedTextBytes = 16 << 20;
export const fragmentKey = 'trace';

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
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type ShareResult =
  | { ok: true; fragment: string; compressedBytes: number }
  | { ok: false; fragmentChars: number; message: string };

/** The fragment (without '#') for a trace, or why it does not fit in a link. */
export async function encodeShare(text: string): Promise<ShareResult> {
  const compressed = await pipe(
    new TextEncoder().encode(text),
    new CompressionStream('deflate-raw'),
    Infinity,
  );
  const fragment = `${fragmentKey}=${toBase64Url(compressed)}`;
  if (fragment.length > maxFragmentChars) {
    return {
      ok: false,
      fragmentChars: fragment.length,
      message: `This trace compresses to ${Math.ceil(fragment.length / 1024)} KB of link, more than the ${maxFragmentChars / 1024} KB a share link may carry. Export it (CSV, JSON or Markdown) or share the file instead, or pick a shorter run.`,
    };
  }
  return { ok: true, fragment, compressedBytes: compressed.length };
}

/** The trace in a location hash, null when the hash carries none; throws a readable Error when damaged. */
export async function decodeShare(hash: string): Promise<string | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(fragmentKey);
  if (value === null) return null;
  if (value.length > maxFragmentChars + 16)
    throw new Error('The link is longer than any share link this page makes.');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(value);
  } catch (error) {
    throw new Error(`The trace in this link is damaged: ${(error as Error).message}.`);
  }
  let text: Uint8Array;
  try {
    text = await pipe(bytes, new DecompressionStream('deflate-raw'), maxSharedTextBytes);
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(
      `The trace in this link is damaged or cut off (${/expands/.test(reason) ? reason : 'it does not decompress'}). Ask for the link again, or paste the trace itself.`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    throw new Error('The trace in this link is damaged: it is not text.');
  }
}
