import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.swap 128 MiB with limit 64 MiB: memory.memsw.limit_in_bytes (v1), or memory.swap.max + memory.max (v2), both in the spec sense of memory plus swap. */
export default defineCase({
  id: 'linux.cgroups.memory.swap',
  title: 'memory.swap sets the memory+swap limit of the container cgroup',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory', 'swap-accounting'],
  config: (c) => c.withMemory({ limit: 67108864, swap: 134217728 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.swap', pick: (o) => o.memory?.swap, expected: 134217728 }], applies('LNX-MEMORY-APPLIED'));
  },
});
