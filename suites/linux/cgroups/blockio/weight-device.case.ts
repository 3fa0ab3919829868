import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';
import { hostDisk } from '../_lib/disk.js';
import { blkioDeviceWeight } from '../_lib/weights.js';

/**
 * blockIO.weightDevice for the host's disk, weight 400: blkio.(bfq.)weight_device (v1) or io.bfq.weight / io.weight
 * (v2), or create fails; on v2 compared on the spec's scale like blockio.weight (_lib/weights.ts).
 */
export default defineCase({
  id: 'linux.cgroups.blockio.weight-device',
  title: 'blockIO.weightDevice sets a per-device I/O weight, or create fails',
  requirements: ['LNX-BLKIO-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-blkio'],
  run: async (ctx) => {
    const disk = (await hostDisk()) ?? ctx.skip('no block device on this host (only loop, ram or zram devices)');
    const c = await ctx.another('io', (b) => b.withResources({ blockIO: { weightDevice: [{ major: disk.major, minor: disk.minor, weight: 400 }] } }));
    await applied(
      ctx,
      [
        {
          what: `blockIO.weightDevice ${disk.major}:${disk.minor}`,
          pick: (o) => blkioDeviceWeight(400, o.blockIO, disk.major, disk.minor).value,
          explain: (o) => blkioDeviceWeight(400, o.blockIO, disk.major, disk.minor).how,
          expected: 400,
          hidden: 'no per-device weight file: no proportional-weight I/O scheduler (bfq) in use',
        },
      ],
      applies('LNX-BLKIO-APPLIED'),
      'per-device weights need a proportional-weight I/O scheduler on the device',
      c,
    );
  },
});
