import { defineCase } from '../case.js';

/** A char device of linux.devices exists at its path with its major:minor, file mode and owner. */
export default defineCase({
  id: 'filesystem.devices.char',
  title: 'a linux.devices character device is created with its numbers, mode and owner',
  requirements: ['LNX-DEVICES-AVAILABLE'],
  // creating a device node (mknod) takes CAP_MKNOD in the initial user namespace: a rootless runtime can only bind host nodes
  needs: ['root'],
  config: (c) =>
    c
      .withDevice({ path: '/dev/h8-null', type: 'c', major: 1, minor: 3, fileMode: 0o640, uid: 1000, gid: 1001 })
      .withScript("stat -c '%F %t:%T %a %u:%g' /dev/h8-null"),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-DEVICES-AVAILABLE', 'type, major:minor (hex), mode and owner of /dev/h8-null', 'character special file 1:3 640 1000:1001\n', stdout);
  },
});
