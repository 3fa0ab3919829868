import { defineCase } from '../case.js';

/**
 * /proc/sys in linux.readonlyPaths refuses writes: setting the container's
 * own host name through /proc/sys/kernel/hostname fails (it would only touch
 * the container's uts namespace if it didn't). The process holds
 * CAP_SYS_ADMIN, so only the read-only mount can be what refuses it.
 */
const CAPS = ['CAP_KILL', 'CAP_SYS_ADMIN'];

export default defineCase({
  id: 'filesystem.readonly-paths.proc-sys',
  title: 'a read-only /proc/sys refuses writes',
  requirements: ['LNX-READONLY-PATHS-APPLIED'],
  config: (c) =>
    c
      .withCapabilities({ bounding: CAPS, effective: CAPS, permitted: CAPS })
      .withReadonlyPaths('/proc/sys')
      .withScript('if echo h8-changed > /proc/sys/kernel/hostname 2>/dev/null; then echo wrote; else echo refused; fi; hostname'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-READONLY-PATHS-APPLIED', 'writing /proc/sys/kernel/hostname, then `hostname`', 'refused\noci-conform\n', stdout);
  },
});
