/**
 * closID names the resctrl sub-directory that receives the container's tasks
 * (LNX-RDT-TASKS): one directory name, or '/' for the root group from 1.3.0.
 */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';

export default defineRule({
  id: 'linux.intel-rdt.clos-id',
  requirements: ['LNX-RDT-TASKS'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const id = asString(at(doc, 'linux', 'intelRdt', 'closID'));
    if (id === undefined) return;
    if (id === '/' && compareVersions(ctx.version, '1.3.0') >= 0) return;
    if (id !== '' && id !== '.' && id !== '..' && !id.includes('/') && !/[\s\0]/.test(id)) return;
    yield {
      pointer: '/linux/intelRdt/closID',
      message: `closID '${id}' is not a single resctrl directory name${compareVersions(ctx.version, '1.3.0') >= 0 ? " (or '/' for the default group)" : ''}`,
      params: { closID: id },
    };
  },
});
