import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCase } from '../case.js';
import { chargeable } from '../_lib/requirements.js';

/** A bind mount with 'ro' can be read but not written; the host file keeps its content. */
export default defineCase({
  id: 'filesystem.mounts.bind-ro',
  title: "a bind mount with 'ro' is read-only inside and the host file is untouched",
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-RO'],
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-RO', 'CFG-MOUNT-OPTIONS-APPLIED');
    const src = join(ctx.workDir, 'bind-ro-src');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'marker'), 'original\n');
    const c = await ctx.another('bindro', (b) =>
      b
        .withMount({ destination: '/mnt/h8-bind-ro', type: 'bind', source: src, options: ['bind', 'ro'] })
        .withScript('cat /mnt/h8-bind-ro/marker; if echo changed > /mnt/h8-bind-ro/marker 2>/dev/null; then echo wrote; else echo refused; fi'),
    );
    const { stdout } = await c.runToExit();
    ctx.expectEqual(req, 'reading, then writing the read-only bind mount inside', 'original\nrefused\n', stdout);
    ctx.expectEqual(req, 'the host file after the run', 'original\n', await readFile(join(src, 'marker'), 'utf8'));
  },
});
