import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** network.priorities [lo: 5]: the lo line of net_prio.ifpriomap of the container cgroup (v1 net_prio only). */
export default defineCase({
  id: 'linux.cgroups.network.priorities',
  title: 'network.priorities sets net_prio.ifpriomap of the container cgroup',
  requirements: ['LNX-NETWORK-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'net-prio'],
  config: (c) => c.withResources({ network: { priorities: [{ name: 'lo', priority: 5 }] } }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'network.priorities[lo]', pick: (o) => o.network?.priorities?.filter((p) => p.name === 'lo'), expected: [{ name: 'lo', priority: 5 }] }], applies('LNX-NETWORK-APPLIED'));
  },
});
