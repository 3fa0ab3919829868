import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.reservation 32 MiB: memory.soft_limit_in_bytes (v1) or memory.low (v2). */
export default defineCase({
  id: 'linux.cgroups.memory.reservation',
  title: 'memory.reservation sets the soft limit of the container cgroup',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ limit: 134217728, reservation: 33554432 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.reservation', pick: (o) => o.memory?.reservation, expected: 33554432 }], applies('LNX-MEMORY-APPLIED'));
  },
});
