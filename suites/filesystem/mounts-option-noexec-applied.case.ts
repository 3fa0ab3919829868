import { defineCase } from '../case.js';

/** On a noexec mount a program cannot be run, though the same program runs from the rootfs. */
export default defineCase({
  id: 'filesystem.mounts.option.noexec-applied',
  title: 'a program on a noexec mount cannot be executed',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  needs: ['root'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-noexec', type: 'tmpfs', source: 'tmpfs', options: ['noexec', 'size=4m'] })
      .withScript('cp /bin/busybox /mnt/h8-noexec/bb && if /mnt/h8-noexec/bb true 2>/dev/null; then echo ran; else echo refused; fi'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-MOUNT-OPTIONS-APPLIED', 'running a copy of busybox from the noexec mount', 'refused\n', stdout);
  },
});
