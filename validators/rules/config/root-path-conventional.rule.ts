/** On POSIX platforms root.path should be the conventional 'rootfs'. */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { isWindows } from './platform.js';

export default defineRule({
  id: 'config.root.path-conventional',
  requirements: ['CFG-ROOT-PATH-CONVENTIONAL'],
  appliesTo: ['config'],
  *check(doc) {
    const path = asString(at(doc, 'root', 'path'));
    if (path === undefined || isWindows(doc) || path === 'rootfs') return;
    yield {
      pointer: '/root/path',
      message: `root.path is ${JSON.stringify(path)}; the conventional value is "rootfs" (a directory beside config.json)`,
      params: { value: path },
    };
  },
});
