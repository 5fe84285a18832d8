/** Which editor a trace gets on this screen, and how much of it is parsed on the page. */

/**
 * Traces up to this many lines are parsed on the page, so the editor's hovers and markers come
 * straight from the parse; above it a trace is parsed in a worker and typing stays smooth.
 */
export const pageParseLineLimit = 3000;

/** Touch-first and narrow screens keep the textarea: Monaco is built for a mouse and keyboard. */
export function wantsMonaco(): boolean {
  return matchMedia('(pointer: fine)').matches && matchMedia('(min-width: 40rem)').matches;
}
