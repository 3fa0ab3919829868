/**
 * compare(expected, observed): the differences between what a config asked for
 * and what the host shows, as {path, expected, actual} triples (runtime-tools'
 * style). Only keys present in `expected` are compared, so a reader may return
 * more than a case asked about. Numbers compare exactly; arrays by position.
 */
export interface Difference {
  /** Dotted path into the expected value, e.g. 'memory.limit' or 'cpus[0]'. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export function compare(expected: unknown, observed: unknown, path = ''): Difference[] {
  if (expected === undefined) return [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(observed)) return [{ path: path || '.', expected, actual: observed }];
    const out: Difference[] = [];
    if (observed.length !== expected.length) out.push({ path: `${path}.length`, expected: expected.length, actual: observed.length });
    expected.forEach((e, i) => out.push(...compare(e, observed[i], `${path}[${i}]`)));
    return out;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof observed !== 'object' || observed === null || Array.isArray(observed)) return [{ path: path || '.', expected, actual: observed }];
    const out: Difference[] = [];
    for (const [k, v] of Object.entries(expected)) {
      out.push(...compare(v, (observed as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
    }
    return out;
  }
  return Object.is(expected, observed) || expected === observed ? [] : [{ path: path || '.', expected, actual: observed }];
}
