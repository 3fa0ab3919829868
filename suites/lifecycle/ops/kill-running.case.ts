import { defineCase } from '../../case.js';
import { startUp, UP } from '../../_lib/lifecycle.js';
import { expectKilled } from '../_lib/ops.js';

/** `kill <id> KILL` of a running container ends its process; the container is then stopped. */
export default defineCase({
  id: 'lifecycle.ops.kill.running',
  title: 'kill SIGKILL of a running container ends its process and the container is stopped',
  requirements: ['RT-KILL-SENDS-SIGNAL', 'RT-STATE-STATUS-VALUES'],
  config: (c) => c.withScript(UP),
  run: async (ctx) => {
    await startUp(ctx);
    await expectKilled(ctx, 'state.status after kill');
  },
});
