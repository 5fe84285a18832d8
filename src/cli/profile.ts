/** `gctrace profile FILE [--base BASE]`: a Go profile's top table, as `go tool pprof -top` prints it. */
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  diffProblem,
  diffProfiles,
  readProfile,
  topTable,
  topText,
  type Granularity,
  type Profile,
} from '../profile/index.ts';
import type { Io } from './main.ts';

export interface ProfileCommand {
  name: 'profile';
  file: string | null;
  base: string | null;
  sampleType: string | null;
  granularity: Granularity;
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** pprof's "Time:" line: the moment the profile was written, in UTC. */
export function profileTime(profile: Profile): string | null {
  if (profile.timeNanos === null) return null;
  return new Date(profile.timeNanos / 1e6)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** Runs `profile`; resolves with the exit status. */
export async function profileReport(command: ProfileCommand, io: Io): Promise<number> {
  const load = async (file: string): Promise<Profile | null> => {
    const name = file === '-' ? 'standard input' : file;
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await readAll(io.stdin) : await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (code ?? String(error));
      io.stderr.write(`gctrace: cannot read ${name}: ${why}\n`);
      return null;
    }
    const result = await readProfile(bytes);
    if (!result.ok) {
      io.stderr.write(`gctrace: ${name}: ${result.problem.message}\n`);
      return null;
    }
    return result.profile;
  };
  if (command.file === null) {
    io.stderr.write('gctrace: profile: give a profile FILE (or - for standard input)\n');
    return 2;
  }
  const later = await load(command.file);
  if (!later) return 1;
  let profile = later;
  if (command.base !== null) {
    const base = await load(command.base);
    if (!base) return 1;
    const problem = diffProblem(base, later);
    if (problem) {
      io.stderr.write(`gctrace: ${problem}\n`);
      return 1;
    }
    profile = diffProfiles(base, later);
  }
  const sampleType = command.sampleType ?? later.defaultSampleType;
  if (!later.sampleTypes.some((t) => t.type === sampleType)) {
    io.stderr.write(
      `gctrace: --sample ${sampleType}: this profile has ${later.sampleTypes.map((t) => t.type).join(', ')}\n`,
    );
    return 2;
  }
  const table = topTable(profile, { sampleType, granularity: command.granularity });
  io.stdout.write(`Type: ${sampleType}\n`);
  const time = profileTime(later);
  if (time) io.stdout.write(`Time: ${time}\n`);
  io.stdout.write(topText(table));
  return 0;
}
