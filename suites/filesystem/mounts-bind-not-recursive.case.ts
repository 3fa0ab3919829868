import { defineCase, HOLD, readMountinfo, startHeld } from '../case.js';
import { chargeable } from '../_lib/requirements.js';
import { hostMountsBelow } from './_lib/mounts.js';

/** A plain bind (not rbind) of the host's /dev leaves the mounts below it (/dev/pts, ...) behind. */
export default defineCase({
  id: 'filesystem.mounts.bind-not-recursive',
  title: 'a bind mount without rbind does not bring the mounts below its source',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  // a non-recursive bind of a tree with submounts is refused in a non-initial user namespace (the submounts are locked)
  needs: ['root'],
  also: ['CFG-MOUNT-OPTION-BIND'],
  config: (c) => c.withMount({ destination: '/mnt/h8-bind-dev', type: 'bind', source: '/dev', options: ['bind', 'rprivate', 'nosuid', 'noexec'] }).withScript(HOLD),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-BIND', 'CFG-MOUNT-OPTIONS-APPLIED');
    const nested = await hostMountsBelow('/dev');
    if (nested.length === 0) ctx.skip('the host has no mount below /dev, so a recursive bind could not be told from a plain one');
    const below = (await readMountinfo(await startHeld(ctx))).filter((m) => m.mountPoint.startsWith('/mnt/h8-bind-dev/')).map((m) => m.mountPoint);
    ctx.expectEqual(req, 'mounts below /mnt/h8-bind-dev', [], below);
  },
});
