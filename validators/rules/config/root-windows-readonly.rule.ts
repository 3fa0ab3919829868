/** On Windows root.readonly must be left out or false. */
import { defineRule } from '../rule.js';
import { at } from '../../json/values.js';
import { isWindows } from './platform.js';

export default defineRule({
  id: 'config.root.windows-readonly',
  requirements: ['CFG-ROOT-READONLY-WINDOWS'],
  appliesTo: ['config'],
  *check(doc) {
    if (!isWindows(doc) || at(doc, 'root', 'readonly') !== true) return;
    yield {
      pointer: '/root/readonly',
      message: 'root.readonly is true, but on Windows it must be left out or false',
    };
  },
});
