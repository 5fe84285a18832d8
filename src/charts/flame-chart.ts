/**
 * An icicle graph of a profile's stacks: the root (every sample) on top, each row one call
 * deeper, each frame as wide as the samples through it. (data, options) → SVG plus `update`,
 * like the other charts.
 *
 * It is a keyboard tree: the SVG is a `tree`, every frame drawn a focusable `treeitem` named by
 * function, value and share. Up goes to the caller, Down to the largest callee, Left and Right
 * to the neighbours on the same row, Home to the root; Enter, Space or a click zooms into a
 * frame (its callers stay, full width, above it) and Escape zooms out. The page shows the
 * profile's top table beside it as its text form.
 */
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3-hierarchy';
import { round, svgNs } from './svg.ts';

/** One frame of the graph: the shape of src/profile's StackNode. */
export interface FlameFrame {
  /** Unique in the tree (the path of names from the root). */
  id: string;
  name: string;
  /** "file:line" or the file, shown after the name where there is room. */
  detail: string;
  /** Samples through this frame, in the profile's unit. */
  value: number;
  children: FlameFrame[];
}

export interface FlameOptions {
  document?: Document;
  /** viewBox width; the SVG scales to its container. */
  width?: number;
  /** Height of one row. */
  rowHeight?: number;
  /** Prefix for element ids; unique per page. */
  idPrefix?: string;
  /** The chart's title (also its accessible name). */
  title?: string;
  /** A value as text, in the profile's unit ("1.50MB"). */
  formatValue?: (value: number) => string;
  /** What percentages are of; defaults to the root's value. */
  total?: number;
  /** The frame zoomed into, by id; null or '' for the whole tree. */
  focus?: string | null;
  /** Called when a click or key zooms, with the new focus. */
  onFocus?: (id: string | null) => void;
  /** Frames narrower than this (viewBox units) are not drawn. */
  minWidth?: number;
}

export interface FlameChart {
  node: SVGSVGElement;
  update(root: FlameFrame, options?: FlameOptions): void;
}

type Laid = HierarchyRectangularNode<FlameFrame>;

/** Classes by kind of code, for colour: the program, the runtime, the rest of the library. */
export function frameClass(name: string): string {
  if (name === 'all') return 'flame-root';
  if (/^(runtime|internal\/)/.test(name)) return 'flame-runtime';
  if (/^main\./.test(name)) return 'flame-main';
  return /^[a-z0-9_]+(\/[a-z0-9_]+)*\./.test(name) &&
    !name.includes('.com/') &&
    !name.includes('.org/')
    ? 'flame-std'
    : 'flame-other';
}

/** About how many characters of 11-unit text fit in `width`. */
function fits(width: number): number {
  return Math.floor((width - 6) / 6.6);
}

function shorten(text: string, room: number): string {
  if (room <= 0) return '';
  if (text.length <= room) return text;
  return room <= 1 ? '' : `${text.slice(0, room - 1)}…`;
}

