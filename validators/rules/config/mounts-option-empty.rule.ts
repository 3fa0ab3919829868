/** A mount option is a non-empty word: an empty string is no option any runtime can apply. */
import { defineRule } from '../rule.js';
import { asArray, prop } from '../../json/values.js';

export default defineRule({
  id: 'config.mounts.option-empty',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const mounts = asArray(prop(doc, 'mounts'));
    for (let i = 0; i < mounts.length; i++) {
      const options = asArray(prop(mounts[i], 'options'));
      for (let k = 0; k < options.length; k++)
        if (typeof options[k] === 'string' && (options[k] as string).trim() === '')
          yield {
            pointer: `/mounts/${i}/options/${k}`,
            message: `mount ${i} has an empty option string; remove it`,
          };
    }
  },
});
