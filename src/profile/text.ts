/**
 * The text form of a goroutine profile (`/debug/pprof/goroutine?debug=1`, `WriteTo(w, 1)`), the
 * form people paste. runtime/pprof's printCountProfile writes it:
 *
 *     goroutine profile: total 1234
 *     1200 @ 0x47dbea 0x4142dc 0x4e6999 0x483c01
 *     #	0x4e6998	main.worker+0x38	gctracelab/heap-profiles/workers.go:33
 *
 * a count and the stack's return addresses, then a `#` line per frame (leaf first), and
 * optionally `# labels: {…}` after the count line. The goroutineleak profile of Go 1.26 and 1.27
 * has the same form under its own name.
 */
import { kindOf } from './kind.ts';
import type { Frame, Profile, ProfileLocation, ProfileResult } from './types.ts';

const headerPattern = /^(\w+) profile: total (\d+)\s*$/;

/** The first line of a text count profile, or null when `data` does not start with one. */
export function textProfileHeader(data: Uint8Array): { name: string; total: number } | null {
  const head = new TextDecoder().decode(data.subarray(0, 200)).replace(/^\uFEFF/, '');
  const match = headerPattern.exec(head.split(/\r?\n/, 1)[0]!);
  return match ? { name: match[1]!, total: Number(match[2]) } : null;
}

/** Reads the text of a goroutine (or other count) profile; problems carry line and column. */
export function readTextProfile(text: string): ProfileResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = headerPattern.exec(lines[0] ?? '');
  if (!header) return problem(1, 1, 'Expected "goroutine profile: total N" on the first line.');
  const name = header[1]!;
  const samples: Profile['samples'] = [];
  const locations = new Map<string, ProfileLocation>();
  let current: { count: number; frames: Frame[] } | null = null;
  const flush = () => {
    if (!current) return;
    // Each frame line becomes a location of its own: the text keeps no inlining groups.
    const stack = current.frames.map((frame) => {
      const key = `${frame.name}\n${frame.file}:${frame.line}`;
      let location = locations.get(key);
      if (!location) {
        location = { id: locations.size + 1, frames: [frame] };
        locations.set(key, location);
      }
      return location;
    });
    samples.push({ locations: stack, values: [current.count] });
    current = null;
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const number = i + 1;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const countLine = /^(\d+) @((?: 0x[0-9a-f]+)*)\s*$/.exec(line);
    if (countLine) {
      flush();
      current = { count: Number(countLine[1]), frames: [] };
      continue;
    }
    if (line.startsWith('#')) {
      if (!current)
        return problem(number, 1, 'A "#" frame line comes before any "N @ 0x…" count line.');
      if (/^#\s*labels:/.test(line)) continue;
      const fields = line
        .slice(1)
        .split(/\t+/)
        .filter((f) => f !== '');
      // fields: address, function+offset, file:line
      if (fields.length < 3) {
        return problem(
          number,
          line.length + 1,
          'Expected a frame line "#<tab>0xADDRESS<tab>function+0xOFFSET<tab>file:line"; the line ends early.',
        );
      }
      const fn = /^(.*)\+0x[0-9a-f]+$/.exec(fields[1]!);
      const place = /^(.*):(\d+)$/.exec(fields.slice(2).join('\t').trim());
      if (!fn || !place) {
        const column = line.indexOf(fn ? fields.slice(2).join('\t') : fields[1]!) + 1;
        return problem(
          number,
          column,
          fn
            ? `Expected "file:line" here, found "${fields.slice(2).join(' ')}".`
            : `Expected "function+0xOFFSET" here, found "${fields[1]}".`,
        );
      }
      current.frames.push({ name: fn[1]!, file: place[1]!, line: Number(place[2]) });
      continue;
    }
    const column = line.search(/\S/) + 1;
    return problem(
      number,
      column,
      `Expected a count line "N @ 0x…" or a frame line starting with "#", found "${line.length > 40 ? `${line.slice(0, 40)}…` : line}".`,
    );
  }
  flush();
  const sampleTypes = [{ type: name, unit: 'count' }];
  return {
    ok: true,
    profile: {
      kind: kindOf(sampleTypes),
      format: 'text (debug=1)',
      sampleTypes,
      defaultSampleType: name,
      samples,
      timeNanos: null,
      period: 1,
      textName: name,
      textTotal: Number(header[2]),
    },
  };
}

function problem(line: number, column: number, message: string): ProfileResult {
  return {
    ok: false,
    problem: {
      kind: 'bad-text',
      message: `Line ${line}, column ${column}: ${message} Expected a goroutine profile in text form (?debug=1).`,
      line,
      column,
    },
  };
}
