/**
 * supportedFlags are the flags a runtime both recognises and applies, so each
 * one is also among knownFlags (when both lists are given).
 */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { at } from '../../json/values.js';

export default defineRule({
  id: 'features.supported-flags-known',
  requirements: ['FEATL-SECCOMP-SUPPORTED-FLAGS-SUPPORTED'],
  appliesTo: ['features'],
  *check(doc) {
    const known = at(doc, 'linux', 'seccomp', 'knownFlags');
    const supported = at(doc, 'linux', 'seccomp', 'supportedFlags');
    if (!Array.isArray(known) || !Array.isArray(supported)) return;
    const out: InheritedFinding[] = [];
    supported.forEach((f, i) => {
      if (typeof f !== 'string' || known.includes(f)) return;
      out.push({
        pointer: `/linux/seccomp/supportedFlags/${i}`,
        message: `supported seccomp flag ${JSON.stringify(f)} is missing from knownFlags; a flag the runtime supports is one it recognises`,
        params: { value: f },
      });
    });
    yield* out;
  },
});
