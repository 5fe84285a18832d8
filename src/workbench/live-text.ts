/**
 * The text of a live trace in the worker, growing at its end, readable as one Blob (for pages of
 * lines and for ranges read again). Appends gather in a string that is sealed into a Blob every
 * megabyte or so: a Blob rebuilt from every small append would hold one part per append, and each
 * rebuild would copy them all.
 */
const sealBytes = 1 << 20;

export class LiveText {
  private sealed: Blob[] = [];
  private open = '';
  private openBytes = 0;
  private whole: Blob | null = null;
  /** Bytes of UTF-8 text held. */
  size = 0;

  /** Adds `text`, which is `bytes` bytes long in UTF-8. */
  append(text: string, bytes: number): void {
    if (text === '') return;
    this.open += text;
    this.openBytes += bytes;
    this.size += bytes;
    this.whole = null;
    if (this.openBytes >= sealBytes) {
      this.sealed.push(new Blob([this.open], { type: 'text/plain' }));
      this.open = '';
      this.openBytes = 0;
    }
  }

  /** Everything appended so far. */
  get blob(): Blob {
    this.whole ??= new Blob([...this.sealed, this.open], { type: 'text/plain' });
    return this.whole;
  }
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the three bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two UTF-16 units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
