/**
 * Capability names come from capabilities(7). Up to 1.0.2 an unknown one is
 * an error the runtime must raise; from 1.1.0 the runtime only logs a warning
 * and goes on, so it is reported as a warning.
 */
import { defineRule } from '../rule.js';
import { asArray, at, isObject } from '../../json/values.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';
import { inForce, isLinux } from './platform.js';
import { LINUX_CAPABILITIES } from './linux-names.js';
import { nearest } from '../json/did-you-mean.rule.js';

const KNOWN = new Set(LINUX_CAPABILITIES);
const SETS = ['effective', 'bounding', 'inheritable', 'permitted', 'ambient'];

export default defineRule({
  id: 'config.process.capability-known',
  requirements: ['CFG-CAPABILITIES-UNMAPPABLE-ERROR', 'CFG-CAPABILITIES-UNMAPPABLE-WARN'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const caps = at(doc, 'process', 'capabilities');
    if (!isObject(caps) || !isLinux(doc)) return;
    const warnOnly = inForce(ctx, '1.1.0', undefined, DEV_1_0_2); // #1094, under 1.0.2-dev
    for (const set of SETS) {
      const list = asArray(caps[set]);
      for (let i = 0; i < list.length; i++) {
        const name = list[i];
        if (typeof name !== 'string' || KNOWN.has(name)) continue;
        const guess = nearest(name.toUpperCase().startsWith('CAP_') ? name : `CAP_${name}`, LINUX_CAPABILITIES);
        yield {
          pointer: `/process/capabilities/${set}/${i}`,
          requirement: warnOnly ? 'CFG-CAPABILITIES-UNMAPPABLE-WARN' : 'CFG-CAPABILITIES-UNMAPPABLE-ERROR',
          ...(warnOnly ? { level: 'SHOULD' as const } : {}),
          message: `${JSON.stringify(name)} is not a Linux capability${guess ? ` (did you mean ${guess}?)` : ''}; ${warnOnly ? 'a runtime warns and skips it' : 'a runtime must refuse it'}`,
          params: { value: name, ...(guess ? { suggestion: guess } : {}) },
        };
      }
    }
  },
});
