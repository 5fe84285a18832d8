import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSample, sampleSlugs } from '../../../src/lesson/samples.ts';

const dir = 'content/traces/';
/** Sample ids from the files: <name> at the top, go1.NN/<name> for one release's captures. */
const filesEndingIn = (ext: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext) && /^(go1\.\d+\/)?[^/]+$/.test(name))
    .map((name) => name.slice(0, -ext.length))
    .sort();

describe('loadSample', () => {
  it('knows every sample in content/traces, each with its trace and its info', () => {
    expect(filesEndingIn('.json')).toEqual(filesEndingIn('.txt'));
    expect(sampleSlugs).toEqual(filesEndingIn('.txt'));
  });

  it('gives the trace without its final newline and the info beside it', () => {
    const sample = loadSample('leaking-map');
    expect(sample.text + '\n').toBe(readFileSync(`${dir}leaking-map.txt`, 'utf8'));
    expect(sample.info).toEqual(JSON.parse(readFileSync(`${dir}leaking-map.json`, 'utf8')));
  });

  it('reads a capture of one release by its go1.NN/ id', () => {
    const sample = loadSample('go1.26/gctrace2');
    expect(sample.text + '\n').toBe(readFileSync(`${dir}go1.26/gctrace2.txt`, 'utf8'));
    expect(sample.info.goVersion).toMatch(/^go1\.26\./);
  });

  it('keeps the dots of a slug such as seed-go1.5', () => {
    expect(loadSample('seed-go1.5').info.goVersion).toMatch(/^go1\.5/);
  });

  it('names the asker, the missing slug and every known sample when there is no such sample', () => {
    const error = (() => {
      try {
        loadSample('leaking-mapp', '<TraceCell id="leak">');
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toMatch(/^<TraceCell id="leak">: no sample "leaking-mapp"/);
    for (const slug of filesEndingIn('.txt')) expect(error).toContain(slug);
  });
});
