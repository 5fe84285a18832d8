/**
 * The `fs` object that Go's wasm_exec.js looks for on globalThis. A program built with
 * GOOS=js GOARCH=wasm writes through it: the runtime (and so every gctrace line) with
 * `writeSync`, package os with `write`. This one hands writes to standard output and standard
 * error to a callback and answers everything else "not implemented", as wasm_exec.js's own
 * stand-in does; the programs never touch files.
 */

/** Standard output (1) or standard error (2). */
export type OutputFd = 1 | 2;

type Callback = (error: Error | null, ...results: unknown[]) => void;

function notImplemented(): Error {
  return Object.assign(new Error('not implemented'), { code: 'ENOSYS' });
}

/** What wasm_exec.js and Go's syscall package call on `globalThis.fs`. */
export interface GoFs {
  constants: Record<string, number>;
  writeSync(fd: number, bytes: Uint8Array): number;
  write(
    fd: number,
    bytes: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
    callback: Callback,
  ): void;
  [call: string]: unknown;
}

/** Calls Go's syscall package makes that a program of ours never needs (files, directories). */
const unsupported = [
  'chmod',
  'chown',
  'close',
  'fchmod',
  'fchown',
  'fstat',
  'ftruncate',
  'lchown',
  'link',
  'lstat',
  'mkdir',
  'open',
  'read',
  'readdir',
  'readlink',
  'rename',
  'rmdir',
  'stat',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
];

/**
 * An `fs` for wasm_exec.js that gives every write to fd 1 or 2 to `onWrite`. The bytes are a
 * copy: the program's memory they came from changes as soon as the call returns.
 */
export function goOutputFs(onWrite: (fd: OutputFd, bytes: Uint8Array) => void): GoFs {
  const writeSync = (fd: number, bytes: Uint8Array): number => {
    if (fd !== 1 && fd !== 2) throw notImplemented();
    onWrite(fd, bytes.slice());
    return bytes.length;
  };
  const fs: GoFs = {
    // Flags for open(), which is never called; wasm_exec.js's stand-in sets them to -1 too.
    constants: {
      O_WRONLY: -1,
      O_RDWR: -1,
      O_CREAT: -1,
      O_TRUNC: -1,
      O_APPEND: -1,
      O_EXCL: -1,
      O_DIRECTORY: -1,
    },
    writeSync,
    write(fd, bytes, offset, length, position, callback) {
      if (position !== null || (fd !== 1 && fd !== 2)) {
        callback(notImplemented());
        return;
      }
      callback(null, writeSync(fd, bytes.subarray(offset, offset + length)));
    },
    fsync(_fd: number, callback: Callback) {
      callback(null);
    },
  };
  for (const name of unsupported) {
    fs[name] = (...args: unknown[]) => (args.at(-1) as Callback)(notImplemented());
  }
  return fs;
}
