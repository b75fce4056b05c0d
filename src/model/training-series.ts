/**
 * A growing list of numbers (a loss curve) kept in one Float64Array that
 * doubles when full. `values()` is a view of what is there now: appending
 * writes past its end or into a new buffer, so a view already handed to a
 * chart never changes under it, and nothing is copied per progress message.
 */
export class Series {
  private buffer = new Float64Array(256);
  private count = 0;

  get length(): number {
    return this.count;
  }

  append(values: ArrayLike<number>): void {
    const need = this.count + values.length;
    if (need > this.buffer.length) {
      let size = this.buffer.length;
      while (size < need) size *= 2;
      const grown = new Float64Array(size);
      grown.set(this.buffer.subarray(0, this.count));
      this.buffer = grown;
    }
    this.buffer.set(values, this.count);
    this.count = need;
  }

  values(): Float64Array {
    return this.buffer.subarray(0, this.count);
  }
}
