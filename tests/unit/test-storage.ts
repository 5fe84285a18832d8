/** A localStorage stand-in holding up to `capacity` characters (keys and values), as browsers do. */
export class FakeStorage implements Storage {
  private items = new Map<string, string>();
  private capacity: number;
  constructor(capacity = Infinity) {
    this.capacity = capacity;
  }
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.capacity)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  /** Fills what is left of the capacity with one item of filler. */
  fill(): void {
    let used = 0;
    for (const [k, v] of this.items) used += k.length + v.length;
    this.items.set('filler', 'x'.repeat(Math.max(0, this.capacity - used - 'filler'.length)));
  }
}
