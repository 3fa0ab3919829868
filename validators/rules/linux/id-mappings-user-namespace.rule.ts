/**
 * uidMappings/gidMappings are the mappings of the container's user namespace;
 * without a user namespace entry there is nothing to apply them to, which
 * makes them a value runtimes must refuse (CFG-VALID-VALUES-ERROR; runc does).
 * The text says so in no sentence of its own, so the finding is lowered to SHOULD.
 */
import { defineRule } from '../rule.js';
import { asString, at, prop } from '../../json/values.js';
import { entries } from './util.js';

export default defineRule({
  id: 'linux.id-mappings.user-namespace',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const hasUserns = entries(doc, 'linux', 'namespaces').some(([, ns]) => asString(prop(ns, 'type')) === 'user');
    if (hasUserns) return;
    for (const key of ['uidMappings', 'gidMappings']) {
      const m = at(doc, 'linux', key);
      if (!Array.isArray(m) || m.length === 0) continue;
      yield {
        level: 'SHOULD',
        pointer: `/linux/${key}`,
        at: 'key',
        message: `${key} is set but linux.namespaces has no 'user' entry: the mappings belong to a user namespace, add {"type": "user"}`,
        params: { property: key },
      };
    }
  },
});
