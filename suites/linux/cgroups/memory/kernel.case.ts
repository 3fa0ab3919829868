import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.kernel 64 MiB (deprecated, NOT RECOMMENDED, but still a config property): applied as memory.kmem.limit_in_bytes, or create must fail; silently ignoring it is what this catches. */
export default defineCase({
  id: 'linux.cgroups.memory.kernel',
  title: 'memory.kernel is applied as the kernel memory limit, or create fails',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ limit: 134217728, kernel: 67108864 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.kernel', pick: (o) => o.memory?.kernel, expected: 67108864, mayRefuse: 'kernel memory limits are deprecated and newer kernels refuse them', shownWith: 'cgroup-v1', hidden: 'cgroup v2 has no kernel memory limit' }], applies('LNX-MEMORY-APPLIED'));
  },
});
