/**
 * Whole lines out of streamed text: a write may end in the middle of a line, whose start then
 * waits for the rest. Line ends are \n or \r\n.
 */
export interface LineStream {
  /** The lines completed by this text, without their line ends. */
  push(text: string): string[];
  /** The last line when the stream ends without a final line end (null if there is none). */
  end(): string | null;
}

export function lineStream(): LineStream {
  let partial = '';
  return {
    push(text) {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    },
    end() {
      const last = partial;
      partial = '';
      return last === '' ? null : last;
    },
  };
}
