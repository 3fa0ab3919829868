/** On POSIX platforms process.user has uid and gid (a Windows user may have just a username). */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';
import { isWindows } from './platform.js';

export default defineRule({
  id: 'config.process.user-ids',
  requirements: ['CFG-USER-UID-REQUIRED', 'CFG-USER-GID-REQUIRED'],
  appliesTo: ['config'],
  *check(doc) {
    const user = prop(prop(doc, 'process'), 'user');
    if (!isObject(user) || isWindows(doc)) return;
    for (const [k, requirement] of [
      ['uid', 'CFG-USER-UID-REQUIRED'],
      ['gid', 'CFG-USER-GID-REQUIRED'],
    ] as const)
      if (!(k in user)) yield { pointer: `/process/user/${k}`, requirement, message: `required property '${k}' is missing from process.user` };
  },
});
