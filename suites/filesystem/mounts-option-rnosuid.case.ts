import { defineCase, HOLD, readMountinfo, startHeld } from '../case.js';
import { hostMountsBelow, kernelHasMountSetattr } from './_lib/mounts.js';

/** rnosuid (1.1.0 table) sets nosuid on an rbind mount and on every mount below it (the host's /dev and its submounts). */
export default defineCase({
  id: 'filesystem.mounts.option.rnosuid',
  title: 'rnosuid sets nosuid recursively',
  requirements: ['CFG-MOUNT-OPTION-RNOSUID'],
  needs: ['root'],
  config: (c) => c.withMount({ destination: '/mnt/h8-rnosuid', type: 'bind', source: '/dev', options: ['rbind', 'rprivate', 'rnosuid', 'nosuid', 'noexec'] }).withScript(HOLD),
  run: async (ctx) => {
    if (!kernelHasMountSetattr()) ctx.skip('the kernel is older than 5.12 and has no mount_setattr, which recursive mount flags need');
    if ((await hostMountsBelow('/dev')).length === 0) ctx.skip('the host has no mount below /dev, so recursion could not be seen');
    const mounts = (await readMountinfo(await startHeld(ctx))).filter((m) => m.mountPoint === '/mnt/h8-rnosuid' || m.mountPoint.startsWith('/mnt/h8-rnosuid/'));
    if (!ctx.expect('CFG-MOUNT-OPTION-RNOSUID', mounts.length > 1, { message: 'the rbind brought no nested mounts along', actual: mounts.map((m) => m.mountPoint) })) return;
    for (const m of mounts) ctx.expect('CFG-MOUNT-OPTION-RNOSUID', m.options.includes('nosuid'), { message: `${m.mountPoint} lacks nosuid`, expected: 'nosuid', actual: m.options });
  },
});
