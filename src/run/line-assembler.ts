/**
 * Turns a program's output, written in chunks that may end anywhere (mid-line, between the `\r`
 * and `\n` of a CRLF, inside a UTF-8 character), into whole lines. Line ends are those of
 * src/gctrace/lines.ts: `\n`, `\r\n` or a lone `\r`; a line is given without its end.
 */
export class LineAssembler {
  /** Bytes are decoded as UTF-8 in streaming mode, so a character split across writes survives;
   * invalid bytes become U+FFFD rather than an error (a program's output is not ours to reject). */
  readonly #decoder = new TextDecoder('utf-8');
  #partial = '';
  /** The last chunk ended in `\r`: a `\n` starting the next one belongs to the same line end. */
  #afterCr = false;
  readonly #maxLineLength: number;

  /** `maxLineLength`: a line longer than this is handed over in pieces, so that a program that
   * never prints a line end cannot make the pending text grow without bound. */
  constructor(options: { maxLineLength?: number } = {}) {
    this.#maxLineLength = options.maxLineLength ?? 1 << 20;
  }

  /** Adds one write of the stream; returns the lines it completed, in order. */
  push(chunk: Uint8Array | string): string[] {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    return this.#add(text);
  }

  /** Ends the stream: returns the last line if it had no line end (and any bytes of an unfinished
   * UTF-8 character, as U+FFFD). The assembler can then take a new stream. */
  end(): string[] {
    const lines = this.#add(this.#decoder.decode());
    if (this.#partial !== '') lines.push(this.#partial);
    this.#partial = '';
    this.#afterCr = false;
    return lines;
  }

  /** The text of the line being written, not yet ended. */
  get pending(): string {
    return this.#partial;
  }

  #add(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.#afterCr && text.charCodeAt(0) === 10) start = 1;
    if (text.length > 0) this.#afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      lines.push(this.#partial + text.slice(start, i));
      this.#partial = '';
      if (c === 13) {
        if (i + 1 === text.length) this.#afterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.#partial += text.slice(start);
    while (this.#partial.length > this.#maxLineLength) {
      // Never cut between the two halves of a surrogate pair.
      const high = this.#partial.charCodeAt(this.#maxLineLength - 1);
      const cut = high >= 0xd800 && high < 0xdc00 ? this.#maxLineLength - 1 : this.#maxLineLength;
      lines.push(this.#partial.slice(0, cut));
      this.#partial = this.#partial.slice(cut);
    }
    return lines;
  }
}
