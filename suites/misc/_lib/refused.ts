/**
 * Which items of a list a runtime refuses, by halving: a group accepted as a
 * whole is not tried further, a refused one is split until single items are
 * left. With r refused items among n this takes about 2·r·log2(n) attempts
 * instead of n, which keeps a slow host (a VM in software emulation, ten
 * times slower) inside the case's timeout.
 */
export interface Refusal<T> {
  /** The items refused alone, each with what its attempt returned. */
  readonly refused: readonly { readonly item: string; readonly detail: T }[];
  /** Groups refused as a whole whose halves were each accepted: a combination refused, not any one item. */
  readonly combinations: readonly (readonly string[])[];
  /** How many attempts it took. */
  readonly attempts: number;
}

/** `attempt(group)` returns undefined when the group is accepted, else what to keep as evidence of the refusal. */
export async function findRefused<T>(items: readonly string[], attempt: (group: readonly string[]) => Promise<T | undefined>): Promise<Refusal<T>> {
  const refused: { item: string; detail: T }[] = [];
  const combinations: string[][] = [];
  let attempts = 0;
  const walk = async (group: readonly string[], known?: T): Promise<boolean> => {
    let detail = known;
    if (detail === undefined) {
      attempts++;
      detail = await attempt(group);
    }
    if (detail === undefined) return false;
    if (group.length === 1) {
      refused.push({ item: group[0]!, detail });
      return true;
    }
    const mid = Math.ceil(group.length / 2);
    const left = await walk(group.slice(0, mid));
    const right = await walk(group.slice(mid));
    if (!left && !right) combinations.push([...group]);
    return true;
  };
  if (items.length > 0) await walk(items);
  return { refused, combinations, attempts };
}
