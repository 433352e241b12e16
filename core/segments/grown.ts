/**
 * A copy of a typed array at a larger `size` (the columns the engine keeps grow by half when full); the new
 * entries are `fill`.
 */
export function grown<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(array: T, size: number, fill = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}
