import { defineCase } from '../case.js';
import { putInRootfs } from './_lib/write.js';

/** A directory listed in linux.maskedPaths shows no entries inside. */
export default defineCase({
  id: 'filesystem.masked-paths.directory',
  title: 'a masked directory is empty inside the container',
  requirements: ['LNX-MASKED-PATHS-APPLIED'],
  config: (c) => c.withMaskedPaths('/etc/h8-secret-dir').withScript('ls -A /etc/h8-secret-dir; echo end'),
  run: async (ctx) => {
    await putInRootfs(ctx.bundle, '/etc/h8-secret-dir/inner', 'h8\n');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-MASKED-PATHS-APPLIED', 'ls -A of the masked /etc/h8-secret-dir', 'end\n', stdout);
  },
});
