/**
 * A default filesystem's mount point (/proc, /sys) that is a symlink in the
 * rootfs: a runtime that mounts through it puts the filesystem where the
 * config did not say. It must refuse, or mount at the mount point itself.
 */
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { attempt, type CaseDefinition, defineCase, HOLD, readMountinfo } from '../../case.js';

/** filesystem.<dir>-symlink: /<dir> links to tmp/h8-<dir>-target; no `fstype` mount may land at the target. */
export function symlinkedMountPointCase(dir: string, fstype: string): CaseDefinition {
  const target = `tmp/h8-${dir}-target`;
  return defineCase({
    id: `filesystem.${dir}-symlink`,
    title: `a /${dir} symlink in the rootfs is refused, never followed for the ${fstype} mount`,
    requirements: ['CFG-MOUNT-APPLIED', 'RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', 'LNX-DEFAULT-FILESYSTEMS'],
    config: (c) => c.withScript(HOLD),
    run: async (ctx) => {
      const rootfs = join(ctx.bundle, 'rootfs');
      await rm(join(rootfs, dir), { recursive: true, force: true });
      await mkdir(join(rootfs, target), { recursive: true });
      await symlink(target, join(rootfs, dir));
      const pidFile = join(ctx.workDir, `${dir}-symlink.pid`);
      const a = await attempt(ctx.runtime, ctx, pidFile);
      if (a.failedAt) {
        ctx.note(`the runtime refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
        return;
      }
      const mounts = await readMountinfo(await ctx.pid());
      const followed = mounts.filter((m) => m.fstype === fstype && m.mountPoint === `/${target}`);
      ctx.expectEqual('CFG-MOUNT-APPLIED', `${fstype} mounts at the symlink target /${target}`, 0, followed.length);
    },
  });
}
