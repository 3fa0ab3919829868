/** process.cwd is an absolute path (a drive path on Windows). */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { isPosixAbsolute, isWindows, isWindowsAbsolute } from './platform.js';

export default defineRule({
  id: 'config.process.cwd-absolute',
  requirements: ['CFG-PROCESS-CWD-ABSOLUTE'],
  appliesTo: ['config'],
  *check(doc) {
    const cwd = asString(at(doc, 'process', 'cwd'));
    if (cwd === undefined) return;
    const windows = isWindows(doc);
    if (windows ? isWindowsAbsolute(cwd) : isPosixAbsolute(cwd)) return;
    yield {
      pointer: '/process/cwd',
      message: `process.cwd ${JSON.stringify(cwd)} is not an absolute path${windows ? ' (e.g. C:\\dir)' : ' (it must start with /)'}`,
      params: { value: cwd },
    };
  },
});
