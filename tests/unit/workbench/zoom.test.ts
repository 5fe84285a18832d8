import { describe, expect, it } from 'vitest';
import {
  panned,
  rangeInputValue,
  rangeLabel,
  secondsLabel,
  typedRange,
  zoomedOut,
  zoomStateText,
} from '../../../src/workbench/zoom.ts';

describe('zoom and pan', () => {
  it('zooming out doubles the range around its middle', () => {
    expect(zoomedOut([2, 4])).toEqual([1, 5]);
    expect(zoomedOut([0, 1])).toEqual([-0.5, 1.5]);
  });

  it('panning moves the range by half its width, earlier or later', () => {
    expect(panned([2, 4], -1)).toEqual([1, 3]);
    expect(panned([2, 4], 1)).toEqual([3, 5]);
    expect(panned([10, 30], 1)).toEqual([20, 40]);
  });

  it('a typed range is a start before an end, in numbers', () => {
    expect(typedRange('0', '2')).toEqual([0, 2]);
    expect(typedRange('1.5', '1.75')).toEqual([1.5, 1.75]);
    expect(typedRange('2', '2')).toBeNull();
    expect(typedRange('3', '1')).toBeNull();
    expect(typedRange('one', '2')).toBeNull();
    expect(typedRange('0', 'Infinity')).toBeNull();
    // An empty box reads as 0, as the number input gives '' for nothing typed.
    expect(typedRange('', '2')).toEqual([0, 2]);
  });
});

describe('how times are written', () => {
  it('labels keep six significant digits and the input boxes eight', () => {
    expect(secondsLabel(0.1 + 0.2)).toBe('0.3 s');
    expect(secondsLabel(1.23456789)).toBe('1.23457 s');
    expect(rangeInputValue(1.23456789)).toBe('1.2345679');
    expect(rangeInputValue(2)).toBe('2');
    expect(rangeLabel([0.5, 2])).toBe('0.5 s – 2 s');
  });

  it('the zoom state names the range only when zoomed', () => {
    expect(zoomStateText([0, 3], false)).toBe('Showing the whole run.');
    expect(zoomStateText([1, 2.5], true)).toBe('Showing 1 s – 2.5 s.');
  });
});
