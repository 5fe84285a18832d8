import { describe, expect, it } from 'vitest';
import { goOutputFs, type OutputFd } from '../../../src/run/go-fs.ts';

function capture() {
  const writes: [OutputFd, number[]][] = [];
  const fs = goOutputFs((fd, bytes) => writes.push([fd, [...bytes]]));
  return { fs, writes };
}

describe('goOutputFs', () => {
  it('writeSync() hands fd 1 and 2 to the callback and returns the byte count, as the runtime expects', () => {
    const { fs, writes } = capture();
    expect(fs.writeSync(2, new Uint8Array([103, 99, 10]))).toBe(3);
    expect(fs.writeSync(1, new Uint8Array([111]))).toBe(1);
    expect(writes).toEqual([
      [2, [103, 99, 10]],
      [1, [111]],
    ]);
  });

  it('hands over a copy: the memory the bytes came from may change after the call', () => {
    const { fs, writes } = capture();
    const memory = new Uint8Array([1, 2, 3, 4]);
    fs.writeSync(1, memory.subarray(1, 3));
    memory.fill(0);
    expect(writes).toEqual([[1, [2, 3]]]);
  });

  it('write() (package os) takes the given range and answers through its callback', () => {
    const { fs, writes } = capture();
    const results: unknown[][] = [];
    fs.write(1, new Uint8Array([9, 8, 7, 6]), 1, 2, null, (...args) => results.push(args));
    expect(writes).toEqual([[1, [8, 7]]]);
    expect(results).toEqual([[null, 2]]);
  });

  it('answers ENOSYS to writes elsewhere and to every file call', () => {
    const { fs, writes } = capture();
    const errors: unknown[] = [];
    fs.write(3, new Uint8Array([1]), 0, 1, null, (error) => errors.push(error));
    fs.write(1, new Uint8Array([1]), 0, 1, 10, (error) => errors.push(error));
    (fs.open as (...args: unknown[]) => void)('/etc/passwd', 0, 0, (error: unknown) =>
      errors.push(error),
    );
    expect(() => fs.writeSync(5, new Uint8Array([1]))).toThrow('not implemented');
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toMatchObject({ code: 'ENOSYS' });
    expect(writes).toEqual([]);
  });
});
