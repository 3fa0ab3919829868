/** Every hook's path is absolute (the host's path for all but startContainer, which resolves in the container). */
import { defineRule } from '../rule.js';
import { asArray, asString, isObject, prop } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';

export default defineRule({
  id: 'config.hooks.path-absolute',
  requirements: ['CFG-HOOK-PATH-ABSOLUTE'],
  appliesTo: ['config'],
  *check(doc) {
    const hooks = prop(doc, 'hooks');
    if (!isObject(hooks)) return;
    for (const [kind, list] of Object.entries(hooks)) {
      const items = asArray(list);
      for (let i = 0; i < items.length; i++) {
        const path = asString(prop(items[i], 'path'));
        if (path === undefined || path.startsWith('/')) continue;
        yield {
          pointer: `/hooks/${escapePointerToken(kind)}/${i}/path`,
          message: `${kind} hook path ${JSON.stringify(path)} is not absolute; hooks are not looked up in PATH`,
          params: { value: path },
        };
      }
    }
  },
});
