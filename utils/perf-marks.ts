/**
 * Performance marks the benchmarks read to say where time goes (`npm run bench`:
 * the background's cold start, the popup's open). Each is set once per page or
 * worker, so none accumulates over a long session.
 */
const marked = new Set<string>();

/** Sets the mark `name` the first time it is reached in this page or worker. */
export function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}
