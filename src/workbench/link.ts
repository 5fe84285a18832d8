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
  const page = new URL(base);
  if (url.origin === page.origin && url.pathname === page.pathname)
    return {
      kind: 'refused',
      message:
        'That is the address of this page, with no trace in it. A share link’s address ends in #v=2&trace=… (or #trace=…); ask for the whole link, or paste the trace itself.',
    };
  return { kind: 'fetch', url, name: url.pathname.split('/').pop() || url.host };
}

/** What "Load from a link" says when the address answered with a web page instead of a trace. */
export const pageNotTraceMessage =
  'That link is a web page, not a trace. Link to the trace file itself (on GitHub, the file’s Raw link), or download the trace and open it.';

/**
 * Whether a fetched answer is a web page: its type says HTML, or its text starts like one. A
 * trace starts with a gc line or program output, never with a tag.
 */
export function isWebPage(contentType: string | null, start: string): boolean {
  if (contentType !== null && /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType))
    return true;
  return /^\s*<(!doctype\s+html|html|head|body|!--)/i.test(start.slice(0, 512));
}
