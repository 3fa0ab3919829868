import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';
import { blkioWeight } from '../_lib/weights.js';

/**
 * blockIO.weight 500: blkio.weight or blkio.bfq.weight (v1), io.bfq.weight
 * or io.weight (v2). Only a proportional-weight I/O scheduler offers these
 * files, so a runtime may refuse when the host has none; accepting the
 * setting and writing nothing is what this catches. Compared on the spec's
 * scale: io.weight (1-10000) counts when a known conversion of 500 gives it
 * (runc's and crun's: 4950), and the note says which (_lib/weights.ts).
 */
export default defineCase({
  id: 'linux.cgroups.blockio.weight',
  title: 'blockIO.weight sets the I/O weight of the container cgroup, or create fails',
  requirements: ['LNX-BLKIO-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-blkio'],
  config: (c) => c.withResources({ blockIO: { weight: 500 } }),
  run: async (ctx) => {
    await applied(
      ctx,
      [
        {
          what: 'blockIO.weight',
          pick: (o) => blkioWeight(500, o.blockIO).value,
          explain: (o) => blkioWeight(500, o.blockIO).how,
          expected: 500,
          hidden: 'no blkio weight file: no proportional-weight I/O scheduler (bfq) in use',
        },
      ],
      applies('LNX-BLKIO-APPLIED'),
      'the weight files exist only with a proportional-weight I/O scheduler',
    );
  },
});
