import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** memory.disableOOMKiller: oom_kill_disable 1 in memory.oom_control (v1 only). */
export default defineCase({
  id: 'linux.cgroups.memory.disable-oom-killer',
  title: 'memory.disableOOMKiller turns the OOM killer off for the container cgroup',
  requirements: ['LNX-MEMORY-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'cgroup-memory'],
  config: (c) => c.withMemory({ limit: 134217728, disableOOMKiller: true }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'memory.disableOOMKiller', pick: (o) => o.memory?.disableOOMKiller, expected: true, shownWith: 'cgroup-v1', hidden: 'cgroup v2 has no oom_kill_disable' }], applies('LNX-MEMORY-APPLIED'));
  },
});
