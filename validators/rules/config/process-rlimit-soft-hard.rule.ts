/**
 * soft above hard can't be set (setrlimit fails with EINVAL), so the process
 * could never have the configured soft limit. Compared from the source digits,
 * because both may exceed 2^53.
 */
import { defineRule } from '../rule.js';
import { asArray, at, prop } from '../../json/values.js';
import { exactInteger } from '../json/integer-range.rule.js';

function exact(v: unknown, raw: string | undefined): bigint | undefined {
  if (typeof v !== 'number') return undefined;
  if (raw !== undefined) return exactInteger(raw);
  return Number.isInteger(v) ? BigInt(v) : undefined;
}

export default defineRule({
  id: 'config.process.rlimit-soft-above-hard',
  requirements: ['CFG-RLIMIT-SOFT-MATCH'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const raws = new Map(ctx.parsed.bigNumbers.map((b) => [b.pointer, b.raw]));
    const list = asArray(at(doc, 'process', 'rlimits'));
    for (let i = 0; i < list.length; i++) {
      const soft = exact(prop(list[i], 'soft'), raws.get(`/process/rlimits/${i}/soft`));
      const hard = exact(prop(list[i], 'hard'), raws.get(`/process/rlimits/${i}/hard`));
      if (soft === undefined || hard === undefined || soft <= hard) continue;
      yield {
        pointer: `/process/rlimits/${i}/soft`,
        message: `soft limit ${soft} is above the hard limit ${hard}; the kernel refuses such a pair, so the runtime can't apply it`,
        params: { soft: String(soft), hard: String(hard) },
      };
    }
  },
});
