/**
 * Numbers written the way `go tool pprof` writes them, so that a table here reads like its
 * `-top` output: the units and scaling of pprof's internal/measurement package and Go's own
 * `%.2f` and `%5.2g`.
 */

interface Unit {
  name: string;
  aliases: readonly string[];
  factor: number;
}

/** pprof's unit families (measurement.UnitTypes): bytes and time; the first unit is the default. */
const unitFamilies: readonly { units: readonly Unit[]; fallback: Unit }[] = [
  {
    units: [
      { name: 'B', aliases: ['b', 'byte'], factor: 1 },
      { name: 'kB', aliases: ['kb', 'kbyte', 'kilobyte'], factor: 2 ** 10 },
      { name: 'MB', aliases: ['mb', 'mbyte', 'megabyte'], factor: 2 ** 20 },
      { name: 'GB', aliases: ['gb', 'gbyte', 'gigabyte'], factor: 2 ** 30 },
      { name: 'TB', aliases: ['tb', 'tbyte', 'terabyte'], factor: 2 ** 40 },
      { name: 'PB', aliases: ['pb', 'pbyte', 'petabyte'], factor: 2 ** 50 },
    ],
    fallback: { name: 'B', aliases: [], factor: 1 },
  },
  {
    units: [
      { name: 'ns', aliases: ['ns', 'nanosecond'], factor: 1 },
      { name: 'us', aliases: ['μs', 'us', 'microsecond'], factor: 1e3 },
      { name: 'ms', aliases: ['ms', 'millisecond'], factor: 1e6 },
      { name: 's', aliases: ['s', 'sec', 'second'], factor: 1e9 },
      { name: 'hrs', aliases: ['hour', 'hr'], factor: 3600e9 },
    ],
    fallback: { name: 's', aliases: [], factor: 1e9 },
  },
];

function sniff(units: readonly Unit[], unit: string): Unit | undefined {
  let u = unit.toLowerCase();
  if (u.length > 2) u = u.replace(/s$/, '');
  return units.find((candidate) => candidate.aliases.includes(u));
}

/**
 * `value` in `from` units converted to `to` ("minimum" or "auto" pick the largest unit the value
 * reaches): pprof's measurement.Scale. Counts come back unchanged with no unit.
 */
export function scale(value: number, from: string, to: string): [number, string] {
  if (value < 0) {
    const [v, u] = scale(-value, from, to);
    return [-v, u];
  }
  for (const family of unitFamilies) {
    const fromUnit = sniff(family.units, from);
    if (!fromUnit) continue;
    const v = value * fromUnit.factor;
    if (to === 'minimum' || to === 'auto') {
      let factor = 0;
      let name = '';
      for (const u of family.units) {
        if (u.factor >= factor && v / u.factor >= 1) {
          factor = u.factor;
          name = u.name;
        }
      }
      if (factor === 0) return [v / family.fallback.factor, family.fallback.name];
      return [v / factor, name];
    }
    const toUnit = sniff(family.units, to) ?? family.fallback;
    return [v / toUnit.factor, toUnit.name];
  }
  if (['count', 'sample', 'unit', 'minimum', 'auto'].includes(to)) return [value, ''];
  return [value, to];
}

/** `value` (from `from` units) written in `to` units with two decimals, like pprof's ScaledLabel. */
export function scaledLabel(value: number, from: string, to: string): string {
  const [v, u] = scale(value, from, to);
  const text = goFixed(v, 2).replace(/\.00$/, '');
  return text === '0' || text === '-0' ? '0' : text + u;
}

/** `value` as a share of `total`, six characters wide, like pprof's measurement.Percentage. */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${goFixed(ratio, 2).padStart(5)}%`;
  return `${goG(ratio, 2).padStart(5)}%`;
}

/**
 * The unit a report is written in: pprof's selectOutputUnit. The smallest non-zero value sets it,
 * unless the largest is more than 100 times bigger and in another unit; then the unit in which
 * the smallest value still reads as 0.01 or more.
 */
export function outputUnit(values: readonly number[], total: number, sampleUnit: string): string {
  let min = 0;
  for (const v of values) {
    const a = Math.abs(v);
    if (a > 0 && (min === 0 || a < min)) min = a;
  }
  if (values.length === 0) return sampleUnit;
  if (min === 0) min = total;
  const [, minUnit] = scale(min, sampleUnit, 'minimum');
  const [, maxUnit] = scale(total, sampleUnit, 'minimum');
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < total) [, unit] = scale(100 * min, sampleUnit, 'minimum');
  return unit !== '' ? unit : sampleUnit;
}

/**
 * Go's `%.{digits}f`: the exact binary value rounded half to even (JavaScript's toFixed rounds
 * an exact tie away from zero instead).
 */
export function goFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0 || Object.is(value, -0);
  // toFixed(100) writes every digit of the binary value below 1e21.
  const exact =
    Math.abs(value) >= 1e21 ? Math.abs(value).toFixed(digits) : Math.abs(value).toFixed(100);
  const [whole, fraction = ''] = exact.split('.');
  const kept = fraction.slice(0, digits);
  const rest = fraction.slice(digits);
  let digitsText = whole + kept;
  const firstDropped = rest.charCodeAt(0) - 48;
  const tail = rest.slice(1).replace(/0+$/, '');
  const lastKept = digitsText.charCodeAt(digitsText.length - 1) - 48;
  const roundUp = firstDropped > 5 || (firstDropped === 5 && (tail !== '' || lastKept % 2 === 1));
  if (roundUp) digitsText = increment(digitsText);
  const cut = digitsText.length - digits;
  const text = digits > 0 ? `${digitsText.slice(0, cut)}.${digitsText.slice(cut)}` : digitsText;
  return negative ? `-${text}` : text;
}

/** A string of decimal digits plus one. */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return '1' + out.join('');
}

/** Go's `%.{precision}g` for a non-negative number: shortest of %e and %f at that many digits. */
export function goG(value: number, precision: number): string {
  if (value === 0) return '0';
  const exponential = value.toExponential(precision - 1);
  const [mantissa, exponentText] = exponential.split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= precision) {
    const m = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
    const sign = exponent < 0 ? '-' : '+';
    return `${m}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const fixed = goFixed(value, Math.max(0, precision - 1 - exponent));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
