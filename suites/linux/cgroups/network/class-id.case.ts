import { defineCase } from '../../../case.js';
import { applied, applies } from '../_lib/resources.js';

/** network.classID 0x100001: net_cls.classid of the container cgroup (v1 net_cls only). */
export default defineCase({
  id: 'linux.cgroups.network.class-id',
  title: 'network.classID sets net_cls.classid of the container cgroup',
  requirements: ['LNX-NETWORK-APPLIED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write', 'net-cls'],
  config: (c) => c.withResources({ network: { classID: 1048577 } }),
  run: async (ctx) => {
    await applied(ctx, [{ what: 'network.classID', pick: (o) => o.network?.classID, expected: 1048577 }], applies('LNX-NETWORK-APPLIED'));
  },
});
