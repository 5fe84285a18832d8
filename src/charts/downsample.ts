/** A point to downsample; extra fields (such as the cycle) are carried through. */
export interface XYPoint {
  x: number;
  y: number;
}

/** The points of one x bucket that must survive downsampling. */
export interface MinMaxBucket<P extends XYPoint> {
  /** 0-based bucket number (the pixel column when buckets are one pixel wide). */
  index: number;
  /** Left and right edge of the bucket, in x units. */
  x0: number;
  x1: number;
  /** How many points fell into the bucket. */
  count: number;
  /** First and last point in input order. */
  first: P;
  last: P;
  /** Point with the lowest and the highest y (the first one on ties). */
  min: P;
  max: P;
}

/**
 * Splits `points` into `pixelWidth` equal-width x buckets over `domain` (default: the x extent)
 * and keeps, for every non-empty bucket, its first, last, lowest and highest point, so every
 * spike stays visible however many points share a pixel. Points outside the domain or with a
 * non-finite coordinate are dropped; buckets come back in x order.
 */
export function downsampleMinMax<P extends XYPoint>(
  points: readonly P[],
  pixelWidth: number,
  domain?: readonly [number, number],
): MinMaxBucket<P>[] {
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (finite.length === 0) return [];
  const [x0, x1] = domain ?? extent(finite);
  const count = Math.max(1, Math.floor(pixelWidth));
  const width = (x1 - x0) / count;
  const buckets: (MinMaxBucket<P> | undefined)[] = new Array(count);
  for (const p of finite) {
    if (p.x < x0 || p.x > x1) continue;
    const index = width > 0 ? Math.min(count - 1, Math.floor((p.x - x0) / width)) : 0;
    const bucket = buckets[index];
    if (bucket === undefined) {
      buckets[index] = {
        index,
        x0: x0 + index * width,
        x1: x0 + (index + 1) * width,
        count: 1,
        first: p,
        last: p,
        min: p,
        max: p,
      };
      continue;
    }
    bucket.count++;
    bucket.last = p;
    if (p.y < bucket.min.y) bucket.min = p;
    if (p.y > bucket.max.y) bucket.max = p;
  }
  return buckets.filter((b): b is MinMaxBucket<P> => b !== undefined);
}

/** A bucket's surviving points without repeats, in x order: what a line through it should visit. */
export function keptPoints<P extends XYPoint>(bucket: MinMaxBucket<P>): P[] {
  const kept = [...new Set([bucket.first, bucket.min, bucket.max, bucket.last])];
  return kept.sort((a, b) => a.x - b.x);
}

function extent(points: readonly XYPoint[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const p of points) {
    if (p.x < low) low = p.x;
    if (p.x > high) high = p.x;
  }
  return [low, high];
}
