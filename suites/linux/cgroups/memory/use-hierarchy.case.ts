import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.useHierarchy true: memory.use_hierarchy 1 (v1 only). */
export default defineCase({
  id: 'linux.cgroups.memory.use-hierarchy',
  title: 'memory.useHierarchy enables hierarchical accounting for the container cgroup',
  requirements: ['LNX-MEMORY-USEHIERARCHY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ useHierarchy: true }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.useHierarchy', pick: (o) => o.memory?.useHierarchy, expected: true, shownWith: 'cgroup-v1', hidden: 'cgroup v2 is always hierarchical and has no such file' }], applies('LNX-MEMORY-USEHIERARCHY-APPLIED'));
  },
});
