/**
 * The captured profiles in content/profiles/go1.NN/ and the `go tool pprof -top` output saved
 * beside each at capture time (scripts/capture-profiles.sh): `<name>.pprof.txt`, one section per
 * command, each starting "### go tool pprof …".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProfile, type Profile } from '../../../src/profile/index.ts';

export const profilesDir = join(import.meta.dirname, '../../../content/profiles');

/** The release folders that hold captured protobuf profiles. */
export function releases(): string[] {
  return readdirSync(profilesDir)
    .filter((d) => /^go1\.\d+$/.test(d))
    .filter((d) => readdirSync(join(profilesDir, d)).some((f) => f.endsWith('.pprof.txt')));
}

/** Every `.pprof.txt` of a release. */
export function pprofFiles(release: string): string[] {
  return readdirSync(join(profilesDir, release))
    .filter((f) => f.endsWith('.pprof.txt'))
    .sort();
}

export interface PprofSection {
  command: string;
  sampleType: string;
  lines: boolean;
  /** The profile files named: [later] or [base, later]. */
  files: string[];
  /** pprof's output from "Showing nodes" on (the lines before name the binary and time). */
  expected: string;
}

export function pprofSections(release: string, file: string): PprofSection[] {
  const text = readFileSync(join(profilesDir, release, file), 'utf8');
  return text
    .split(/^### /m)
    .slice(1)
    .map((section) => {
      const [command, ...rest] = section.split('\n');
      const body = rest.join('\n');
      const start = body.search(/^Showing nodes/m);
      const diff = /-diff_base (\S+) (\S+)/.exec(command!);
      return {
        command: command!,
        sampleType: /-sample_index=(\S+)/.exec(command!)![1]!,
        lines: / -lines /.test(command!),
        files: diff ? [diff[1]!, diff[2]!] : [command!.split(' ').pop()!],
        expected: start < 0 ? body : body.slice(start),
      };
    });
}

const cache = new Map<string, Promise<Profile>>();

/** A captured profile, decoded (once per test file). */
export function loadProfile(release: string, file: string): Promise<Profile> {
  const path = join(profilesDir, release, file);
  let found = cache.get(path);
  if (!found) {
    found = readProfile(readFileSync(path)).then((result) => {
      if (!result.ok) throw new Error(`${path}: ${result.problem.message}`);
      return result.profile;
    });
    cache.set(path, found);
  }
  return found;
}

export function bytesOf(release: string, file: string): Uint8Array {
  return readFileSync(join(profilesDir, release, file));
}

export function exists(release: string, file: string): boolean {
  return existsSync(join(profilesDir, release, file));
}
