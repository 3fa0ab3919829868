/** A config without process can be created but not started: a hint, since start may come from elsewhere. */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';

export default defineRule({
  id: 'config.process.missing',
  requirements: ['CFG-PROCESS-REQUIRED-AT-START'],
  appliesTo: ['config'],
  *check(doc) {
    if (!isObject(doc) || prop(doc, 'process') !== undefined) return;
    yield {
      level: 'INFO',
      pointer: '',
      message: "no 'process': a runtime can create this container but must refuse to start it",
    };
  },
});
