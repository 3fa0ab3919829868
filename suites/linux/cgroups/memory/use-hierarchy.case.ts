import { defineCase } from '../../../case.js';
import { APPLY, applied } from '../_lib/resources.js';
import { specAtLeast } from '../../../lifecycle/ops/_lib/ops.js';

/** memory.useHierarchy true: memory.use_hierarchy 1 (v1 only). */
export default defineCase({
  id: 'linux.cgroups.memory.use-hierarchy',
  title: 'memory.useHierarchy enables hierarchical accounting for the container cgroup',
  requirements: ['RT-CREATE-APPLY-CONFIG', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['root', 'cgroup-memory'],
  config: (c) => c.withMemory({ useHierarchy: true }),
  run: async (ctx) => {
    if (!specAtLeast(ctx.specVersion, '1.0.2')) ctx.skip(`this field appeared in runtime-spec 1.0.2; this run targets ${ctx.specVersion}`);
    await applied(ctx, [{ what: 'memory.useHierarchy', pick: (o) => o.memory?.useHierarchy, expected: true, hidden: 'cgroup v2 is always hierarchical and has no such file' }], APPLY);
  },
});
