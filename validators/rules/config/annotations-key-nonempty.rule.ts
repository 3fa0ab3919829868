/** No annotation key may be the empty string. */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';

export default defineRule({
  id: 'config.annotations.key-nonempty',
  requirements: ['CFG-ANNOTATIONS-KEY-NONEMPTY'],
  appliesTo: ['config'],
  *check(doc) {
    const a = prop(doc, 'annotations');
    if (!isObject(a) || !Object.prototype.hasOwnProperty.call(a, '')) return;
    yield { pointer: '/annotations/', at: 'key', message: 'an annotation key is the empty string; give it a name such as com.example.key' };
  },
});
