/** What an address pasted into "Load from a link" is: a share link, a file to fetch, or neither. */
import { fragmentKey } from './share.ts';

export type LinkSource =
  /** A workbench share link: the trace is in its fragment. */
  | { kind: 'share'; hash: string }
  /** The address of a file, fetched by the browser; `name` is its file name (or host). */
  | { kind: 'fetch'; url: URL; name: string }
  /** Not something the workbench can load, and why. */
  | { kind: 'refused'; message: string };

/** Classifies an address typed on the page at `base` (relative addresses resolve against it). */
export function classifyLink(address: string, base: string): LinkSource {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return {
      kind: 'refused',
      message: 'That is not a link. Paste a whole address, starting with https://.',
    };
  }
  if (url.hash.includes(`${fragmentKey}=`)) return { kind: 'share', hash: url.hash };
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { kind: 'refused', message: 'Only http and https links can be loaded.' };
  return { kind: 'fetch', url, name: url.pathname.split('/').pop() || url.host };
}
