/** hooks lists hook names config.json knows; another name cannot be used in a config, so it is worth a look. */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import { asArray, prop } from '../../json/values.js';
import { HOOK_NAMES } from './names.js';

export default defineRule({
  id: 'features.hook-names',
  requirements: ['FEAT-HOOKS-SUPPORTED'],
  appliesTo: ['features'],
  *check(doc) {
    const out: InheritedFinding[] = [];
    asArray(prop(doc, 'hooks')).forEach((h, i) => {
      if (typeof h !== 'string' || HOOK_NAMES.includes(h)) return;
      out.push({
        level: 'INFO',
        pointer: `/hooks/${i}`,
        message: `hook name ${JSON.stringify(h)} is none of the hooks config.json defines (${HOOK_NAMES.join(', ')})`,
        params: { value: h },
      });
    });
    yield* out;
  },
});
