/**
 * Environment entries (process.env and every hook's env) follow POSIX environ:
 * NAME=value, with a non-empty NAME that has no '='. Anything else is an
 * invalid value a runtime has to refuse.
 */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { asArray, isObject, prop } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';

function* entries(env: JsonValue | undefined, base: string): Generator<InheritedFinding> {
  const list = asArray(env);
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (typeof e !== 'string') continue;
    const eq = e.indexOf('=');
    if (eq > 0) continue;
    yield {
      pointer: `${base}/${i}`,
      message:
        eq === 0
          ? `environment entry ${JSON.stringify(e)} has an empty name; entries are NAME=value`
          : `environment entry ${JSON.stringify(e)} has no '='; entries are NAME=value`,
      params: { value: e },
    };
  }
}

export default defineRule({
  id: 'config.env.key-value',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    yield* entries(prop(prop(doc, 'process'), 'env'), '/process/env');
    const hooks = prop(doc, 'hooks');
    if (!isObject(hooks)) return;
    for (const [kind, list] of Object.entries(hooks)) {
      const items = asArray(list);
      for (let i = 0; i < items.length; i++) yield* entries(prop(items[i], 'env'), `/hooks/${escapePointerToken(kind)}/${i}/env`);
    }
  },
});
