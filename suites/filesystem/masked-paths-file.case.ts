import { defineCase } from '../case.js';
import { putInRootfs } from './_lib/write.js';

/** A file listed in linux.maskedPaths reads as empty inside; the rootfs file keeps its content. */
export default defineCase({
  id: 'filesystem.masked-paths.file',
  title: 'a masked file reads as empty inside the container',
  requirements: ['LNX-MASKED-PATHS-APPLIED'],
  config: (c) => c.withMaskedPaths('/proc/kcore', '/etc/h8-secret').withScript('wc -c < /etc/h8-secret'),
  run: async (ctx) => {
    await putInRootfs(ctx.bundle, '/etc/h8-secret', 'h8-secret-content\n');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-MASKED-PATHS-APPLIED', 'bytes read from the masked /etc/h8-secret', '0', stdout.trim());
  },
});
