/**
 * The four blockIO throttle cases share one shape: a rate for the host's
 * real disk (read-only use: only the container's own cgroup is throttled),
 * read back from blkio.throttle.* (v1) or io.max (v2).
 */
import { type CaseDefinition, defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';
import { hostDisk } from '../_lib/disk.js';

export type ThrottleField = 'throttleReadBpsDevice' | 'throttleWriteBpsDevice' | 'throttleReadIOPSDevice' | 'throttleWriteIOPSDevice';

export function throttleCase(field: ThrottleField, slug: string, rate: number): CaseDefinition {
  return defineCase({
    id: `linux.cgroups.blockio.${slug}`,
    title: `blockIO.${field} limits the container cgroup on a real disk`,
    requirements: ['LNX-BLKIO-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
    needs: ['cgroup-write', 'cgroup-blkio'],
    run: async (ctx) => {
      const disk = (await hostDisk()) ?? ctx.skip('no block device on this host (only loop, ram or zram devices) to throttle');
      const c = await ctx.another('io', (b) => b.withResources({ blockIO: { [field]: [{ major: disk.major, minor: disk.minor, rate }] } }));
      ctx.note(`device ${disk.name} (${disk.major}:${disk.minor})`);
      await applied(
        ctx,
        [{ what: `blockIO.${field}`, pick: (o) => o.blockIO?.[field]?.filter((d) => d.major === disk.major && d.minor === disk.minor), expected: [{ major: disk.major, minor: disk.minor, rate }] }],
        applies('LNX-BLKIO-APPLIED'),
        undefined,
        c,
      );
    },
  });
}
