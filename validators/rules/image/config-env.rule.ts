/** config.Env entries have the form NAME=value, with a non-empty name (config.md). */
import { defineRule } from '../rule.js';
import { asArray, at } from '../../json/values.js';

export default defineRule({
  id: 'config.env',
  requirements: ['IMG-CONFIG-PROPERTY-FORM'],
  appliesTo: ['image-config'],
  *check(doc) {
    const env = asArray(at(doc, 'config', 'Env'));
    for (let i = 0; i < env.length; i++) {
      const e = env[i];
      if (typeof e !== 'string') continue;
      const eq = e.indexOf('=');
      if (eq > 0) continue;
      yield {
        pointer: `/config/Env/${i}`,
        message: eq < 0 ? `${JSON.stringify(e)} has no '=': entries are VARNAME=VARVALUE` : `${JSON.stringify(e)} has an empty variable name`,
        params: { entry: e },
      };
    }
  },
});
