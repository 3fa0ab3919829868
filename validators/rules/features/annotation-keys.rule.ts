/** Features annotations follow config.json's annotation rules; an empty key is what a schema can't catch. */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';

export default defineRule({
  id: 'features.annotation-keys',
  requirements: ['FEAT-ANNOTATIONS-FORMAT'],
  appliesTo: ['features'],
  *check(doc) {
    const a = prop(doc, 'annotations');
    if (!isObject(a) || !Object.prototype.hasOwnProperty.call(a, '')) return;
    yield {
      pointer: '/annotations/',
      at: 'key',
      message: 'an annotation key is the empty string; annotation keys are non-empty strings',
      params: {},
    };
  },
});