/** Draws the icicle graph of `root`; see FlameOptions. */
export function flameChart(root: FlameFrame, options: FlameOptions = {}): FlameChart {
  const doc = options.document ?? globalThis.document;
  if (doc === undefined) throw new Error('flameChart: no document (pass options.document)');
  const svg = doc.createElementNS(svgNs, 'svg') as SVGSVGElement;
  svg.setAttribute('xmlns', svgNs);
  svg.setAttribute('class', 'flame-chart');
  svg.setAttribute('role', 'tree');
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  svg.setAttribute('font-size', '11');
  const title = doc.createElementNS(svgNs, 'title');
  const desc = doc.createElementNS(svgNs, 'desc');
  svg.append(title, desc);
  const frames = doc.createElementNS(svgNs, 'g');
  frames.setAttribute('class', 'flame-frames');
  frames.setAttribute('role', 'presentation');
  svg.append(frames);

  let current: FlameOptions = { ...options };
  let data = root;
  /** Laid-out frames drawn last time, by id, and the element of each. */
  let drawn = new Map<string, { node: Laid; element: SVGGElement }>();
  /** The frame keyboard focus is on (roving tabindex), by id. */
  let active: string | null = null;

  function update(next: FlameFrame, changed: FlameOptions = {}): void {
    current = { ...current, ...changed };
    data = next;
    const o = current;
    const width = o.width ?? 640;
    const rowHeight = o.rowHeight ?? 18;
    const format = o.formatValue ?? ((v: number) => String(v));
    const prefix = o.idPrefix ?? 'flame';
    const tree = hierarchy(next, (d) => d.children);
    // The values are the profile's already; d3's sum() would add children to parents again.
    tree.each((n) => {
      (n as { value?: number }).value = n.data.value;
    });
    const depth = tree.height + 1;
    const laid = partition<FlameFrame>().size([1, depth])(tree);
    const focus = (o.focus && laid.find((n) => n.data.id === o.focus)) || laid;
    const total = o.total ?? next.value;
    const span = focus.x1 - focus.x0 || 1;
    const x = (v: number) => Math.max(0, Math.min(1, (v - focus.x0) / span)) * width;
    const ancestors = new Set(focus.ancestors());
    const rows = focus.depth + focus.height + 1;
    const height = Math.max(1, rows) * rowHeight;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('aria-labelledby', `${prefix}-title`);
    svg.setAttribute('aria-describedby', `${prefix}-desc`);
    title.setAttribute('id', `${prefix}-title`);
    desc.setAttribute('id', `${prefix}-desc`);
    title.textContent = o.title ?? 'Stacks of the profile';
    desc.textContent =
      next.value > 0
        ? `${focus === laid ? 'Every stack' : `Zoomed into ${focus.data.name}`}: ${format(focus.value ?? 0)}. Each row is one call deeper; a frame's width is its share. Arrow keys move between frames, Enter zooms, Escape zooms out. The table beside it has the same numbers.`
        : 'No samples to draw.';

    const minWidth = o.minWidth ?? 0.5;
    const shown: Laid[] = [];
    laid.each((n) => {
      const inside = n.x0 >= focus.x0 && n.x1 <= focus.x1 && n.depth >= focus.depth;
      if (!ancestors.has(n) && !inside) return;
      if (n.value === 0) return;
      const w = ancestors.has(n) ? width : x(n.x1) - x(n.x0);
      if (w < minWidth) return;
      shown.push(n);
    });

    const previous = drawn;
    drawn = new Map();
    const hadFocus = doc.activeElement && svg.contains(doc.activeElement);
    if (active === null || !shown.some((n) => n.data.id === active)) active = focus.data.id;
    const siblingsByParent = new Map<Laid | null, Laid[]>();
    for (const n of shown) {
      const list = siblingsByParent.get(n.parent) ?? [];
      list.push(n);
      siblingsByParent.set(n.parent, list);
    }
    const elements: SVGGElement[] = [];
    for (const n of shown) {
      const old = previous.get(n.data.id);
      const g = old?.element ?? (doc.createElementNS(svgNs, 'g') as SVGGElement);
      if (!old) {
        g.append(doc.createElementNS(svgNs, 'rect'), doc.createElementNS(svgNs, 'text'));
      }
      const isAncestor = ancestors.has(n) && n !== focus;
      const x0 = isAncestor ? 0 : x(n.x0);
      const w = isAncestor ? width : x(n.x1) - x(n.x0);
      const y = n.depth * rowHeight;
      const value = n.value ?? 0;
      const share = total !== 0 ? (value / Math.abs(total)) * 100 : 0;
      const shareText = `${share >= 10 ? share.toFixed(0) : share.toFixed(1)}%`;
      const where = n.data.detail ? ` ${n.data.detail}` : '';
      g.setAttribute(
        'class',
        `flame-frame ${frameClass(n.data.name)}${n === focus && focus !== laid ? ' is-focus' : ''}`,
      );
      g.setAttribute('role', 'treeitem');
      g.setAttribute('data-id', n.data.id);
      g.setAttribute('aria-level', String(n.depth + 1));
      const siblings = siblingsByParent.get(n.parent)!;
      g.setAttribute('aria-setsize', String(siblings.length));
      g.setAttribute('aria-posinset', String(siblings.indexOf(n) + 1));
      g.setAttribute('aria-selected', String(n === focus));
      g.setAttribute(
        'aria-label',
        `${n.data.name}: ${format(value)}, ${shareText} of the total${where ? `, in${where}` : ''}`,
      );
      g.setAttribute('tabindex', n.data.id === active ? '0' : '-1');
      const rect = g.firstChild as SVGRectElement;
      rect.setAttribute('x', String(round(x0 + 0.5)));
      rect.setAttribute('y', String(round(y + 0.5)));
      rect.setAttribute('width', String(round(Math.max(0, w - 1))));
      rect.setAttribute('height', String(rowHeight - 1));
      rect.setAttribute('rx', '2');
      const text = g.lastChild as SVGTextElement;
      text.setAttribute('x', String(round(x0 + 4)));
      text.setAttribute('y', String(round(y + rowHeight / 2 + 4)));
      text.setAttribute('aria-hidden', 'true');
      const name = n.depth === 0 ? `all: ${format(value)}` : n.data.name;
      text.textContent = shorten(name, fits(w));
      elements.push(g);
      drawn.set(n.data.id, { node: n, element: g });
    }
    frames.replaceChildren(...elements);
    svg.setAttribute('data-frames', String(elements.length));
    if (hadFocus) drawn.get(active!)?.element.focus();
  }

  function move(to: Laid | null | undefined): void {
    if (!to) return;
    const target = drawn.get(to.data.id);
    if (!target) return;
    drawn.get(active ?? '')?.element.setAttribute('tabindex', '-1');
    active = to.data.id;
    target.element.setAttribute('tabindex', '0');
    target.element.focus();
  }

  function zoom(id: string | null): void {
    active = id ?? data.id;
    update(data, { focus: id });
    current.onFocus?.(id);
    drawn.get(active)?.element.focus();
  }

  /** Frames drawn on the same row as `n`, left to right. */
  function row(n: Laid): Laid[] {
    return [...drawn.values()]
      .map((d) => d.node)
      .filter((m) => m.depth === n.depth)
      .sort((a, b) => a.x0 - b.x0);
  }

  svg.addEventListener('keydown', (event) => {
    const element = (event.target as Element).closest?.('.flame-frame');
    const here = element ? drawn.get(element.getAttribute('data-id') ?? '') : undefined;
    if (!here) return;
    const n = here.node;
    let handled = true;
    switch (event.key) {
      case 'ArrowUp':
        move(n.parent);
        break;
      case 'ArrowDown':
        move(n.children?.find((c) => drawn.has(c.data.id)));
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const same = row(n);
        const i = same.indexOf(n) + (event.key === 'ArrowLeft' ? -1 : 1);
        move(same[i]);
        break;
      }
      case 'Home':
        move(drawn.get(data.id)?.node);
        break;
      case 'Enter':
      case ' ':
        zoom(n.depth === 0 ? null : n.data.id);
        break;
      case 'Escape': {
        const focusId = current.focus || null;
        if (!focusId) {
          handled = false;
          break;
        }
        const focused = drawn.get(focusId)?.node;
        const up = focused?.parent;
        zoom(up && up.depth > 0 ? up.data.id : null);
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });
  svg.addEventListener('click', (event) => {
    const element = (event.target as Element).closest?.('.flame-frame');
    const id = element?.getAttribute('data-id');
    if (id === undefined || id === null) return;
    const n = drawn.get(id)?.node;
    if (!n) return;
    zoom(n.depth === 0 ? null : id);
  });

  update(root, options);
  return { node: svg, update };
}
