import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { attempt, defineCase, HOLD, readMountinfo } from '../case.js';

/**
 * /sys in the rootfs is a symlink (to tmp/h8-sys-target, inside the rootfs). A
 * runtime that mounts sysfs through it puts the filesystem somewhere the
 * config did not say. It must refuse, or mount sysfs at /sys itself.
 */
export default defineCase({
  id: 'filesystem.sys-symlink',
  title: 'a /sys symlink in the rootfs is refused, never followed for the sysfs mount',
  requirements: ['CFG-MOUNT-APPLIED', 'RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', 'LNX-DEFAULT-FILESYSTEMS'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD),
  run: async (ctx) => {
    const rootfs = join(ctx.bundle, 'rootfs');
    await rm(join(rootfs, 'sys'), { recursive: true, force: true });
    await mkdir(join(rootfs, 'tmp', 'h8-sys-target'), { recursive: true });
    await symlink('tmp/h8-sys-target', join(rootfs, 'sys'));
    const pidFile = join(ctx.workDir, 'sys-symlink.pid');
    const a = await attempt(ctx.runtime, ctx, pidFile);
    if (a.failedAt) {
      ctx.note(`the runtime refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
      return;
    }
    const mounts = await readMountinfo(await ctx.pid());
    const followed = mounts.filter((m) => m.fstype === 'sysfs' && m.mountPoint === '/tmp/h8-sys-target');
    ctx.expectEqual('CFG-MOUNT-APPLIED', 'sysfs mounts at the symlink target /tmp/h8-sys-target', 0, followed.length);
  },
});
