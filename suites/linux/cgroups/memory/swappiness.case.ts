import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.swappiness 10: memory.swappiness of the container cgroup (v1 only). */
export default defineCase({
  id: 'linux.cgroups.memory.swappiness',
  title: 'memory.swappiness sets the swappiness of the container cgroup',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ swappiness: 10 }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.swappiness', pick: (o) => o.memory?.swappiness, expected: 10, shownWith: 'cgroup-v1', hidden: 'cgroup v2 has no per-cgroup swappiness' }], applies('LNX-MEMORY-APPLIED'));
  },
});
