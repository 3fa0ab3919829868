import { defineCase, HOLD, readMountinfo, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { hostMountsBelow } from './_lib/mounts.js';

/**
 * rbind takes the mounts below the source along: the host's /dev has mounts
 * of its own below it (/dev/pts, /dev/shm, ...), and an rbind of /dev shows
 * them below the destination too. (Devices stay denied by the cgroup.)
 */
export default defineCase({
  id: 'filesystem.mounts.rbind',
  title: 'an rbind mount brings the mounts below its source along',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-RBIND'],
  config: (c) => c.withMount({ destination: '/mnt/h8-rbind', type: 'bind', source: '/dev', options: ['rbind', 'rprivate', 'nosuid', 'noexec'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-RBIND', 'CFG-MOUNT-OPTIONS-APPLIED');
    const nested = await hostMountsBelow('/dev');
    if (nested.length === 0) ctx.skip('the host has no mount below /dev, so there is nothing for rbind to bring along');
    const points = new Set((await readMountinfo(await startHeld(ctx))).map((m) => m.mountPoint));
    for (const n of nested) {
      const want = `/mnt/h8-rbind${n.slice('/dev'.length)}`;
      ctx.expect(req, points.has(want), { message: `the host mount ${n} is not at ${want} in the container`, expected: want });
    }
  },
});
