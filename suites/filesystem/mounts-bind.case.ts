import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCase } from '../case.js';

/** A bind mount shows the host directory (here one of this case) at its destination. */
export default defineCase({
  id: 'filesystem.mounts.bind',
  title: 'a bind mount shows the source directory at its destination',
  requirements: ['CFG-MOUNT-APPLIED'],
  run: async (ctx) => {
    const src = join(ctx.workDir, 'bind-src');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'marker'), 'h8-bind-marker\n');
    const c = await ctx.another('bind', (b) =>
      b.withMount({ destination: '/mnt/h8-bind', type: 'bind', source: src, options: ['bind'] }).withScript('cat /mnt/h8-bind/marker'),
    );
    const { stdout } = await c.runToExit();
    ctx.expectEqual('CFG-MOUNT-APPLIED', 'cat /mnt/h8-bind/marker inside', 'h8-bind-marker\n', stdout);
  },
});
