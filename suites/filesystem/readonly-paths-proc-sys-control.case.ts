import { defineCase } from '../case.js';

const CAPS = ['CAP_KILL', 'CAP_SYS_ADMIN'];

/**
 * The control for filesystem.readonly-paths.proc-sys: without /proc/sys in
 * readonlyPaths the same write succeeds, so that case's refusal comes from
 * the read-only path and not from missing privilege.
 */
export default defineCase({
  id: 'filesystem.readonly-paths.proc-sys-control',
  title: 'without readonlyPaths, /proc/sys/kernel/hostname is writable by a CAP_SYS_ADMIN process in its own uts namespace',
  requirements: ['RT-CREATE-APPLY-CONFIG'],
  // /proc/sys/kernel/* files belong to the initial user namespace's root: writable only when container root is host root
  needs: ['root'],
  config: (c) =>
    c
      .withCapabilities({ bounding: CAPS, effective: CAPS, permitted: CAPS })
      .withReadonlyPaths()
      .withScript('if echo h8-changed > /proc/sys/kernel/hostname 2>/dev/null; then echo wrote; else echo refused; fi; hostname'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RT-CREATE-APPLY-CONFIG', 'writing /proc/sys/kernel/hostname, then `hostname`', 'wrote\nh8-changed\n', stdout);
  },
});
