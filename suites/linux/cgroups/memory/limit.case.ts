import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.limit 64 MiB: memory.limit_in_bytes (v1) or memory.max (v2) of the container cgroup. */
export default defineCase({
  id: 'linux.cgroups.memory.limit',
  title: 'memory.limit sets the memory limit of the container cgroup',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ limit: 67108864 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.limit', pick: (o) => o.memory?.limit, expected: 67108864 }], applies('LNX-MEMORY-APPLIED'));
  },
});
