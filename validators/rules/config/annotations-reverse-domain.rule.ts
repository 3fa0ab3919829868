/** Annotation keys should read as reverse domain names: com.example.key. */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';

/** Two DNS labels and then a name: com.example.key, io.kubernetes.cri.sandbox-id. */
const REVERSE_DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.[^.].*$/;

export default defineRule({
  id: 'config.annotations.reverse-domain',
  requirements: ['CFG-ANNOTATIONS-KEY-REVERSE-DOMAIN'],
  appliesTo: ['config'],
  *check(doc) {
    const a = prop(doc, 'annotations');
    if (!isObject(a)) return;
    for (const key of Object.keys(a)) {
      if (key === '' || REVERSE_DOMAIN.test(key)) continue;
      yield {
        pointer: `/annotations/${escapePointerToken(key)}`,
        at: 'key',
        message: `annotation key ${JSON.stringify(key)} is not in reverse domain notation (e.g. com.example.${key.replace(/[^A-Za-z0-9-]/g, '') || 'key'})`,
        params: { key },
      };
    }
  },
});
