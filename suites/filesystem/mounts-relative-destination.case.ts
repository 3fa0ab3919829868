import { defineCase, HOLD, readMountinfo, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';

/**
 * From 1.2.0 a relative mount destination on Linux is relative to the
 * container's /: mnt/h8-rel is /mnt/h8-rel. process.cwd is /etc, so a runtime
 * that took it from the working directory would mount at /etc/mnt/h8-rel.
 */
export default defineCase({
  id: 'filesystem.mounts.relative-destination',
  title: 'a relative mount destination is taken from the container root, not from process.cwd',
  requirements: ['CFG-MOUNT-DESTINATION-RELATIVE-TO-ROOT'],
  config: (c) => c.withMount({ destination: 'mnt/h8-rel', type: 'tmpfs', source: 'tmpfs', options: ['size=1m'] }).withCwd('/etc').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const m = await containerMount(pid, '/mnt/h8-rel');
    ctx.expectEqual('CFG-MOUNT-DESTINATION-RELATIVE-TO-ROOT', 'filesystem type at /mnt/h8-rel', 'tmpfs', m?.fstype);
    const wrong = (await readMountinfo(pid)).filter((e) => e.mountPoint.endsWith('/mnt/h8-rel') && e.mountPoint !== '/mnt/h8-rel').map((e) => e.mountPoint);
    ctx.expectEqual('CFG-MOUNT-DESTINATION-RELATIVE-TO-ROOT', 'mounts of mnt/h8-rel anywhere but below / (process.cwd is /etc)', [], wrong);
  },
});
