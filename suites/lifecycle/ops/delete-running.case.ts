import { defineCase } from '../../case.js';
import { startUp, UP } from '../../_lib/lifecycle.js';
import { expectRefusedDelete } from '../_lib/ops.js';

/** `delete` (without force) of a running container must fail; it keeps running with the same process. */
export default defineCase({
  id: 'lifecycle.ops.delete.running',
  title: 'delete of a running container fails and has no effect on it',
  requirements: ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'],
  config: (c) => c.withScript(UP),
  run: async (ctx) => {
    await startUp(ctx);
    await expectRefusedDelete(ctx, 'running');
  },
});
