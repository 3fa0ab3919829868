import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** blockIO.leafWeight 300: blkio.leaf_weight (v1 with CFQ; gone from newer kernels, where the runtime may refuse). */
export default defineCase({
  id: 'linux.cgroups.blockio.leaf-weight',
  title: 'blockIO.leafWeight sets the leaf I/O weight of the container cgroup, or create fails',
  requirements: ['LNX-BLKIO-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-blkio'],
  config: (c) => c.withResources({ blockIO: { leafWeight: 300 } }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'blockIO.leafWeight', pick: (o) => o.blockIO?.leafWeight, expected: 300, shownWith: 'cgroup-v1', hidden: 'no blkio.leaf_weight: the CFQ scheduler is gone from this kernel' }], applies('LNX-BLKIO-APPLIED'), 'leaf weights existed only with CFQ');
  },
});
