/**
 * Whether root must be there depends on the platform: required everywhere but
 * Windows; on Windows required for a Windows Server container and forbidden for
 * a Hyper-V one (windows.hyperv set). A schema can't see the platform.
 */
import { defineRule } from '../rule.js';
import { at, isObject, prop } from '../../json/values.js';
import { isWindows } from './platform.js';

export default defineRule({
  id: 'config.root.required',
  requirements: ['CFG-ROOT-REQUIRED', 'CFG-ROOT-WINDOWS-SERVER-REQUIRED', 'CFG-ROOT-HYPERV-ABSENT'],
  appliesTo: ['config'],
  *check(doc) {
    if (!isObject(doc)) return;
    const has = prop(doc, 'root') !== undefined;
    if (!isWindows(doc)) {
      if (!has)
        yield { pointer: '/root', requirement: 'CFG-ROOT-REQUIRED', message: "required property 'root' is missing (only Windows configs may leave it out)" };
      return;
    }
    const hyperv = at(doc, 'windows', 'hyperv') !== undefined;
    if (hyperv && has)
      yield {
        pointer: '/root',
        at: 'key',
        requirement: 'CFG-ROOT-HYPERV-ABSENT',
        message: "root must not be set for a Hyper-V container (windows.hyperv is set); the utility VM provides the root filesystem",
      };
    if (!hyperv && !has)
      yield {
        pointer: '/root',
        requirement: 'CFG-ROOT-WINDOWS-SERVER-REQUIRED',
        message: "required property 'root' is missing: a Windows Server container (no windows.hyperv) needs one",
      };
  },
});
