/**
 * The texts of the real runs the simulator page can show beside the model, loaded only when
 * asked for: each is its own small chunk, so the page does not carry them all.
 */
const loaders = import.meta.glob<string>(
  '../../content/traces/**/{gogc-50,gogc-100,gogc-200,gogc-off,gomemlimit-60mib-gogc100,gomemlimit-64mib-gogcoff,go1.19-sim-*}.txt',
  { query: '?raw', import: 'default' },
);

/** The path of a capture's text, as the glob names it: ids are `go1.24/gogc-50`, `gogc-100`, `simulator/<name>`. */
const pathOf = (id: string): string => `../../content/traces/${id}.txt`;

/** True when the text of capture `id` can be loaded. */
export function hasCaptureText(id: string): boolean {
  return pathOf(id) in loaders;
}

/** The text of capture `id`, without its final line break. */
export async function loadCaptureText(id: string): Promise<string> {
  const load = loaders[pathOf(id)];
  if (load === undefined) throw new Error(`no capture text for "${id}"`);
  return (await load()).replace(/\n$/, '');
}
