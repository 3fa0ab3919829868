import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

/** root.readonly true: the program cannot create a file in / and the root mount is read-only. */
export default defineCase({
  id: 'filesystem.root.readonly',
  title: 'root.readonly makes the root filesystem read-only inside the container',
  requirements: ['CFG-ROOT-READONLY-ENFORCED'],
  config: (c) => c.withRootReadonly(true).withScript(`if touch /h8-probe 2>/dev/null; then echo wrote; else echo refused; fi; ${HOLD}`),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    ctx.expectEqual('CFG-ROOT-READONLY-ENFORCED', 'creating /h8-probe inside', 'refused\nready\n', await ctx.readStdout());
    const root = await containerMount(pid, '/');
    ctx.expect('CFG-ROOT-READONLY-ENFORCED', !!root?.options.includes('ro'), { message: 'the root mount of the container is not read-only', expected: 'ro', actual: root?.options });
  },
});
