import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { attempt, defineCase, HOLD, readMountinfo } from '../case.js';

/**
 * /proc in the rootfs is a symlink (to tmp/h8-proc-target, inside the rootfs). A
 * runtime that mounts proc through it puts the filesystem somewhere the
 * config did not say. It must refuse, or mount proc at /proc itself.
 */
export default defineCase({
  id: 'filesystem.proc-symlink',
  title: 'a /proc symlink in the rootfs is refused, never followed for the proc mount',
  requirements: ['CFG-MOUNT-APPLIED', 'RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', 'LNX-DEFAULT-FILESYSTEMS'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD),
  run: async (ctx) => {
    const rootfs = join(ctx.bundle, 'rootfs');
    await rm(join(rootfs, 'proc'), { recursive: true, force: true });
    await mkdir(join(rootfs, 'tmp', 'h8-proc-target'), { recursive: true });
    await symlink('tmp/h8-proc-target', join(rootfs, 'proc'));
    const pidFile = join(ctx.workDir, 'proc-symlink.pid');
    const a = await attempt(ctx.runtime, ctx, pidFile);
    if (a.failedAt) {
      ctx.note(`the runtime refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
      return;
    }
    const mounts = await readMountinfo(await ctx.pid());
    const followed = mounts.filter((m) => m.fstype === 'proc' && m.mountPoint === '/tmp/h8-proc-target');
    ctx.expectEqual('CFG-MOUNT-APPLIED', 'proc mounts at the symlink target /tmp/h8-proc-target', 0, followed.length);
  },
});
