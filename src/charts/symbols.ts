import { symbol, type SymbolType } from 'd3-shape';
import { round } from './svg.ts';

/** Area of every symbol, in square user units. */
const symbolArea = 48;

const symbolPaths = new Map<SymbolType, string>();

/** The path of a symbol centred on the origin (legend swatches). */
export function symbolPath(type: SymbolType): string {
  let d = symbolPaths.get(type);
  if (d === undefined) {
    d = symbol(type, symbolArea)() ?? '';
    symbolPaths.set(type, d);
  }
  return d;
}

/** A symbol's path as literal text and the coordinates to move with the mark's position. */
type SymbolTemplate = (string | [axis: 0 | 1, value: number])[];
const symbolTemplates = new Map<SymbolType, SymbolTemplate>();

/**
 * The symbol's path centred on (x, y). d3's symbol paths use absolute M, L and A commands
 * (whose last two numbers are the end point) and relative h and v: only the absolute
 * coordinates move.
 */
export function symbolPathAt(type: SymbolType, x: number, y: number): string {
  let template = symbolTemplates.get(type);
  if (template === undefined) {
    template = [];
    for (const [, command, args] of symbolPath(type).matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
      template.push(command!);
      const numbers = args!.split(',').filter((n) => n !== '');
      numbers.forEach((n, i) => {
        if (i > 0) template!.push(',');
        const axis =
          command === 'M' || command === 'L'
            ? ((i % 2) as 0 | 1)
            : command === 'A' && i >= 5
              ? ((i - 5) as 0 | 1)
              : null;
        template!.push(axis === null ? n : [axis, Number(n)]);
      });
    }
    symbolTemplates.set(type, template);
  }
  let d = '';
  for (const piece of template) {
    d += typeof piece === 'string' ? piece : String(round(piece[1] + (piece[0] === 0 ? x : y)));
  }
  return d;
}
