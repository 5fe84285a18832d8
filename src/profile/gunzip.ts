/** Gzip, the wrapper every Go protobuf profile comes in, undone with the platform's own stream. */

/** The two bytes every gzip file starts with (RFC 1952, section 2.3.1). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export type GunzipResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; truncated: boolean; produced: number; reason: string };

/**
 * Decompresses gzip with `DecompressionStream` (browsers, workers and Node 18 and later alike).
 * A stream that stops before the gzip trailer is reported as truncated, with the bytes it
 * yielded until then; other damage as bad gzip.
 */
export async function gunzip(bytes: Uint8Array): Promise<GunzipResult> {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  try {
    const input = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const reader = input
      .pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
      .getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      produced += value.length;
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = message || (typeof code === 'string' ? code : 'unknown error');
    // Chromium says "Compressed input was truncated", Firefox "unexpected end of file"; Node
    // gives no message, only zlib's code: Z_BUF_ERROR when the input ran out.
    const truncated =
      code === 'Z_BUF_ERROR' ||
      /end of (file|data|stream)|unexpected end|incomplete|truncat/i.test(message);
    return { ok: false, truncated: truncated || looksCut(bytes), produced, reason };
  }
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}

/**
 * Whether a gzip member that failed to decompress is one that stops early: too short to hold the
 * 8-byte trailer, whatever the engine's error message says.
 */
function looksCut(bytes: Uint8Array): boolean {
  return bytes.length < 18;
}
