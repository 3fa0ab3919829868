/**
 * Which cases a run executes: --only / --skip globs over case ids, then
 * --shard k/n over the sorted remainder (stable: the same case always lands
 * in the same shard for the same case set).
 */
import type { LoadedCase } from './execute.js';

/** Glob over dotted ids: `*` matches within one segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^.]*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** A glob without wildcards also matches every id below it ('linux.cgroups' selects 'linux.cgroups.pids.limit'). */
export function matchesAny(id: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(id) || (!/[*?]/.test(g) && id.startsWith(`${g}.`)));
}

export interface Shard {
  readonly index: number;
  readonly total: number;
}

export function parseShard(s: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return total >= 1 && index >= 1 && index <= total ? { index, total } : undefined;
}

export function selectCases(all: readonly LoadedCase[], o: { only?: readonly string[]; skip?: readonly string[]; shard?: Shard }): LoadedCase[] {
  let out = [...all].sort((a, b) => (a.definition.id < b.definition.id ? -1 : a.definition.id > b.definition.id ? 1 : 0));
  if (o.only && o.only.length > 0) out = out.filter((c) => matchesAny(c.definition.id, o.only!));
  if (o.skip && o.skip.length > 0) out = out.filter((c) => !matchesAny(c.definition.id, o.skip!));
  if (o.shard) out = out.filter((_, i) => i % o.shard!.total === o.shard!.index - 1);
  return out;
}
