/** On Windows root.path is a volume GUID path: \\?\Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}\ */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { isWindows } from './platform.js';

const VOLUME_GUID = /^\\\\\?\\Volume\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}\\$/;

export default defineRule({
  id: 'config.root.windows-volume-path',
  requirements: ['CFG-ROOT-PATH-WINDOWS-VOLUME'],
  appliesTo: ['config'],
  *check(doc) {
    const path = asString(at(doc, 'root', 'path'));
    if (path === undefined || !isWindows(doc) || VOLUME_GUID.test(path)) return;
    yield {
      pointer: '/root/path',
      message: `root.path ${JSON.stringify(path)} is not a volume GUID path (\\\\?\\Volume{GUID}\\), which Windows requires`,
      params: { value: path },
    };
  },
});
