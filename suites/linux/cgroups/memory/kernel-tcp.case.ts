import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/**
 * memory.kernelTCP 16 MiB (NOT RECOMMENDED, but still a config property):
 * applied as memory.kmem.tcp.limit_in_bytes (v1), or create must fail;
 * silently ignoring it is what this catches.
 */
export default defineCase({
  id: 'linux.cgroups.memory.kernel-tcp',
  title: 'memory.kernelTCP is applied as the kernel TCP buffer limit, or create fails',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ limit: 134217728, kernelTCP: 16777216 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.kernelTCP', pick: (o) => o.memory?.kernelTCP, expected: 16777216, mayRefuse: 'kernel TCP limits are deprecated', shownWith: 'cgroup-v1', hidden: 'cgroup v2 has no kernel TCP limit file' }], applies('LNX-MEMORY-APPLIED'));
  },
});
