/**
 * zos.devices (runtime-spec 1.1.0 and 1.2.0): major and minor are required
 * unless the type is p, and no two devices share type, major and minor.
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { asArray, at, isObject } from '../../json/values.js';
import { inVersionRange } from '../../../spec/versions.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';

const REQUIREMENTS = ['ZOS-DEVICE-MAJOR-MINOR-REQUIRED', 'ZOS-DEVICE-NO-DUPLICATE'] as const;

export default defineRule({
  id: 'platform.zos.devices',
  requirements: REQUIREMENTS,
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!inVersionRange(ctx.version, '1.1.0', '1.2.0', DEV_1_0_2)) return;
    const out: RuleFinding<(typeof REQUIREMENTS)[number]>[] = [];
    const seen = new Map<string, number>();
    asArray(at(doc, 'zos', 'devices')).forEach((d, i) => {
      if (!isObject(d) || typeof d.type !== 'string') return;
      if (d.type !== 'p') {
        for (const k of ['major', 'minor'])
          if (!(k in d))
            out.push({
              pointer: `/zos/devices/${i}/${k}`,
              requirement: 'ZOS-DEVICE-MAJOR-MINOR-REQUIRED',
              message: `device of type '${d.type}' has no ${k} number; only type p may leave major and minor out`,
              params: { type: d.type, property: k },
            });
      }
      if (typeof d.major !== 'number' || typeof d.minor !== 'number') return;
      const key = `${d.type} ${d.major}:${d.minor}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        out.push({
          pointer: `/zos/devices/${i}`,
          requirement: 'ZOS-DEVICE-NO-DUPLICATE',
          message: `device ${key} is listed again (first at index ${first}); each type, major and minor is used once`,
          params: { first, type: d.type, major: d.major, minor: d.minor },
        });
    });
    yield* out;
  },
});
