/**
 * Code-unit order, not localeCompare: ids must sort the same on every machine and locale,
 * or a "total order" would differ between the API replicas.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
