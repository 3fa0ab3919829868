import { defineCase, HOLD, readMountinfo, startHeld } from '../case.js';
import { hostMountsBelow, kernelHasMountSetattr } from './_lib/mounts.js';

/** rro (1.1.0 on) makes the bind mount and every mount below it read-only (mount_setattr with AT_RECURSIVE). */
export default defineCase({
  id: 'filesystem.mounts.option.rro',
  title: 'rro makes a recursive bind mount read-only all the way down',
  requirements: ['CFG-MOUNT-OPTION-RRO'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-rro', type: 'bind', source: '/dev', options: ['rbind', 'rprivate', 'rro', 'nosuid', 'noexec'] }).withScript(HOLD),
  run: async (ctx) => {
    if (!kernelHasMountSetattr()) ctx.skip('the kernel is older than 5.12 and has no mount_setattr, which recursive read-only needs');
    const nested = await hostMountsBelow('/dev');
    if (nested.length === 0) ctx.skip('the host has no mount below /dev, so recursion could not be seen');
    const mounts = (await readMountinfo(await startHeld(ctx))).filter((m) => m.mountPoint === '/mnt/h8-rro' || m.mountPoint.startsWith('/mnt/h8-rro/'));
    if (!ctx.expect('CFG-MOUNT-OPTION-RRO', mounts.length > 1, { message: 'the rbind brought no nested mounts along', actual: mounts.map((m) => m.mountPoint) })) return;
    for (const m of mounts) {
      ctx.expect('CFG-MOUNT-OPTION-RRO', m.options.includes('ro'), { message: `${m.mountPoint} is not read-only`, expected: 'ro', actual: m.options });
    }
  },
});
