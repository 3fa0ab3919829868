import { defineCase } from '../case.js';

/** A fifo of linux.devices (type p, no numbers) exists at its path. */
export default defineCase({
  id: 'filesystem.devices.fifo',
  title: 'a linux.devices fifo is created at its path',
  requirements: ['LNX-DEVICES-AVAILABLE'],
  // creating a device node (mknod) takes CAP_MKNOD in the initial user namespace: a rootless runtime can only bind host nodes
  needs: ['root'],
  config: (c) => c.withDevice({ path: '/dev/h8-fifo', type: 'p', fileMode: 0o600 }).withScript("stat -c '%F %a' /dev/h8-fifo"),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-DEVICES-AVAILABLE', 'type and mode of /dev/h8-fifo', 'fifo 600\n', stdout);
  },
});
