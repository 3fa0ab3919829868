/**
 * zos.namespaces (runtime-spec 1.2.1 and later): a path is absolute, and no
 * type appears twice (the runtime would have to refuse the config).
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { asArray, at, isObject } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';

const REQUIREMENTS = ['ZOS-NAMESPACE-PATH-ABSOLUTE', 'ZOS-NAMESPACE-DUPLICATE-ERROR'] as const;

export default defineRule({
  id: 'platform.zos.namespaces',
  requirements: REQUIREMENTS,
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (compareVersions(ctx.version, '1.2.1') < 0) return;
    const out: RuleFinding<(typeof REQUIREMENTS)[number]>[] = [];
    const seen = new Map<string, number>();
    asArray(at(doc, 'zos', 'namespaces')).forEach((ns, i) => {
      if (!isObject(ns)) return;
      if (typeof ns.path === 'string' && !ns.path.startsWith('/'))
        out.push({
          pointer: `/zos/namespaces/${i}/path`,
          requirement: 'ZOS-NAMESPACE-PATH-ABSOLUTE',
          message: `namespace path ${JSON.stringify(ns.path)} is not absolute; it is resolved in the runtime mount namespace`,
          params: { value: ns.path },
        });
      if (typeof ns.type !== 'string') return;
      const first = seen.get(ns.type);
      if (first === undefined) seen.set(ns.type, i);
      else
        out.push({
          pointer: `/zos/namespaces/${i}/type`,
          requirement: 'ZOS-NAMESPACE-DUPLICATE-ERROR',
          message: `namespace type '${ns.type}' appears again (first at index ${first}); a runtime refuses duplicate types`,
          params: { type: ns.type, first },
        });
    });
    yield* out;
  },
});
