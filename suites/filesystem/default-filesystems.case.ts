import { defineCase, HOLD, mountAt, readMountinfo, startHeld } from '../case.js';

const EXPECTED: Readonly<Record<string, string>> = { '/proc': 'proc', '/sys': 'sysfs', '/dev/pts': 'devpts', '/dev/shm': 'tmpfs' };

/** With the usual mounts in the config, the container sees proc, sysfs, devpts and tmpfs where they belong. */
export default defineCase({
  id: 'filesystem.default-filesystems',
  title: 'proc at /proc, sysfs at /sys, devpts at /dev/pts and tmpfs at /dev/shm',
  requirements: ['LNX-DEFAULT-FILESYSTEMS'],
  config: (c) => c.withScript(HOLD),
  run: async (ctx) => {
    const mounts = await readMountinfo(await startHeld(ctx));
    for (const [point, fstype] of Object.entries(EXPECTED)) {
      ctx.expectEqual('LNX-DEFAULT-FILESYSTEMS', `filesystem type at ${point}`, fstype, mountAt(mounts, point)?.fstype);
    }
  },
});
