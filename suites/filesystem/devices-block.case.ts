import { defineCase } from '../case.js';

/** A block device of linux.devices exists at its path with its major:minor (the device cgroup still denies using it). */
export default defineCase({
  id: 'filesystem.devices.block',
  title: 'a linux.devices block device is created with its numbers and mode',
  requirements: ['LNX-DEVICES-AVAILABLE'],
  // creating a device node (mknod) takes CAP_MKNOD in the initial user namespace: a rootless runtime can only bind host nodes
  needs: ['root'],
  config: (c) =>
    c.withDevice({ path: '/dev/h8-loop', type: 'b', major: 7, minor: 200, fileMode: 0o600, uid: 0, gid: 0 }).withScript("stat -c '%F %t:%T %a' /dev/h8-loop"),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-DEVICES-AVAILABLE', 'type, major:minor (hex) and mode of /dev/h8-loop', 'block special file 7:c8 600\n', stdout);
  },
});
